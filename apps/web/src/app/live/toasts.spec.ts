import type { ServerEvent } from '@app/contracts';
import { aHabit } from '../testing/habit.factory';
import { toastFor } from './toasts';

describe('toastFor', () => {
  it('celebrates a completed goal with its figures', () => {
    const event = {
      type: 'goal_completed',
      seq: 7,
      payload: {
        goal: { id: 'g1', name: 'Run 5 times', currentValue: 5, targetValue: 5, unit: 'runs' },
      },
    } as unknown as ServerEvent;
    expect(toastFor(event)).toEqual({
      tone: 'success',
      title: 'Goal reached 🎉',
      body: '“Run 5 times”: 5 of 5 runs.',
      link: { label: 'See goals', url: '/goals' },
    });
  });

  it('writes a goal’s figures as the goal card does (1,000,000,001, not 1000000001)', () => {
    const event = {
      type: 'goal_completed',
      seq: 7,
      payload: {
        goal: { id: 'g1', name: 'Pages', currentValue: 2499.5, targetValue: 1500, unit: 'pages' },
      },
    } as unknown as ServerEvent;
    expect(toastFor(event, 'en-GB')?.body).toBe('“Pages”: 2,499.5 of 1,500 pages.');
  });

  it('warns about a habit at risk with the misses that put it there', () => {
    const habit = aHabit({ id: 'h9', name: 'Stretch' });
    const event = {
      type: 'habit_at_risk',
      seq: 8,
      payload: { habit, consecutiveMisses: 3 },
    } as unknown as ServerEvent;
    const toast = toastFor(event);
    expect(toast?.tone).toBe('warning');
    expect(toast?.title).toBe('“Stretch” is at risk');
    expect(toast?.body).toBe('3 misses in a row. One log today keeps it going.');
    expect(toast?.link?.url).toBe('/habits/h9');
  });

  it('passes a nudge on, and keeps logs and streaks quiet', () => {
    const nudge: ServerEvent = {
      type: 'nudge',
      seq: 9,
      payload: { habitId: 'h2', name: 'Read', localDate: '2026-11-25' },
    };
    expect(toastFor(nudge)?.title).toBe('Still time for “Read”');
    const logged = {
      type: 'streak_update',
      seq: 10,
      payload: { habit: aHabit() },
    } as unknown as ServerEvent;
    expect(toastFor(logged)).toBeNull();
  });
});
