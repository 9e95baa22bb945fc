// The lab's index as data: lab.json, and each scenario's run read from its report directory and merged into the
// compatibility matrix (one row per scenario), with the report files each row links to.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readRunFile, type RunDocument } from '../report/document.js';
import { mergeRuns, type MergeInput } from '../report/merge/matrix.js';
import type { Cell, Matrix, MatrixRow } from '../report/merge/types.js';
import { mergeCell } from '../report/merge/merge-cell.js';
import { runEntry } from '../report/merge/run-entry.js';
import { FORMATS } from '../report/formats.js';
import { ReportError } from '../errors.js';
import { LabError } from './errors.js';
import type { LabSummary, ScenarioResult } from './summary.js';

/** A scenario's report files by format name (json, md, html, junit, tap, text), those present in its directory. */
export type ScenarioReports = Partial<Record<string, string>>;

/** One scenario of the lab, as its index shows it. */
export interface IndexScenario {
  result: ScenarioResult;
  /** Its report directory: <lab dir>/<name> (lab.json's reportDir is where the lab wrote it, maybe elsewhere since). */
  dir: string;
  reports: ScenarioReports;
  /**
   * The run it left (the guest's coprobe-<runid>.jsonl, else run.json), its number in the matrix, its row (the stack in
   * words), and its own cells (the row's cells would merge in another scenario's run of the same stack, if any).
   */
  run?: { file: string; doc: RunDocument; n: number; row: MatrixRow; cells: Record<string, Cell> };
  /** Why a run file it left could not be read. */
  unreadable?: string;
}

/** The index: where the lab wrote, its summary, its scenarios in the lab's order, and the matrix of their runs. */
export interface LabIndex {
  dir: string;
  summary: LabSummary;
  scenarios: IndexScenario[];
  matrix: Matrix;
}

/** lab.json in `dir`, checked for what the index reads: LabError LAB_INDEX naming the file otherwise. */
export function readLabSummary(dir: string): LabSummary {
  const file = join(dir, 'lab.json');
  let s: LabSummary;
  try {
    s = JSON.parse(readFileSync(file, 'utf8')) as LabSummary;
  } catch (err) {
    throw new LabError('LAB_INDEX', `${file}: cannot read the lab's summary (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}): run coprobe lab with --report ${dir} first`);
  }
  if (!s || !Array.isArray(s.phases) || !Array.isArray(s.scenarios) || s.scenarios.some((r) => typeof r?.name !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(r.name))) {
    throw new LabError('LAB_INDEX', `${file}: not a coprobe lab summary (it needs phases and scenarios with kebab-case names)`);
  }
  return s;
}

/** The run a scenario's directory holds: its one coprobe-<runid>.jsonl (what the guest streamed), else run.json. */
function runFileIn(dir: string): string | undefined {
  if (!existsSync(dir)) return undefined;
  const jsonl = readdirSync(dir).filter((f) => /^coprobe-.*\.jsonl$/.test(f)).sort();
  if (jsonl.length) return join(dir, jsonl[jsonl.length - 1]!);
  return existsSync(join(dir, 'run.json')) ? join(dir, 'run.json') : undefined;
}

/** The report files present in a scenario's directory, by format. */
function reportsIn(dir: string): ScenarioReports {
  return Object.fromEntries(FORMATS.filter((f) => existsSync(join(dir, f.file))).map((f) => [f.name, join(dir, f.file)]));
}

/**
 * Read the lab in `dir` (lab.json and <dir>/<scenario>/) into its index: every scenario lab.json names, the run each
 * left merged into the matrix (a run cut short is in it as an incomplete run; one that cannot be read says why).
 */
export function loadLabIndex(dir: string): LabIndex {
  const summary = readLabSummary(dir);
  const found = summary.scenarios.map((result) => {
    const sdir = join(dir, result.name);
    const file = runFileIn(sdir);
    if (!file) return { result, dir: sdir, reports: reportsIn(sdir) };
    try {
      return { result, dir: sdir, reports: reportsIn(sdir), file, doc: readRunFile(file) };
    } catch (err) {
      if (!(err instanceof ReportError)) throw err;
      return { result, dir: sdir, reports: reportsIn(sdir), unreadable: err.message };
    }
  });
  const inputs: MergeInput[] = found.flatMap((f) => ('doc' in f && f.doc ? [{ path: f.file!, doc: f.doc }] : []));
  const matrix = mergeRuns(inputs);
  const scenarios = found.map((f): IndexScenario => {
    const base: IndexScenario = { result: f.result, dir: f.dir, reports: f.reports, ...('unreadable' in f && f.unreadable ? { unreadable: f.unreadable } : {}) };
    if (!('doc' in f) || !f.doc) return base;
    // mergeRuns numbers runs in the order given and counts a run id twice once (two scenarios cannot share a run id).
    const run = matrix.runs.find((r) => r.runId === f.doc!.run.runId)!;
    const cells = Object.fromEntries(matrix.columns.map((c) => [c.id, mergeCell([runEntry(run.n, f.doc!, c)])]));
    return { ...base, run: { file: f.file!, doc: f.doc, n: run.n, row: matrix.rows.find((row) => row.runs.includes(run.n))!, cells } };
  });
  return { dir, summary, scenarios, matrix };
}

/** The file a scenario's cells link to for a reader of `kind`: its run.html (or run.md), else the other, else the run file. */
export function scenarioReport(s: IndexScenario, kind: 'html' | 'md'): string | undefined {
  const order = kind === 'html' ? ['html', 'md', 'json'] : ['md', 'html', 'json'];
  for (const f of order) if (s.reports[f]) return s.reports[f];
  return s.run?.file;
}
