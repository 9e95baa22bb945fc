// The measured stale window of a scenario's run (WIN1): one line for the lab's closing lines and lab.json.
import type { ProbeRunRecord } from '../result.js';

/** "WIN1 (writeback → writeback): stale window over 3 repeats: min … ms, median … ms, max … ms; acregmin=3 s, …", or undefined when WIN1 made no completed run. */
export function staleWindowLine(probes: readonly ProbeRunRecord[]): string | undefined {
  const runs = probes.filter((p) => p.probe === 'WIN1');
  const done = runs.filter((p) => p.checks.length > 0);
  if (!done.length) {
    const other = runs[0];
    return other ? `WIN1 ${other.outcome}: ${other.reason ?? 'no check'}` : undefined;
  }
  return done.map((p) => `WIN1 (a ${p.variant.a}, b ${p.variant.b}${p.variant.param ? `, b opened ${p.variant.param === 'ro' ? 'read-only' : 'read-write'}` : ''}): ${p.checks.at(-1)!.observed}`).join(' | ');
}
