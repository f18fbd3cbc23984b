import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as prettier from 'prettier';
import { fmt, median, ROOT, spread } from './util';

/** One line of the table: a scenario on one server at one concurrency, over its runs. */
export interface Row {
  scenario: string;
  server: string;
  connections: string;
  rps: number[];
  p50: number[];
  p99: number[];
  statements: number;
  /** Per A/B pair: this server's req/s ÷ the baseline's. */
  ratio: number[] | null;
  rssMb: number;
  cpuPercent: number[];
}

const HEADER = [
  'scenario',
  'server',
  'conn',
  'req/s',
  'p50 ms',
  'p99 ms',
  'stmts/req',
  '× baseline',
  'RSS MB',
  'CPU %',
];

export function renderTable(rows: Row[]): string {
  const cells = rows.map((r) => [
    r.scenario,
    r.server,
    r.connections,
    spread(r.rps),
    fmt(median(r.p50)),
    spread(r.p99),
    fmt(r.statements),
    r.ratio ? spread(r.ratio, 2) : '',
    fmt(r.rssMb),
    fmt(median(r.cpuPercent)),
  ]);
  const widths = HEADER.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) =>
    `| ${c.map((v, i) => (i >= 2 ? v.padStart(widths[i]) : v.padEnd(widths[i]))).join(' | ')} |`;
  const rule = `| ${widths.map((w, i) => (i >= 2 ? '-'.repeat(w - 1) + ':' : '-'.repeat(w))).join(' | ')} |`;
  return [line(HEADER), rule, ...cells.map(line)].join('\n');
}

export interface Machine {
  cpu: string;
  cores: number;
  memoryGb: number;
  node: string;
  postgres: string;
  redis: string;
  kernel: string;
  commit: string;
}

function git(args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
}

export function describeMachine(postgres: string, redis: string): Machine {
  const commit = git(['rev-parse', '--short', 'HEAD']) || 'unknown';
  const branch = git(['rev-parse', '--abbrev-ref', 'HEAD']);
  // The bench's own output (docs/performance.md) does not count as a change.
  const dirty = git(['status', '--porcelain', '--', '.', ':!docs/performance.md'])
    ? ' + uncommitted changes'
    : '';
  // The measured code: the bench's own commits do not change it.
  const app = git(['log', '-1', '--format=%h %s', '--', 'apps', 'libs']);
  const appDirty = git(['status', '--porcelain', '--', 'apps', 'libs'])
    ? ' + uncommitted changes'
    : '';
  return {
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    cores: os.cpus().length,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    postgres,
    redis,
    kernel: `${os.type()} ${os.release()}`,
    commit: `${commit}${branch ? ` (${branch})` : ''}${dirty}; the app's code (apps/, libs/) as of ${app ? `${app.slice(0, 7)} "${app.slice(8, 80)}${app.length > 88 ? '…' : ''}"` : 'unknown'}${appDirty}`,
  };
}

export function loadAverage(): string {
  return os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ');
}

const DOC = path.join(ROOT, 'docs', 'performance.md');

const INTRO = `# Performance

Figures measured by \`npm run bench\` (see the README's "Benchmark" section for what it does and
its options). Each section below is one run, written by the bench into the section named by
\`--label\`; a later run with the same label replaces it. Absolute figures depend on the machine
and on what else it was doing (each section records its load average): compare figures of the
same run, such as the ratio to the baseline, rather than across runs.
`;

/** Writes (or replaces) the section `label` of docs/performance.md, formatted by Prettier. */
export async function writeSection(label: string, markdown: string): Promise<string> {
  const start = `<!-- bench:${label}:start -->`;
  const end = `<!-- bench:${label}:end -->`;
  const block = `${start}\n${markdown.trim()}\n${end}`;
  fs.mkdirSync(path.dirname(DOC), { recursive: true });
  const current = fs.existsSync(DOC) ? fs.readFileSync(DOC, 'utf8') : INTRO;
  const from = current.indexOf(start);
  const to = current.indexOf(end);
  const next =
    from >= 0 && to > from
      ? current.slice(0, from) + block + current.slice(to + end.length)
      : `${current.trimEnd()}\n\n${block}\n`;
  const options = (await prettier.resolveConfig(DOC)) ?? {};
  fs.writeFileSync(DOC, await prettier.format(next, { ...options, filepath: DOC }));
  return DOC;
}
