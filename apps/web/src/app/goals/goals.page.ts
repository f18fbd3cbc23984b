import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  OnInit,
  signal,
} from '@angular/core';
import type { GoalDto } from '@habit-tracker/api-client';
import { SessionService } from '../auth/session.service';
import { LoadStateComponent } from '../shared/load-state.component';
import { GoalCardComponent } from './goal-card.component';
import { GoalEditorComponent } from './goal-editor.component';
import { GoalsStore } from './goals.store';

/** The user's goals as cards, one editor open at a time (a new goal or one of the cards). */
@Component({
  selector: 'ht-goals-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [GoalCardComponent, GoalEditorComponent, LoadStateComponent],
  providers: [GoalsStore],
  template: `
    <main id="main" class="page" tabindex="-1">
      <header class="goals-header">
        <h1>Goals</h1>
        @if (editing() === null) {
          <button type="button" class="primary" (click)="startNewGoal()">New goal</button>
        }
      </header>

      @if (editing() === 'new') {
        <section class="editor">
          <ht-goal-editor
            [habits]="store.habits()"
            [today]="today()"
            (saved)="keepSaved($event)"
            (cancelled)="stopEditing()"
          />
        </section>
      }
      @if (store.actionError(); as message) {
        <p class="banner error" role="alert">{{ message }}</p>
      }

      @if (store.loader.ready()) {
        @if (store.cards().length === 0) {
          <div class="placeholder" data-testid="no-goals">
            <p><strong>No goals yet.</strong></p>
            <p>A goal adds up the habits you link to it, e.g. “Run 50 times this year”.</p>
          </div>
        }
        <ul class="goal-list" aria-label="Goals">
          @for (card of store.cards(); track card.goal.id) {
            <li>
              @if (editing() === card.goal.id) {
                <section class="editor">
                  <ht-goal-editor
                    [goal]="card.goal"
                    [habits]="store.habits()"
                    [today]="today()"
                    (saved)="keepSaved($event)"
                    (cancelled)="stopEditing()"
                  />
                </section>
              } @else {
                <ht-goal-card
                  [card]="card"
                  [confirmingDelete]="confirmingDelete() === card.goal.id"
                  (editRequested)="startEditing(card.goal)"
                  (deleteRequested)="confirmingDelete.set(card.goal.id)"
                  (deleteConfirmed)="deleteGoal(card.goal)"
                  (deleteCancelled)="confirmingDelete.set(null)"
                />
              }
            </li>
          }
        </ul>
      } @else {
        <ht-load-state
          [loader]="store.loader"
          loadingText="Loading goals…"
          failedText="Goals could not be loaded."
        />
      }
    </main>
  `,
  styles: `
    .goals-header {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 1rem;
      margin-bottom: 1rem;
    }
    .goals-header h1 {
      margin: 0;
    }
    .editor {
      padding: 1rem;
      border: 1px solid var(--line);
      border-radius: 12px;
      background: var(--surface);
      margin-bottom: 1rem;
    }
    .goal-list {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 0.75rem;
    }
    .placeholder {
      margin-bottom: 1rem;
    }
  `,
})
export class GoalsPage implements OnInit {
  private readonly session = inject(SessionService);
  protected readonly store = inject(GoalsStore);

  /** 'new', a goal id, or null. */
  protected readonly editing = signal<string | null>(null);
  protected readonly confirmingDelete = signal<string | null>(null);
  protected readonly today = computed(() => this.session.user()?.today ?? null);

  ngOnInit(): void {
    void this.store.loader.load();
  }

  protected startNewGoal(): void {
    this.editing.set('new');
  }

  protected startEditing(goal: GoalDto): void {
    this.confirmingDelete.set(null);
    this.editing.set(goal.id);
  }

  protected stopEditing(): void {
    this.editing.set(null);
  }

  protected keepSaved(goal: GoalDto): void {
    this.editing.set(null);
    this.store.keepSaved(goal);
  }

  protected async deleteGoal(goal: GoalDto): Promise<void> {
    await this.store.deleteGoal(goal);
    this.confirmingDelete.set(null);
  }
}
