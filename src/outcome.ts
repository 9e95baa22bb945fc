// Probe outcomes (pynfs style), their order of severity, and what they mean for the exit code.

/**
 * PASS: the claim held as the probe expected.  WARN: a hazard the documents describe was observed (not a violation).
 * UNSUPPORTED: the stack cannot do what the variant needs (O_DIRECT refused...).  FAIL: a claim the probe expects to hold was violated.
 * OMIT: not run, with the reason.  HUNG: a side did not answer within the timeout.  LOST: a side's agent went away.
 */
export type Outcome = 'PASS' | 'WARN' | 'UNSUPPORTED' | 'FAIL' | 'OMIT' | 'HUNG' | 'LOST';
export const OUTCOMES: readonly Outcome[] = ['PASS', 'WARN', 'UNSUPPORTED', 'OMIT', 'FAIL', 'HUNG', 'LOST'];

const SEVERITY: Record<Outcome, number> = { PASS: 0, OMIT: 1, UNSUPPORTED: 2, WARN: 3, FAIL: 4, LOST: 5, HUNG: 6 };

/** The most severe of several outcomes (PASS for none). */
export function worst(outcomes: Iterable<Outcome>): Outcome {
  let w: Outcome = 'PASS';
  for (const o of outcomes) if (SEVERITY[o] > SEVERITY[w]) w = o;
  return w;
}

/** True when a probe run with this outcome got to the end of its steps. */
export function completed(o: Outcome): boolean {
  return o === 'PASS' || o === 'WARN' || o === 'FAIL';
}

/** Exit code of a run: 1 when any probe failed, hung or lost its agent, else 0. */
export function exitCodeFor(outcomes: Iterable<Outcome>): 0 | 1 {
  for (const o of outcomes) if (o === 'FAIL' || o === 'HUNG' || o === 'LOST') return 1;
  return 0;
}
