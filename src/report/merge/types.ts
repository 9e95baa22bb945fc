// The merged compatibility matrix: stacks (rows) × QEMU cache modes and key claims (columns), one merged cell each.
import type { ClaimId } from '../../claims.js';
import type { IoMode } from '../../modes.js';
import type { QemuBehaviour, Verdict } from '../../verdict/types.js';

/**
 * A value one run measured for a cell: a verdict, or a claim status (not-checked never is one: it is "not measured").
 * mixed: within that run the claim held under some conditions and was violated under others (a conditional answer,
 * not a flaky one); the run's why names the split.
 */
export type MeasuredValue = Verdict | 'holds' | 'violated' | 'mixed' | 'not-applicable';
/** What a merged cell shows: the worst value the runs measured, or not measured when none did. */
export type CellValue = MeasuredValue | 'not-measured';
/** Every cell value, for the renderers' maps and their tests. */
export const CELL_VALUES: readonly CellValue[] = ['SAFE', 'UNSAFE', 'UNKNOWN', 'holds', 'violated', 'mixed', 'not-applicable', 'not-measured'];

/** A column: one QEMU cache mode with one QEMU behaviour, or one claim. `id` is unique ("writeback/drop-cache", "NFS-CTO"). */
export type Column =
  | { id: string; kind: 'mode'; mode: IoMode; behaviour: QemuBehaviour }
  | { id: string; kind: 'claim'; claim: ClaimId };

/** The two kinds of column. */
export type ModeColumn = Extract<Column, { kind: 'mode' }>;
export type ClaimColumn = Extract<Column, { kind: 'claim' }>;

/** One run given to the merge, numbered 1.. in the order given. */
export interface MatrixRun {
  n: number;
  /** The file as given. */
  path: string;
  /** What the cells link to: the run.html beside the run's JSON when it is this run's, else the JSON file itself. */
  evidence: string;
  runId: string;
  startedAt: string;
  /** The row (stack key) this run belongs to. */
  row: string;
  /** Why the run has no verdicts (interrupted, cut short); absent for a complete run. */
  incomplete?: string;
}

/** What one run measured for one cell. */
export interface RunValue {
  run: number;
  value: MeasuredValue;
  /** Probe records (1-based, in that run) behind the value: HAND1 runs for a mode, the evidence records for a claim. */
  records: number[];
  /** The run's own one-line why. */
  why: string;
  /** Set when the run's own repetitions disagreed (some HAND1 runs SAFE, some UNSAFE). */
  mixed?: string;
}

/** A run that did not measure a cell, and why (not selected, no evidence, incomplete run). Never a disagreement. */
export interface NotMeasured { run: number; why: string }

/** One merged cell: the value shown and every run behind it. */
export interface Cell {
  /** The worst measured value (UNSAFE > UNKNOWN > SAFE; violated > mixed > holds > not-applicable), or not-measured. */
  value: CellValue;
  measured: RunValue[];
  notMeasured: NotMeasured[];
  /** Runs that measured the cell disagree, or one run's repetitions did: shown, never hidden. */
  flaky: boolean;
  /** Runs and probe records (repetitions) behind the value. */
  runs: number;
  repetitions: number;
}

/** One stack: its key, its words, its runs and a cell per column. */
export interface MatrixRow {
  /** The stack key (stable JSON of the fields that make two runs the same stack). */
  key: string;
  /** The stack in words. */
  label: string;
  /** The key's fields in words, one line each. */
  details: string[];
  /** Run numbers in this row, in the order given (complete and incomplete). */
  runs: number[];
  cells: Record<string, Cell>;
}

/** A file naming a run already given (run.json and the run's .jsonl): counted once. */
export interface DuplicateRun { path: string; runId: string; sameAs: number }

/** The merged matrix: columns, rows (sorted by label), every run given (numbered), duplicate files. */
export interface Matrix {
  columns: Column[];
  rows: MatrixRow[];
  runs: MatrixRun[];
  duplicates: DuplicateRun[];
}
