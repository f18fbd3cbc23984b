import {
  ChangeDetectionStrategy,
  Component,
  computed,
  forwardRef,
  input,
  signal,
} from '@angular/core';
import { type ControlValueAccessor, NG_VALUE_ACCESSOR } from '@angular/forms';
import { browserTimeZone, matchTimeZones, timeZoneChoices, zoneOffset } from './time-zones';

let nextId = 0;

/**
 * A searchable time-zone field (the ARIA combobox pattern): type part of a city or region
 * ("york", "pago") and pick from the matches; the browser's own zone comes first. Only a zone
 * from the list is ever taken: anything else reverts when the field is left.
 */
@Component({
  selector: 'ht-time-zone-picker',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [
    {
      provide: NG_VALUE_ACCESSOR,
      useExisting: forwardRef(() => TimeZonePickerComponent),
      multi: true,
    },
  ],
  template: `
    <div class="picker">
      <input
        [id]="inputId()"
        type="text"
        role="combobox"
        autocomplete="off"
        spellcheck="false"
        aria-autocomplete="list"
        [attr.aria-expanded]="open()"
        [attr.aria-controls]="listId"
        [attr.aria-activedescendant]="open() && matches().length > 0 ? optionId(active()) : null"
        [attr.aria-describedby]="describedBy() || null"
        [attr.aria-invalid]="invalid() || null"
        [value]="text()"
        [disabled]="disabled()"
        (focus)="openList()"
        (click)="openList()"
        (input)="search($event)"
        (keydown)="navigate($event)"
        (blur)="leave()"
      />
      @if (open() && matches().length > 0) {
        <ul class="options" role="listbox" [id]="listId" aria-label="Time zones">
          @for (zone of matches(); track zone; let i = $index) {
            <!-- The keyboard picks an option through the input (aria-activedescendant, the
                 combobox pattern); a click is the pointer's way to the same choice. -->
            <!-- eslint-disable-next-line @angular-eslint/template/click-events-have-key-events, @angular-eslint/template/interactive-supports-focus -->
            <li
              role="option"
              [id]="optionId(i)"
              [attr.aria-selected]="i === active()"
              [class.active]="i === active()"
              (mousedown)="$event.preventDefault()"
              (click)="choose(zone)"
            >
              <span class="zone">{{ zone }}</span>
              <span class="offset"
                >{{ zoneOffset(zone) }}{{ zone === browserZone ? ' · this device' : '' }}</span
              >
            </li>
          }
        </ul>
      }
    </div>
  `,
  styles: `
    .picker {
      position: relative;
    }
    .options {
      position: absolute;
      z-index: 5;
      left: 0;
      right: 0;
      top: calc(100% + 2px);
      max-height: 17rem;
      overflow-y: auto;
      margin: 0;
      padding: 0.25rem 0;
      list-style: none;
      background: var(--surface);
      border: 1px solid var(--line);
      border-radius: 8px;
      box-shadow: 0 6px 20px rgb(0 0 0 / 0.15);
    }
    li {
      display: flex;
      justify-content: space-between;
      gap: 0.75rem;
      min-height: 2.75rem;
      align-items: center;
      padding: 0.3rem 0.7rem;
      cursor: pointer;
    }
    li.active {
      background: var(--accent-soft);
    }
    .zone {
      overflow-wrap: anywhere;
    }
    .offset {
      color: var(--ink-muted);
      font-size: 0.85rem;
      white-space: nowrap;
    }
  `,
})
export class TimeZonePickerComponent implements ControlValueAccessor {
  /** The input's id, for the page's `<label for>`. */
  readonly inputId = input.required<string>();
  readonly describedBy = input<string>('');
  readonly invalid = input(false);

  protected readonly listId = `zone-list-${++nextId}`;
  protected readonly browserZone = browserTimeZone();
  protected readonly zoneOffset = zoneOffset;
  private readonly value = signal('UTC');
  /** What the field shows: the value, or what the user is typing. */
  protected readonly text = signal('UTC');
  protected readonly query = signal('');
  protected readonly open = signal(false);
  protected readonly active = signal(0);
  protected readonly disabled = signal(false);
  private readonly zones = computed(() => timeZoneChoices(this.value()));
  protected readonly matches = computed(() => matchTimeZones(this.zones(), this.query(), 8));

  private onChange: (zone: string) => void = () => undefined;
  private onTouched: () => void = () => undefined;

  writeValue(zone: string | null): void {
    this.value.set(zone || 'UTC');
    this.text.set(zone || 'UTC');
  }
  registerOnChange(fn: (zone: string) => void): void {
    this.onChange = fn;
  }
  registerOnTouched(fn: () => void): void {
    this.onTouched = fn;
  }
  setDisabledState(disabled: boolean): void {
    this.disabled.set(disabled);
  }

  protected optionId(index: number): string {
    return `${this.listId}-${index}`;
  }

  protected openList(): void {
    if (this.open()) return;
    this.query.set('');
    this.active.set(0);
    this.open.set(true);
  }

  protected search(event: Event): void {
    const typed = (event.target as HTMLInputElement).value;
    this.text.set(typed);
    this.query.set(typed);
    this.active.set(0);
    this.open.set(true);
  }

  protected navigate(event: KeyboardEvent): void {
    const count = this.matches().length;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!this.open()) this.openList();
        else if (count > 0) this.active.set((this.active() + 1) % count);
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (count > 0) this.active.set((this.active() - 1 + count) % count);
        break;
      case 'Enter':
        if (this.open() && count > 0) {
          event.preventDefault();
          this.choose(this.matches()[this.active()]);
        }
        break;
      case 'Escape':
        if (this.open()) {
          event.preventDefault();
          this.close();
        }
        break;
    }
  }

  protected choose(zone: string): void {
    this.value.set(zone);
    this.text.set(zone);
    this.open.set(false);
    this.onChange(zone);
    this.onTouched();
  }

  /** Leaving the field takes an exact match of what was typed, else puts the value back. */
  protected leave(): void {
    const typed = this.text().trim().toLowerCase();
    const exact = this.zones().find((zone) => zone.toLowerCase() === typed);
    if (exact && exact !== this.value()) this.choose(exact);
    else this.close();
    this.onTouched();
  }

  private close(): void {
    this.open.set(false);
    this.text.set(this.value());
  }
}
