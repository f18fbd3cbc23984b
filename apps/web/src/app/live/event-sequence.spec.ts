import type { ServerEvent } from '@app/contracts';
import { EventSequence } from './event-sequence';

function nudge(seq: number): ServerEvent {
  return {
    type: 'nudge',
    seq,
    payload: { habitId: 'h1', name: 'Run', localDate: '2026-11-25' },
  };
}
const seqs = (events: ServerEvent[]) => events.map((event) => event.seq);

describe('EventSequence', () => {
  it('lets consecutive events through once, in order', () => {
    const sequence = new EventSequence(4);
    expect(seqs(sequence.accept([nudge(5)]))).toEqual([5]);
    expect(seqs(sequence.accept([nudge(5), nudge(6)]))).toEqual([6]);
    expect(seqs(sequence.accept([nudge(3), nudge(6)]))).toEqual([]);
    expect(sequence.lastSeq).toBe(6);
  });

  it('holds an event after a gap until the catch-up brings the missing ones', () => {
    const sequence = new EventSequence(10);
    // Live 13 arrives while 11 and 12 were lost in a drop.
    expect(seqs(sequence.accept([nudge(13)]))).toEqual([]);
    expect(sequence.hasGap).toBe(true);
    expect(sequence.lastSeq).toBe(10);
    // The catch-up answers 11..13 (13 again): 11, 12, 13 once each.
    expect(seqs(sequence.accept([nudge(11), nudge(12), nudge(13)]))).toEqual([11, 12, 13]);
    expect(sequence.hasGap).toBe(false);
    expect(sequence.lastSeq).toBe(13);
  });

  it('sorts a batch that came out of order', () => {
    const sequence = new EventSequence(0);
    expect(seqs(sequence.accept([nudge(3), nudge(1), nudge(2), nudge(2)]))).toEqual([1, 2, 3]);
  });

  it('flushes what is held after a gap the server can no longer fill', () => {
    const sequence = new EventSequence(2);
    sequence.accept([nudge(7), nudge(5)]);
    expect(seqs(sequence.flush())).toEqual([5, 7]);
    expect(sequence.lastSeq).toBe(7);
    expect(sequence.flush()).toEqual([]);
  });

  it('starts over from the server’s latest seq', () => {
    const sequence = new EventSequence(0);
    sequence.accept([nudge(9)]);
    sequence.resetTo(20);
    expect(sequence.hasGap).toBe(false);
    expect(seqs(sequence.accept([nudge(20), nudge(21)]))).toEqual([21]);
  });
});
