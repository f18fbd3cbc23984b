import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { pageLoad } from './page-load';
import { LoadStateComponent } from './load-state.component';

/** A read the test answers by hand: each call waits until `answer` or `fail` is called. */
function controlledRead<T>() {
  const pending: { resolve: (value: T) => void; reject: (error: unknown) => void }[] = [];
  return {
    read: () => new Promise<T>((resolve, reject) => pending.push({ resolve, reject })),
    calls: () => pending.length,
    answer: (call: number, value: T) => pending[call].resolve(value),
    fail: (call: number, error: unknown) => pending[call].reject(error),
  };
}

const offline = new HttpErrorResponse({ status: 0, statusText: 'Unknown Error' });
const notFound = new HttpErrorResponse({
  status: 404,
  error: { statusCode: 404, code: 'HABIT_NOT_FOUND', message: 'x' },
});

describe('pageLoad', () => {
  it('goes from loading to the data', async () => {
    const server = controlledRead<string[]>();
    const kept: string[][] = [];
    const load = pageLoad(server.read, (answer) => kept.push(answer));
    expect(load.status()).toBe('loading');

    const loaded = load.load();
    expect(load.status()).toBe('loading');
    expect(load.ready()).toBe(false);
    server.answer(0, ['run', 'read']);
    await loaded;

    expect(kept).toEqual([['run', 'read']]);
    expect(load.status()).toBe('ready');
    expect(load.ready()).toBe(true);
    expect(load.error()).toBeNull();
  });

  it('goes from loading to the error, and a retry shows loading again, then the data', async () => {
    const server = controlledRead<number>();
    const kept: number[] = [];
    const load = pageLoad(server.read, (answer) => kept.push(answer));

    const first = load.load();
    server.fail(0, offline);
    await first;
    expect(load.status()).toBe('error');
    expect(load.error()).toMatch(/cannot be reached/);
    expect(kept).toEqual([]);

    const retry = load.load();
    expect(load.status()).toBe('loading');
    server.answer(1, 42);
    await retry;
    expect(load.status()).toBe('ready');
    expect(load.error()).toBeNull();
    expect(kept).toEqual([42]);
  });

  it('keeps the data on screen when a refresh fails, saying why, until one succeeds', async () => {
    const server = controlledRead<number>();
    const kept: number[] = [];
    const load = pageLoad(server.read, (answer) => kept.push(answer));
    const first = load.load();
    server.answer(0, 1);
    await first;

    const refresh = load.refresh();
    expect(load.status()).toBe('ready'); // no loading state behind data already shown
    server.fail(1, notFound);
    await refresh;
    expect(load.status()).toBe('ready');
    expect(load.error()).toBe('That habit no longer exists.');
    expect(kept).toEqual([1]);

    const again = load.refresh();
    server.answer(2, 2);
    await again;
    expect(load.error()).toBeNull();
    expect(kept).toEqual([1, 2]);
  });

  it('keeps only the newest read’s answer (a slow answer to an older filter is dropped)', async () => {
    const server = controlledRead<string>();
    const kept: string[] = [];
    const load = pageLoad(server.read, (answer) => kept.push(answer));
    const older = load.load();
    const newer = load.load();
    server.answer(1, 'paused habits');
    await newer;
    server.answer(0, 'all habits');
    await older;
    expect(kept).toEqual(['paused habits']);

    const failingOlder = load.refresh();
    const newest = load.refresh();
    server.answer(3, 'paused again');
    await newest;
    server.fail(2, offline);
    await failingOlder;
    expect(load.error()).toBeNull();
    expect(kept).toEqual(['paused habits', 'paused again']);
  });
});

describe('LoadStateComponent', () => {
  it('shows the loading text, then the failure with a retry that loads again, then nothing', async () => {
    const server = controlledRead<string>();
    const load = pageLoad(server.read, () => undefined);
    const fixture = TestBed.createComponent(LoadStateComponent);
    fixture.componentRef.setInput('loader', load);
    fixture.componentRef.setInput('loadingText', 'Loading goals…');
    fixture.componentRef.setInput('failedText', 'Goals could not be loaded.');
    const element = fixture.nativeElement as HTMLElement;

    const first = load.load();
    fixture.detectChanges();
    expect(element.querySelector('[role="status"]')?.textContent).toContain('Loading goals…');

    server.fail(0, offline);
    await first;
    fixture.detectChanges();
    const alert = element.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain(
      'Goals could not be loaded. The server cannot be reached.',
    );

    element.querySelector('button')?.click();
    expect(server.calls()).toBe(2);
    fixture.detectChanges();
    expect(element.querySelector('[role="status"]')?.textContent).toContain('Loading goals…');

    server.answer(1, 'goals');
    await Promise.resolve();
    await Promise.resolve();
    fixture.detectChanges();
    expect(load.status()).toBe('ready');
    expect(element.textContent?.trim()).toBe('');
  });
});
