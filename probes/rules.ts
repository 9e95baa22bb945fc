// Shared judgement rules for probes: when a stale read is a violated claim (FAIL) and when a documented hazard (WARN).
import type { StackClass } from '../src/stack.js';
import type { ProbeContext } from '../src/probe.js';

/** Stacks where a reader that reopens or bypasses the cache is expected to be coherent. */
export const COHERENT_WHEN_UNCACHED: StackClass[] = ['nfs', 'block', 'cluster', 'local'];

/**
 * FAIL when the claim applies to the reader's stack and the writer really flushed; otherwise WARN with the reason.
 * A writer in mode unsafe skips its flushes, so staleness is what that mode promises, not a stack failure.
 */
export function staleRule(t: ProbeContext, appliesTo: readonly StackClass[], flushIgnored: boolean): { onStale: 'FAIL' | 'WARN'; note?: string } {
  if (flushIgnored) return { onStale: 'WARN', note: `writer in mode ${t.variant.a} skipped its flush (cache=unsafe), so storage never had the new data` };
  if (!appliesTo.includes(t.stack)) return { onStale: 'WARN', note: `the claim is not about ${t.stack} storage; reported as observed` };
  return { onStale: 'FAIL' };
}
