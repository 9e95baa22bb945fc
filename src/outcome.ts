// Probe outcomes (pynfs style), their order of severity, and what they mean for the exit code.

/**
 * PASS: the claim held as the probe expected.  WARN: a hazard the documents describe was observed (not a violation).
 * UNSUPPORTED: the stack cannot do what the variant needs (O_DIRECT refused...).  FAIL: a claim the probe expects to hold was violated.
 * KNOWN: a FAIL that a known-issues entry matches (probe code + stack pattern), reported with the entry's reason, not a pass.
 * OMIT: not run, with the reason.  HUNG: a side did not answer within the timeout.  LOST: a side's agent went away.
 */
export type Outcome = 'PASS' | 'WARN' | 'UNSUPPORTED' | 'FAIL' | 'KNOWN' | 'OMIT' | 'HUNG' | 'LOST';
export const OUTCOMES: readonly Outcome[] = ['PASS', 'WARN', 'UNSUPPORTED', 'OMIT', 'KNOWN', 'FAIL', 'HUNG', 'LOST'];

const SEVERITY: Record<Outcome, number> = { PASS: 0, OMIT: 1, UNSUPPORTED: 2, WARN: 3, KNOWN: 4, FAIL: 5, LOST: 6, HUNG: 7 };

/** The most severe of several outcomes (PASS for none). */
export function worst(outcomes: Iterable<Outcome>): Outcome {
  let w: Outcome = 'PASS';
  for (const o of outcomes) if (SEVERITY[o] > SEVERITY[w]) w = o;
  return w;
}

/** True when a probe run with this outcome got to the end of its steps. */
export function completed(o: Outcome): boolean {
  return o === 'PASS' || o === 'WARN' || o === 'FAIL' || o === 'KNOWN';
}

/** Exit code of a run: 1 when any probe failed, hung or lost its agent, else 0. */
export function exitCodeFor(outcomes: Iterable<Outcome>): 0 | 1 {
  for (const o of outcomes) if (o === 'FAIL' || o === 'HUNG' || o === 'LOST') return 1;
  return 0;
}
