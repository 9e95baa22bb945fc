// What the CI reports (JUnit, TAP) say about one probe record: its test name, the checks behind its outcome, their wording.
import type { Check } from '../checks.js';
import type { ProbeRunRecord } from '../result.js';
import { variantOf } from './describe.js';

/** The test name of a probe record: "BOTH1 unsafe→none (repeat 2)"; unique within a run. */
export function caseName(r: ProbeRunRecord): string {
  return `${r.probe} ${variantOf(r)}${r.repeat ? ` (repeat ${r.repeat})` : ''}`;
}

/** The checks that decided the record's outcome (the failing ones of a FAIL, the warning ones of a WARN); none for PASS. */
export function decidingChecks(r: ProbeRunRecord): Check[] {
  return r.outcome === 'PASS' ? [] : r.checks.filter((c) => c.outcome === r.outcome);
}

/** "sentence: observed (claims: A, B)", the way every report cites a check. */
export function checkLine(c: Check): string {
  return `${c.sentence}: ${c.observed}${c.claims.length ? ` (claims: ${c.claims.join(', ')})` : ''}`;
}

/** A KNOWN record's reason without the "known: " applyKnown puts before the entry's reason. */
export function knownReason(reason: string): string {
  return reason.replace(/^known: /, '');
}

/** Seconds with millisecond precision from a duration in ms; "0.000" for a missing, negative or non-finite one. */
export function seconds(ms: number | undefined): string {
  return ms !== undefined && Number.isFinite(ms) && ms > 0 ? (ms / 1000).toFixed(3) : '0.000';
}
