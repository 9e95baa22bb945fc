// Wall-clock microseconds with sub-millisecond resolution (performance.now anchored at process start).
import { performance } from 'node:perf_hooks';

const originUs = Math.round(performance.timeOrigin * 1000);

/** Microseconds since the Unix epoch, monotonic within one process. */
export function nowUs(): number {
  return originUs + Math.round(performance.now() * 1000);
}
