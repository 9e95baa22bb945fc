// Read the guest's events.jsonl as it grows, and say where the guest is (the phase under way) for bounds and errors.
import { readFileSync } from 'node:fs';
import type { LabEvent } from './types.js';

/** An event with the host's time (ms since the VM was started) when the host first saw it. */
export type SeenEvent = LabEvent & { seenMs: number };

/** Follows one events file: `poll` returns the events appended since the last call (whole lines only). */
export class EventReader {
  private offset = 0;
  readonly events: SeenEvent[] = [];
  constructor(private readonly file: string) {}

  poll(nowMs: number): SeenEvent[] {
    let text: string;
    try { text = readFileSync(this.file, 'utf8'); } catch { return []; }
    const fresh: SeenEvent[] = [];
    const end = text.lastIndexOf('\n') + 1;
    for (const line of text.slice(this.offset, end).split('\n')) {
      if (!line.trim()) continue;
      try { fresh.push({ ...(JSON.parse(line) as LabEvent), seenMs: nowMs }); } catch { /* a torn line cannot happen with whole-line appends; skip */ }
    }
    this.offset = end;
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
