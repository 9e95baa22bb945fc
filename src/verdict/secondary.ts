// Secondary evidence for a verdict: runs of BOTH1 and FLUSH1 with the same mode on both sides, listed but never deciding.
import type { IoMode } from '../modes.js';
import type { ProbeRunRecord } from '../result.js';
import { refOf } from './handoff.js';
import type { HandoffRemedy, SecondaryEvidence } from './types.js';

export const SECONDARY_PROBES: readonly string[] = ['BOTH1', 'FLUSH1'];

/** One line for a record: the first non-passing check (or the first check) with what was observed, else the reason. */
export function summarize(rec: ProbeRunRecord): string {
  const c = rec.checks.find((x) => x.outcome !== 'PASS') ?? rec.checks[0];
  if (c) return `${c.sentence}: ${c.observed}`;
  return rec.reason ?? `${rec.outcome} without a check`;
}

/** Probes whose parameter is a remedy or flush method: only the run with the one that models this QEMU is listed. */
const BY_REMEDY: readonly string[] = ['FLUSH1'];

/** The runs of the secondary probes with mode on both sides; FLUSH1 only with the remedy that models this QEMU. */
export function secondaryEvidence(probes: readonly ProbeRunRecord[], mode: IoMode, remedy: HandoffRemedy): SecondaryEvidence[] {
  return probes.flatMap((p, i) => {
    if (!SECONDARY_PROBES.includes(p.probe) || p.variant.a !== mode || p.variant.b !== mode) return [];
    if (BY_REMEDY.includes(p.probe) && p.variant.param !== remedy) return [];
    const same = p.sameAs !== undefined ? probes[p.sameAs - 1] : undefined;
    return same ? [{ ...refOf(same, p.sameAs! - 1), summary: summarize(same) }] : [{ ...refOf(p, i), summary: summarize(p) }];
  });
}
