import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { ImportProgress } from '@app/contracts';
import { ImportExportService, type ImportResultDto } from '@habit-tracker/api-client';
import { firstValueFrom } from 'rxjs';
import { toAccountError } from '../account/account-errors';
import { LiveEvents } from '../live/live-events';
import { importSourceName, importSummaryLine } from './import-summary';

type Step = 'idle' | 'checking' | 'confirm' | 'importing' | 'done';

/**
 * Import and export (SPEC.md §6): downloads of the whole account, and an upload that is first
 * read as a dry run, shown, and imported only when the person confirms.
 */
@Component({
  selector: 'ht-import-export',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p>Take everything with you, or bring your history from Loop Habit Tracker.</p>
    <div class="row">
      <button type="button" (click)="download('json')" [disabled]="downloading()">
        Download JSON
      </button>
      <button type="button" (click)="download('csv')" [disabled]="downloading()">
        Download CSV (zip)
      </button>
    </div>
    @if (downloadError(); as message) {
      <p class="form-error" role="alert">{{ message }}</p>
    }

    <div class="field">
      <label for="import-file">Import a file</label>
      <input
        id="import-file"
        type="file"
        accept=".json,.db,.zip,application/json,application/zip,application/x-sqlite3"
        (change)="choose($event)"
        [disabled]="step() === 'checking' || step() === 'importing'"
        aria-describedby="import-hint"
      />
      <p id="import-hint" class="hint">
        A Habit Tracker export (.json), a Loop backup (.db) or a Loop CSV export (.zip), up to 20
        MB. Importing the same Loop file again adds only the days you do not have yet.
      </p>
    </div>

    @if (step() === 'checking' || step() === 'importing') {
      <div class="progress" role="status">
        @if (progress(); as p) {
          <progress aria-label="Importing" [value]="p.done" [max]="p.total"></progress>
        } @else {
          <progress
            [attr.aria-label]="step() === 'checking' ? 'Reading the file' : 'Importing'"
          ></progress>
        }
        <span>{{ progressText() }}</span>
      </div>
    }
    @if (importError(); as message) {
      <p class="form-error" role="alert">{{ message }}</p>
    }
    @if (result(); as r) {
      <div
        class="summary"
        [attr.role]="step() === 'done' ? 'status' : null"
        data-testid="import-summary"
      >
        <p>
          <strong>{{ r.dryRun ? 'Ready to import' : 'Imported' }}</strong> from {{ source() }}:
          {{ lines() }}
        </p>
        @if (r.warnings.length > 0) {
          <ul class="warnings" aria-label="Warnings">
            @for (warning of r.warnings; track $index) {
              <li>{{ warning }}</li>
            }
          </ul>
        }
        @if (step() === 'confirm') {
          <div class="row">
            <button type="button" class="primary" (click)="confirm()">Import</button>
            <button type="button" (click)="cancel()">Cancel</button>
          </div>
        }
      </div>
    }
  `,
  styles: `
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      margin-bottom: 0.75rem;
    }
    .hint {
      margin: 0.25rem 0 0;
      color: var(--ink-muted);
      font-size: 0.9rem;
    }
    input[type='file'] {
      max-width: 100%;
    }
    .progress {
      display: flex;
      align-items: center;
      gap: 0.5rem;
      flex-wrap: wrap;
      margin: 0.75rem 0;
    }
    progress {
      width: min(16rem, 100%);
    }
    .summary {
      margin-top: 0.75rem;
      padding: 0.75rem;
      border: 1px solid var(--line);
      border-radius: 8px;
    }
    .summary p {
      margin: 0 0 0.5rem;
    }
    .warnings {
      margin: 0 0 0.75rem;
      padding-left: 1.25rem;
      color: var(--ink-muted);
      overflow-wrap: anywhere;
    }
    .summary > :last-child {
      margin-bottom: 0;
    }
  `,
})
export class ImportExportComponent {
  private readonly api = inject(ImportExportService);

  protected readonly step = signal<Step>('idle');
  protected readonly result = signal<ImportResultDto | null>(null);
  protected readonly importError = signal<string | null>(null);
  protected readonly downloading = signal(false);
  protected readonly downloadError = signal<string | null>(null);
  protected readonly progress = signal<ImportProgress | null>(null);
  private file: File | null = null;

  protected readonly progressText = computed(() => {
    const p = this.progress();
    if (this.step() === 'checking') return 'Reading the file…';
    if (!p) return 'Importing… a large history can take a minute.';
    return p.phase === 'writing'
      ? `Importing… ${p.done.toLocaleString()} of ${p.total.toLocaleString()} logs`
      : 'Working out streaks and scores…';
  });

  constructor() {
    // The server reports a large import's progress over the live connection.
    inject(LiveEvents)
      .importProgress$.pipe(takeUntilDestroyed(inject(DestroyRef)))
      .subscribe((progress) => {
        if (this.step() === 'importing') this.progress.set(progress);
      });
  }

  protected readonly source = computed(() => {
    const r = this.result();
    return r ? importSourceName(r.summary.source) : '';
  });
  protected readonly lines = computed(() => {
    const r = this.result();
    return r ? importSummaryLine(r.summary) : '';
  });

  protected async download(format: 'json' | 'csv'): Promise<void> {
    this.downloading.set(true);
    this.downloadError.set(null);
    try {
      const blob = await firstValueFrom(
        format === 'json'
          ? this.api.exportAccount$Json({ format })
          : this.api.exportAccount$Zip({ format }),
      );
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = `habit-tracker-${new Date().toISOString().slice(0, 10)}.${format === 'json' ? 'json' : 'zip'}`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch (error) {
      this.downloadError.set(toAccountError(error).message);
    } finally {
      this.downloading.set(false);
    }
  }

  /** A file was chosen: read it as a dry run and show what it would bring. */
  protected async choose(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    this.file = input.files?.[0] ?? null;
    this.result.set(null);
    this.importError.set(null);
    if (!this.file) {
      this.step.set('idle');
      return;
    }
    this.step.set('checking');
    try {
      this.result.set(
        await firstValueFrom(this.api.importFile({ dryRun: true, body: { file: this.file } })),
      );
      this.step.set('confirm');
    } catch (error) {
      this.importError.set(toAccountError(error).message);
      this.step.set('idle');
    }
    input.value = '';
  }

  protected async confirm(): Promise<void> {
    if (!this.file) return;
    this.step.set('importing');
    this.progress.set(null);
    this.importError.set(null);
    try {
      this.result.set(await firstValueFrom(this.api.importFile({ body: { file: this.file } })));
      this.step.set('done');
    } catch (error) {
      this.importError.set(toAccountError(error).message);
      this.step.set('confirm');
    }
    this.file = null;
  }

  protected cancel(): void {
    this.file = null;
    this.result.set(null);
    this.step.set('idle');
  }
}
