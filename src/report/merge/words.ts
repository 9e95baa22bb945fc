// Words every matrix renderer shares: row letters, the counts behind a cell, the flaky cells and what the runs were.
import { columnName } from './columns.js';
import type { Cell, Column, Matrix, MatrixRow, MatrixRun } from './types.js';

/** "A".."Z", then "AA", "AB"...: how the renderers name row i (0-based). */
export function rowLetter(i: number): string {
  return i < 26 ? String.fromCharCode(65 + i) : rowLetter(Math.floor(i / 26) - 1) + rowLetter(i % 26);
}

/** "2 runs, 3 records": the runs that measured a cell and the probe records behind their values. */
export function countWords(c: Cell): string {
  const runs = `${c.runs} run${c.runs === 1 ? '' : 's'}`;
  return `${runs}, ${c.repetitions} record${c.repetitions === 1 ? '' : 's'}`;
}

/** Every flaky cell, row by row in matrix order. */
export function flakyCells(m: Matrix): { row: MatrixRow; letter: string; col: Column; name: string; cell: Cell }[] {
  return m.rows.flatMap((row, i) => m.columns.flatMap((col) => {
    const cell = row.cells[col.id]!;
    return cell.flaky ? [{ row, letter: rowLetter(i), col, name: columnName(col), cell }] : [];
  }));
}

/** Every cell a run measured as mixed (a claim that held under some conditions and was violated under others), row by row. */
export function mixedCells(m: Matrix): { row: MatrixRow; letter: string; col: Column; name: string; cell: Cell }[] {
  return m.rows.flatMap((row, i) => m.columns.flatMap((col) => {
    const cell = row.cells[col.id]!;
    return cell.measured.some((r) => r.value === 'mixed') ? [{ row, letter: rowLetter(i), col, name: columnName(col), cell }] : [];
  }));
}

/** The letter of a run's row. */
export function letterOfRun(m: Matrix, r: MatrixRun): string {
  return rowLetter(m.rows.findIndex((row) => row.key === r.row));
}

/** "8 runs (7 with verdicts, 1 incomplete), 5 stacks, 2 flaky cells; 1 duplicate file counted once". */
export function summaryWords(m: Matrix): string {
  const incomplete = m.runs.filter((r) => r.incomplete).length;
  const flaky = flakyCells(m).length;
  const runs = `${m.runs.length} run${m.runs.length === 1 ? '' : 's'}${incomplete ? ` (${m.runs.length - incomplete} with verdicts, ${incomplete} incomplete)` : ''}`;
  const dup = m.duplicates.length ? `; ${m.duplicates.length} duplicate file${m.duplicates.length === 1 ? '' : 's'} counted once` : '';
  return `${runs}, ${m.rows.length} stack${m.rows.length === 1 ? '' : 's'}, ${flaky} flaky cell${flaky === 1 ? '' : 's'}${dup}`;
}
