// Words the lab index's pages share: a scenario's status, its outcome counts, the lab's line, wall times, and which
// anchor of a scenario's report a column links to.
import { extname } from 'node:path';
import type { Column, MeasuredValue } from '../report/merge/types.js';
import type { IndexScenario, LabIndex } from './index-model.js';

/** "done (exit 0)", "could not run ("start nfsd": …)", "not run: the guest stopped before this scenario". */
export function statusWords(s: IndexScenario): string {
  const r = s.result;
  if (r.status === 'done') return `done (exit ${r.exitCode ?? '?'})`;
  if (r.status === 'failed') return `could not run${r.step ? ` ("${r.step}")` : ''}: ${r.message ?? 'no reason recorded'}`;
  return `not run: ${r.message ?? 'the guest stopped before this scenario'}`;
}

/** "52 PASS, 77 WARN, 17 OMIT", or '' without counts. */
export function countsWords(s: IndexScenario): string {
  return Object.entries(s.result.counts ?? {}).map(([o, n]) => `${n} ${o}`).join(', ');
}

/** "12.3 s", or "3 min 02.4 s" from a minute on. */
export function wallTime(ms: number): string {
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const min = Math.floor(ms / 60_000);
  return `${min} min ${((ms - min * 60_000) / 1000).toFixed(1).padStart(4, '0')} s`;
}

/** The lab in one line: kernel, accelerator, scenarios, and how it ended. */
export function labLine(ix: LabIndex): string {
  const s = ix.summary;
  const done = ix.scenarios.filter((x) => x.result.status === 'done').length;
  const total = s.phases.reduce((n, p) => n + p.ms, 0);
  return `kernel ${s.kernelPackage} ${s.kernelVersion} (${s.kernel}) under qemu ${s.accel}; ${ix.scenarios.length} scenario${ix.scenarios.length === 1 ? '' : 's'}, `
    + `${done} ran to the end; ${wallTime(total)} in all${s.failure ? `; the lab failed (${s.failure.code}): ${s.failure.message}` : ''}`;
}

/** The anchor of a scenario's report where a column's answer is argued: the verdict table for a mode, the claim table for a claim. */
export function columnAnchor(target: string, col: Column): string {
  if (extname(target) === '.html') return col.kind === 'mode' ? '#verdicts' : '#claims';
  if (extname(target) === '.md') return col.kind === 'mode' ? '#verdicts-per-qemu-cache-mode' : '#claims';
  return '';
}

/** A cell worth a sentence under the matrix: a conditional answer (mixed) or repetitions that disagree (flaky). */
export interface NotedCell { scenario: string; column: Column; value: MeasuredValue; why: string }

/** Every mixed or flaky cell, scenario by scenario in column order, with the run's why. */
export function notedCells(ix: LabIndex): NotedCell[] {
  return ix.scenarios.flatMap((s) => (s.run ? ix.matrix.columns.flatMap((column) => {
    const c = s.run!.cells[column.id]!;
    return c.measured.filter((r) => r.value === 'mixed' || c.flaky).map((r) => ({ scenario: s.result.name, column, value: r.value, why: `${r.why}${r.mixed ? ` (${r.mixed})` : ''}` }));
  }) : []));
}
