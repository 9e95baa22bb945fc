// Parse the durations and sizes the command line takes ("65s", "500ms", "4M", "1G").
import { UsageError } from '../errors.js';

const TIME: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
const SIZE: Record<string, number> = { '': 1, k: 1024, m: 1 << 20, g: 1 << 30, t: 2 ** 40 };

/** "65s" → 65000; a bare number is milliseconds; UsageError naming the option otherwise. */
export function parseDuration(s: string, option: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(s.trim());
  if (!m) throw new UsageError(`${option}: "${s}" is not a duration (e.g. 65s, 500ms, 2m)`);
  return Math.round(Number(m[1]) * TIME[m[2] ?? 'ms']!);
}

/** "4M" → 4194304 (powers of 1024; a trailing "iB" or "B" is accepted); UsageError naming the option otherwise. */
export function parseSize(s: string, option: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([kmgt]?)(?:i?b)?$/i.exec(s.trim());
  if (!m) throw new UsageError(`${option}: "${s}" is not a size (e.g. 4M, 1G)`);
  return Math.floor(Number(m[1]) * SIZE[m[2]!.toLowerCase()]!);
}
