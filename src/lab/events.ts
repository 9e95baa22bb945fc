// Read the guest's events.jsonl as it grows, and say where the guest is (the phase under way) for bounds and errors.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { LabEvent } from './types.js';

/** An event with the host's time (ms since the VM was started) when the host first saw it. */
export type SeenEvent = LabEvent & { seenMs: number };

/**
 * Follows one events file: `poll` returns the events appended since the last call (whole lines only). It reads only
 * what was appended since (the file grows by a line per variant during a run).
 */
export class EventReader {
  private offset = 0;
  readonly events: SeenEvent[] = [];
  constructor(private readonly file: string) {}

  poll(nowMs: number): SeenEvent[] {
    let chunk: Buffer;
    try {
      const fd = openSync(this.file, 'r');
      try {
        const size = fstatSync(fd).size;
        if (size <= this.offset) return [];
        chunk = Buffer.alloc(size - this.offset);
        const n = readSync(fd, chunk, 0, chunk.length, this.offset);
        chunk = chunk.subarray(0, n);
      } finally {
        closeSync(fd);
      }
    } catch { return []; }
    // Up to the last newline (a line being appended waits for the next poll); '\n' is one byte in UTF-8.
    const end = chunk.lastIndexOf(0x0a) + 1;
    const fresh: SeenEvent[] = [];
    for (const line of chunk.subarray(0, end).toString('utf8').split('\n')) {
      if (!line.trim()) continue;
      try { fresh.push({ ...(JSON.parse(line) as LabEvent), seenMs: nowMs }); } catch { /* a torn line cannot happen with whole-line appends; skip */ }
    }
    this.offset += end;
    this.events.push(...fresh);
    return fresh;
  }
}

/** The phase started last and not ended yet, if any. */
export function currentPhase(events: readonly LabEvent[]): { phase: string; t: number } | undefined {
  const open = new Map<string, number>();
  for (const e of events) {
    if (e.type !== 'phase') continue;
    if (e.state === 'start') open.set(e.phase, e.t);
    else open.delete(e.phase);
  }
  const last = [...open.entries()].pop();
  return last ? { phase: last[0], t: last[1] } : undefined;
}

/** Wall time of each ended phase in ms (from the guest's clock), in the order they ended. */
export function phaseTimes(events: readonly LabEvent[]): { phase: string; ms: number; ok: boolean }[] {
  const started = new Map<string, number>();
  const out: { phase: string; ms: number; ok: boolean }[] = [];
  for (const e of events) {
    if (e.type !== 'phase') continue;
    if (e.state === 'start') started.set(e.phase, e.t);
    else if (started.has(e.phase)) out.push({ phase: e.phase, ms: Math.round((e.t - started.get(e.phase)!) * 1000), ok: e.state === 'ok' });
  }
  return out;
}
