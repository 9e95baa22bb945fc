// `coprobe report merge RUN... [--md F] [--html F]`: read the runs, write the matrix files, return the terminal lines.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { readRunFile, type RunDocument } from '../document.js';
import { ReportError } from '../../errors.js';
import { mergeRuns, type MergeInput } from './matrix.js';
import { renderMatrixHtml } from './matrix-html.js';
import { renderMatrixMarkdown } from './matrix-md.js';
import { renderMatrixText } from './matrix-text.js';
import type { Matrix } from './types.js';

/** A run the matrix can place: ReportError naming the file when its run record lacks what a row key needs. */
function readRun(path: string): RunDocument {
  const doc = readRunFile(path);
  const s = doc.run.sides;
  if (!s?.a?.target || !s.b?.target || !s.a.host || !s.b.host || !Array.isArray(doc.probes)) {
    throw new ReportError('REPORT_NOT_A_RUN', `${path}: not a coprobe run (its run record has no sides a and b with host and target)`);
  }
  return doc;
}

/** Write one matrix file (its directory created); ReportError naming the file when it cannot be written. */
function writeMatrix(path: string, m: Matrix, render: (m: Matrix, o: { outPath: string }) => string): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, render(m, { outPath: path }));
  } catch (err) {
    throw new ReportError('REPORT_UNWRITABLE', `cannot write ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}

/**
 * Merge the runs into the matrix. Exit code 2 (one line naming the file) when a file cannot be read, is not a coprobe
 * run, or an output cannot be written; 0 otherwise — the matrix reports, it does not judge (flaky and UNSAFE cells are in it).
 */
export function mergeCommand(paths: string[], o: { md?: string; html?: string }): { lines: string[]; exitCode: number } {
  if (paths.length === 0) return { lines: ['coprobe report merge: give the runs to merge (run.json files or coprobe-<runid>.jsonl files)'], exitCode: 2 };
  try {
    const inputs: MergeInput[] = paths.map((path) => ({ path, doc: readRun(path) }));
    const m = mergeRuns(inputs);
    const lines = renderMatrixText(m);
    const outputs: [string | undefined, string, (m: Matrix, o: { outPath: string }) => string][] = [[o.md, 'Markdown', renderMatrixMarkdown], [o.html, 'HTML', renderMatrixHtml]];
    const written: string[] = [];
    for (const [path, what, render] of outputs) {
      if (!path) continue;
      writeMatrix(path, m, render);
      written.push(`${what}: ${path}`);
    }
    if (written.length) lines.push('', `matrix written: ${written.join('; ')}`);
    return { lines, exitCode: 0 };
  } catch (err) {
    if (err instanceof ReportError) return { lines: [`coprobe report merge: ${err.message}`], exitCode: 2 };
    throw err;
  }
}
