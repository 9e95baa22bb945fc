// Parse --modes: "none,writeback" (same mode on both sides) or "a:b" pairs ("none:writeback").
import { IO_MODES, isIoMode } from '../modes.js';
import type { ModePair } from '../probe.js';
import { UsageError } from '../errors.js';

/** Mode pairs from the --modes value; every mode on both sides when absent. */
export function parseModes(value: string | undefined): ModePair[] {
  if (!value) return IO_MODES.map((m) => ({ a: m, b: m }));
  return value.split(',').filter(Boolean).map((tok) => {
    const [a = '', b = a, extra] = tok.split(':');
    if (extra !== undefined || !a || !isIoMode(a) || !isIoMode(b)) {
      throw new UsageError(`--modes: "${tok}" is not a mode or a:b pair of modes (${IO_MODES.join(', ')})`);
    }
    return { a, b };
  });
}
