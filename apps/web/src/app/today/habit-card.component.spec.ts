import { TestBed } from '@angular/core/testing';
import { By } from '@angular/platform-browser';
import { aHabit, aWeeklyHabit } from '../testing/habit.factory';
import { HabitCardComponent } from './habit-card.component';

describe('HabitCardComponent', () => {
  function render(habit: ReturnType<typeof aHabit>, busy = false) {
    const fixture = TestBed.createComponent(HabitCardComponent);
    fixture.componentRef.setInput('habit', habit);
    fixture.componentRef.setInput('busy', busy);
    fixture.detectChanges();
    const text = (testId: string) =>
      fixture.debugElement.query(By.css(`[data-testid="${testId}"]`))?.nativeElement.textContent;
    const buttons = () =>
      fixture.debugElement
        .queryAll(By.css('button'))
        .map((b) => b.nativeElement as HTMLButtonElement);
    return { fixture, text, buttons };
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
    const { buttons } = render(aHabit(), true);
    expect(buttons().every((b) => b.disabled)).toBe(true);
  });
});
