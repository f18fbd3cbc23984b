/**
 * `node dist/bench/cpu-profile.js FILE.cpuprofile [--window=8] [--top=10]`: the frames with the
 * most self time in a V8 CPU profile (e.g. one `npm run bench -- --cpu-prof=DIR` wrote), over the
 * busiest `window` seconds of the profile (the measured load, without the start-up and the idle
 * time around it). Percentages are of the samples in that window that were not idle.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from './util';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface Frame {
  functionName: string;
  file: string;
  line: number;
  /** For a frame of node's or V8's own (no file): the nearest JavaScript caller with a file. */
  caller: string | null;
  selfMs: number;
  selfPercent: number;
}

/** A frame's file relative to the repository (node_modules/… or dist/…), or node's own. */
function fileOf(url: string): string {
  if (!url) return '(native)';
  const file = url.startsWith('file://') ? new URL(url).pathname : url;
  return file.startsWith(ROOT) ? path.relative(ROOT, file) : file;
}

export function topSelfFrames(
  profile: Profile,
  windowSeconds: number,
  top: number,
): { frames: Frame[]; busyMs: number; idleMs: number } {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parents = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parents.set(c, n.id);
  // The nearest caller in a package or the app (past node's own modules), else in node's.
  const callerOf = (id: number): string | null => {
    let nearest: string | null = null;
    for (let p = parents.get(id); p !== undefined; p = parents.get(p)) {
      const { functionName, url, lineNumber } = nodes.get(p)!.callFrame;
      if (!url) continue;
      const name = `${functionName || '(anonymous)'} (${fileOf(url)}:${lineNumber + 1})`;
      if (!url.startsWith('node:')) return name;
      nearest ??= name;
    }
    return nearest;
  };
  const isIdle = (id: number) => nodes.get(id)?.callFrame.functionName === '(idle)';
  // Each sample's time: the delta to the next sample.
  const times: number[] = [];
  let t = profile.startTime;
  for (const delta of profile.timeDeltas) times.push((t += delta));
  const ms = (i: number) => ((times[i + 1] ?? times[i]) - times[i]) / 1000;
  // The busiest window: the most non-idle time within `windowSeconds`.
  const span = windowSeconds * 1e6;
  let best = { from: 0, to: profile.samples.length, busy: -1 };
  let from = 0;
  let busy = 0;
  for (let to = 0; to < profile.samples.length; to++) {
    if (!isIdle(profile.samples[to])) busy += ms(to);
    while (times[to] - times[from] > span) {
      if (!isIdle(profile.samples[from])) busy -= ms(from);
      from++;
    }
    if (busy > best.busy) best = { from, to: to + 1, busy };
  }
  const self = new Map<string, Frame>();
  let idleMs = 0;
  for (let i = best.from; i < best.to; i++) {
    const node = nodes.get(profile.samples[i])!;
    if (isIdle(node.id)) {
      idleMs += ms(i);
      continue;
    }
    const { functionName, url, lineNumber } = node.callFrame;
    const caller = url ? null : callerOf(node.id);
    const key = `${functionName}|${url}|${lineNumber}|${caller}`;
    const frame = self.get(key) ?? {
      functionName: functionName || '(anonymous)',
      file: fileOf(url),
      line: lineNumber + 1,
      caller,
      selfMs: 0,
      selfPercent: 0,
    };
    frame.selfMs += ms(i);
    self.set(key, frame);
  }
  const frames = [...self.values()].sort((a, b) => b.selfMs - a.selfMs).slice(0, top);
  for (const f of frames) f.selfPercent = (100 * f.selfMs) / best.busy;
  return { frames, busyMs: best.busy, idleMs };
}

function main(args: string[]): number {
  const file = args.find((a) => !a.startsWith('--'));
  const option = (name: string, fallback: number) => {
    const raw = args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
    return raw === undefined ? fallback : Number(raw);
  };
  if (!file) {
    console.error('usage: node dist/bench/cpu-profile.js FILE.cpuprofile [--window=8] [--top=10]');
    return 2;
  }
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
  const windowSeconds = option('window', 8);
  const { frames, busyMs, idleMs } = topSelfFrames(profile, windowSeconds, option('top', 10));
  console.log(
    `busiest ${windowSeconds} s: ${(busyMs / 1000).toFixed(2)} s on the CPU, ${(idleMs / 1000).toFixed(2)} s idle\n`,
  );
  console.log('| # | function | file | self % |');
  console.log('| -: | -------- | ---- | -----: |');
  frames.forEach((f, i) => {
    const where = f.caller
      ? `native, under \`${f.caller}\``
      : f.file === '(native)'
        ? 'V8'
        : `\`${f.file}:${f.line}\``;
    console.log(`| ${i + 1} | \`${f.functionName}\` | ${where} | ${f.selfPercent.toFixed(1)} |`);
  });
  return 0;
}

if (require.main === module) process.exit(main(process.argv.slice(2)));
