import { TestBed } from '@angular/core/testing';
import { By } from '@angular/platform-browser';
import { provideRouter } from '@angular/router';
import { aHabit, aWeeklyHabit } from '../testing/habit.factory';
import { HabitCardComponent } from './habit-card.component';

describe('HabitCardComponent', () => {
  beforeEach(() => TestBed.configureTestingModule({ providers: [provideRouter([])] }));

  function render(habit: ReturnType<typeof aHabit>, busy = false) {
    const fixture = TestBed.createComponent(HabitCardComponent);
    fixture.componentRef.setInput('habit', habit);
    fixture.componentRef.setInput('busy', busy);
    fixture.detectChanges();
    const text = (testId: string) =>
      fixture.debugElement.query(By.css(`[data-testid="${testId}"]`))?.nativeElement.textContent;
    const buttons = () =>
      fixture.debugElement
        .queryAll(By.css('.actions button'))
        .map((b) => b.nativeElement as HTMLButtonElement);
    const days = () =>
      fixture.debugElement
        .queryAll(By.css('[data-testid="recent-days"] button'))
        .map((b) => b.nativeElement as HTMLButtonElement);
    return { fixture, text, buttons, days };
  }

  it('shows a weekly habit’s streak in weeks and the week as “2 of 3”', () => {
    const { text } = render(aWeeklyHabit({ currentStreak: 1, week: { done: 2, quota: 3 } }));
    expect(text('streak')).toBe('Streak: 1 week');
    expect(text('week')).toBe('2 of 3 this week');
  });

  it('offers Skip and Done until logged, then Undo; each tap emits what it does', () => {
    const habit = aHabit({ name: 'Read' });
    const { fixture, buttons } = render(habit);
    const logged: string[] = [];
    fixture.componentInstance.logTapped.subscribe((status) => logged.push(status));
    expect(buttons().map((b) => b.textContent?.trim())).toEqual(['Skip Read', 'Done Read']);
    buttons()[1].click();
    buttons()[0].click();
    expect(logged).toEqual(['done', 'skipped']);

    fixture.componentRef.setInput('habit', {
      ...habit,
      todayLog: { id: 'l', status: 'done', notes: null },
    });
    fixture.detectChanges();
    let undone = 0;
    fixture.componentInstance.undoTapped.subscribe(() => (undone += 1));
    expect(buttons().map((b) => b.textContent?.trim())).toEqual(['Undo Read']);
    buttons()[0].click();
    expect(undone).toBe(1);
  });

  it('disables its buttons while a change is on its way', () => {
    const { buttons, days } = render(aHabit(), true);
    expect(buttons().every((b) => b.disabled)).toBe(true);
    expect(days().every((b) => b.disabled)).toBe(true);
  });

  it('shows the last 7 days; a tap on one emits what it becomes', () => {
    const habit = aHabit({
      name: 'Read',
      startDate: '2026-11-19',
      recentDays: [
        { date: '2026-11-19', status: 'done', logId: 'l1' },
        { date: '2026-11-20', status: 'skipped', logId: 'l2' },
        { date: '2026-11-21', status: 'missed', logId: null },
        { date: '2026-11-22', status: 'missed', logId: null },
        { date: '2026-11-23', status: 'missed', logId: null },
        { date: '2026-11-24', status: 'missed', logId: null },
        { date: '2026-11-25', status: 'pending', logId: null },
      ],
    });
    const { fixture, days } = render(habit);
    const toggled: unknown[] = [];
    fixture.componentInstance.dayToggled.subscribe((day) => toggled.push(day));
    expect(days()).toHaveLength(7);
    expect(days()[0].getAttribute('aria-label')).toBe(
      'Read, Thu 19 Nov 2026: done. Tap to mark skipped.',
    );
    days()[0].click();
    days()[1].click();
    days()[2].click();
    expect(toggled).toEqual([
      { date: '2026-11-19', status: 'skipped' },
      { date: '2026-11-20', status: null },
      { date: '2026-11-21', status: 'done' },
    ]);
  });
});
