// How a side's measured clock offset is written in the reports' headers: one line per side.
import type { ClockOffset } from '../result.js';

/** A duration in µs in the unit that suits it: µs below 1 ms, ms below 1 s, else s. */
function span(us: number): string {
  const a = Math.abs(us);
  if (a < 1000) return `${Math.round(us)} µs`;
  if (a < 1_000_000) return `${(us / 1000).toFixed(2)} ms`;
  return `${(us / 1_000_000).toFixed(3)} s`;
}

/** "clock: +12 µs ± 35 µs against the coordinator (8 round trips)", or undefined when the side's clock was not measured. */
export function clockLine(clock: ClockOffset | undefined): string | undefined {
  if (!clock) return undefined;
  const sign = clock.offsetUs >= 0 ? '+' : '-';
  return `clock: ${sign}${span(Math.abs(clock.offsetUs))} ± ${span(clock.uncertaintyUs)} against the coordinator (${clock.samples} round trips)`;
}
