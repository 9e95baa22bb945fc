// Merging one cell over the runs of a stack: the worst value wins, runs and repetitions are counted, disagreement is flaky.
import type { Cell, MeasuredValue, NotMeasured, RunValue } from './types.js';

/**
 * Which measured value is worse, per column kind (a column holds verdicts or claim statuses, never both): for modes
 * UNSAFE is worse than UNKNOWN, which is worse than SAFE; for claims violated is worse than mixed (violated under some
 * conditions), which is worse than holds, which is worse than not-applicable. Not measured is no value at all and never wins.
 */
export const WORSE: Record<MeasuredValue, number> = {
  SAFE: 0, UNKNOWN: 1, UNSAFE: 2,
  'not-applicable': 0, holds: 1, mixed: 2, violated: 3,
};

/** The merged cell: worst value (or not-measured), flaky when runs measured different values or a run's repetitions did. */
export function mergeCell(entries: readonly (RunValue | NotMeasured)[]): Cell {
  const measured = entries.filter((e): e is RunValue => 'value' in e);
  const notMeasured = entries.filter((e): e is NotMeasured => !('value' in e));
  let value: Cell['value'] = 'not-measured';
  for (const m of measured) if (value === 'not-measured' || WORSE[m.value] > WORSE[value]) value = m.value;
  const flaky = new Set(measured.map((m) => m.value)).size > 1 || measured.some((m) => m.mixed !== undefined);
  return { value, measured, notMeasured, flaky, runs: measured.length, repetitions: measured.reduce((n, m) => n + m.records.length, 0) };
}
