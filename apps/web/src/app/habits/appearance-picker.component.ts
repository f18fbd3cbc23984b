import { ChangeDetectionStrategy, Component, computed, model, signal } from '@angular/core';
import {
  colorVar,
  HABIT_COLORS,
  HABIT_ICONS,
  type HabitColor,
  isOneEmoji,
} from './habit-appearance';

/** A habit's colour (the palette) and icon (a built-in one, any emoji typed, or none). */
@Component({
  selector: 'ht-appearance-picker',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <fieldset class="group">
      <legend>Colour</legend>
      <div class="swatches">
        @for (c of colors; track c.value) {
          <label class="swatch" [style.--swatch]="colorVar(c.value)" [title]="c.label">
            <input
              type="radio"
              name="habit-color"
              [value]="c.value"
              [checked]="color() === c.value"
              (change)="color.set(c.value)"
            />
            <span class="visually-hidden">{{ c.label }}</span>
          </label>
        }
      </div>
    </fieldset>
    <fieldset class="group">
      <legend>Icon <span class="optional">(optional)</span></legend>
      <div class="icons">
        <label class="icon none" title="No icon">
          <input
            type="radio"
            name="habit-icon"
            value=""
            [checked]="icon() === null"
            (change)="icon.set(null)"
          />
          <span aria-hidden="true">–</span><span class="visually-hidden">No icon</span>
        </label>
        @for (i of icons; track i.emoji) {
          <label class="icon" [title]="i.label">
            <input
              type="radio"
              name="habit-icon"
              [value]="i.emoji"
              [checked]="icon() === i.emoji"
              (change)="icon.set(i.emoji)"
            />
            <span aria-hidden="true">{{ i.emoji }}</span><span class="visually-hidden">{{
              i.label
            }}</span>
          </label>
        }
      </div>
      <div class="field own">
        <label for="habit-own-icon">Or type any emoji</label>
        <input
          id="habit-own-icon"
          [value]="ownIcon()"
          (input)="typeIcon($event)"
          maxlength="16"
          inputmode="text"
          autocomplete="off"
          [attr.aria-invalid]="ownIconInvalid() || null"
          aria-describedby="habit-own-icon-error"
        />
        @if (ownIconInvalid()) {
          <span id="habit-own-icon-error" class="field-error">Type a single emoji.</span>
        }
      </div>
    </fieldset>
  `,
  styles: `
    .group {
      border: 1px solid var(--line);
      border-radius: 10px;
      padding: 0.6rem 0.9rem 0.75rem;
      margin: 0 0 0.9rem;
    }
    legend {
      font-weight: 600;
      padding: 0 0.25rem;
    }
    .swatches,
    .icons {
      display: flex;
      flex-wrap: wrap;
      gap: 0.35rem;
    }
    .swatch,
    .icon {
      position: relative;
      display: inline-flex;
      align-items: center;
      justify-content: center;
      width: 2.75rem;
      height: 2.75rem;
      border-radius: 50%;
      cursor: pointer;
    }
    .swatch {
      background: var(--swatch);
    }
    .icon {
      border: 1px solid var(--line);
      font-size: 1.3rem;
    }
    .swatch input,
    .icon input {
      position: absolute;
      inset: 0;
      margin: 0;
      opacity: 0;
      cursor: pointer;
      min-height: 0;
    }
    .swatch:has(input:checked),
    .icon:has(input:checked) {
      outline: 3px solid var(--ink);
      outline-offset: 2px;
    }
    .swatch:has(input:focus-visible),
    .icon:has(input:focus-visible) {
      outline: 3px solid var(--focus);
      outline-offset: 2px;
    }
    .own {
      margin: 0.6rem 0 0;
      max-width: 14rem;
    }
  `,
})
export class AppearancePickerComponent {
  readonly color = model.required<HabitColor>();
  readonly icon = model.required<string | null>();

  protected readonly colors = HABIT_COLORS;
  protected readonly icons = HABIT_ICONS;
  protected readonly colorVar = colorVar;
  private readonly typed = signal<string | null>(null);
  /** The text field shows an icon that is not one of the built-in set. */
  protected readonly ownIcon = computed(() => {
    const typed = this.typed();
    if (typed !== null) return typed;
    const icon = this.icon();
    return icon && !HABIT_ICONS.some((i) => i.emoji === icon) ? icon : '';
  });
  protected readonly ownIconInvalid = computed(() => {
    const typed = this.typed()?.trim();
    return !!typed && !isOneEmoji(typed);
  });

  protected typeIcon(event: Event): void {
    const text = (event.target as HTMLInputElement).value;
    this.typed.set(text);
    const trimmed = text.trim();
    if (trimmed === '') this.icon.set(null);
    else if (isOneEmoji(trimmed)) this.icon.set(trimmed);
  }
}
