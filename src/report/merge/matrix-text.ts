// The matrix as terminal lines: stacks as lettered columns, one line per mode × QEMU and claim, flaky cells spelled out.
import { columnName } from './columns.js';
import type { Cell, CellValue, Matrix, MeasuredValue } from './types.js';
import { flakyCells, letterOfRun, mixedCells, rowLetter, summaryWords } from './words.js';

/** How each cell value is written in the terminal; every value mapped. */
export const TEXT_VALUE: Record<CellValue, string> = {
  SAFE: 'SAFE', UNSAFE: 'UNSAFE', UNKNOWN: 'UNKNOWN', holds: 'holds', violated: 'VIOLATED', mixed: 'mixed', 'not-applicable': 'n/a', 'not-measured': '-',
};

const NAME_W = 28;
const CELL_W = 14;
const pad = (s: string, n: number) => (s.length >= n ? `${s} ` : s + ' '.repeat(n - s.length));

/** One grid cell: the value, "!" when flaky, "×N" runs behind it. */
function gridCell(c: Cell): string {
  return `${TEXT_VALUE[c.value]}${c.flaky ? '!' : ''}${c.runs ? ` ×${c.runs}` : ''}`;
}

/** "#1 SAFE, #5 UNSAFE (#5: 1 of 2 repetitions UNSAFE, the others SAFE)". */
export function runValues(c: Cell, value: Record<MeasuredValue, string>): string {
  const mixed = c.measured.filter((r) => r.mixed).map((r) => `#${r.run}: ${r.mixed}`);
  return `${c.measured.map((r) => `#${r.run} ${value[r.value]}`).join(', ')}${mixed.length ? ` (${mixed.join('; ')})` : ''}`;
}

/** The whole matrix for a terminal. */
export function renderMatrixText(m: Matrix): string[] {
  const lines = [`compatibility matrix: ${summaryWords(m)}`, ''];
  m.rows.forEach((row, i) => lines.push(`  ${rowLetter(i)}: ${row.label} (runs ${row.runs.map((n) => `#${n}`).join(', ')})`));
  lines.push('', pad('', NAME_W) + m.rows.map((_, i) => pad(rowLetter(i), CELL_W)).join('').trimEnd());
  for (const col of m.columns) {
    if (col.kind === 'claim' && col === m.columns.find((c) => c.kind === 'claim')) lines.push('');
    lines.push((pad(columnName(col), NAME_W) + m.rows.map((row) => pad(gridCell(row.cells[col.id]!), CELL_W)).join('')).trimEnd());
  }
  lines.push('', 'the worst value of a stack\'s runs (UNSAFE > UNKNOWN > SAFE; VIOLATED > mixed > holds > n/a); mixed: holds under some conditions, violated under others; ×N: runs that measured it; -: not measured; !: flaky');
  const flaky = flakyCells(m);
  if (flaky.length) {
    lines.push('', 'flaky cells (the runs disagree; the worst is shown):');
    for (const f of flaky) lines.push(`  ${f.letter} ${f.name}: ${TEXT_VALUE[f.cell.value]} — ${runValues(f.cell, TEXT_VALUE)}`);
  }
  const mixed = mixedCells(m);
  if (mixed.length) {
    lines.push('', 'mixed cells (a conditional answer: the split by condition, per run):');
    for (const f of mixed) for (const r of f.cell.measured.filter((x) => x.value === 'mixed')) lines.push(`  ${f.letter} ${f.name}: #${r.run} ${r.why}`);
  }
  lines.push('', 'runs:');
  for (const r of m.runs) lines.push(`  #${r.n} ${r.path}: run ${r.runId}, started ${r.startedAt}, stack ${letterOfRun(m, r)}${r.incomplete ? `; INCOMPLETE: ${r.incomplete}` : ''}`);
  for (const d of m.duplicates) lines.push(`  ${d.path}: run ${d.runId} again (as #${d.sameAs}): counted once`);
  return lines;
}
