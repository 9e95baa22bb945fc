// Merge runs into the compatibility matrix: one row per stack, one merged cell per QEMU cache mode × behaviour and claim.
import type { ClaimId } from '../../claims.js';
import type { RunDocument } from '../document.js';
import { matrixColumns } from './columns.js';
import { evidenceFile } from './evidence.js';
import { mergeCell } from './merge-cell.js';
import { runEntry } from './run-entry.js';
import { stackKeyOf } from './stack-key.js';
import { stackWords } from './stack-label.js';
import type { DuplicateRun, Matrix, MatrixRow, MatrixRun } from './types.js';

/** One run to merge: its document and the file it was read from (the cells link to it). */
export interface MergeInput { doc: RunDocument; path: string }

/** Why a run has no verdicts, in words. */
function incompleteWhy(doc: RunDocument): string | undefined {
  if (doc.verdicts) return undefined;
  const n = `${doc.probes.length} probe runs recorded`;
  if (doc.end?.interrupted) return `interrupted before its verdicts (${n})`;
  return doc.end ? `no verdicts record (${n})` : `cut short: no verdicts and no end record (${n})`;
}

/** The runs, each once: a second file with a run id already given (run.json beside the run's .jsonl) is listed as a duplicate. */
function distinctRuns(inputs: readonly MergeInput[]): { runs: (MergeInput & { n: number })[]; duplicates: DuplicateRun[] } {
  const runs: (MergeInput & { n: number })[] = [];
  const duplicates: DuplicateRun[] = [];
  for (const input of inputs) {
    const first = runs.find((r) => r.doc.run.runId === input.doc.run.runId);
    if (!first) { runs.push({ ...input, n: runs.length + 1 }); continue; }
    // Keep the file that has the verdicts (a cut .jsonl beside a finished run.json cannot happen, but a copy might be cut).
    const keepNew = !first.doc.verdicts && !!input.doc.verdicts;
    duplicates.push({ path: keepNew ? first.path : input.path, runId: input.doc.run.runId, sameAs: first.n });
    if (keepNew) Object.assign(first, { doc: input.doc, path: input.path });
  }
  return { runs, duplicates };
}

/** The matrix of the given runs; `claims` overrides the claim columns (KEY_CLAIMS by default). */
export function mergeRuns(inputs: readonly MergeInput[], o: { claims?: readonly ClaimId[] } = {}): Matrix {
  const columns = matrixColumns(o.claims);
  const { runs, duplicates } = distinctRuns(inputs);
  const byKey = new Map<string, (MergeInput & { n: number })[]>();
  const matrixRuns: MatrixRun[] = runs.map((r) => {
    const key = stackKeyOf(r.doc.run);
    byKey.set(key, [...(byKey.get(key) ?? []), r]);
    const incomplete = incompleteWhy(r.doc);
    return { n: r.n, path: r.path, evidence: evidenceFile(r.path, r.doc.run.runId), runId: r.doc.run.runId, startedAt: r.doc.run.startedAt, row: key, ...(incomplete ? { incomplete } : {}) };
  });
  const rows: MatrixRow[] = [...byKey].map(([key, list]) => {
    const words = stackWords(list[0]!.doc.run);
    const cells = Object.fromEntries(columns.map((c) => [c.id, mergeCell(list.map((r) => runEntry(r.n, r.doc, c)))]));
    return { key, label: words.label, details: words.details, runs: list.map((r) => r.n), cells };
  });
  rows.sort((x, y) => x.label.localeCompare(y.label, 'en') || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
  return { columns, rows, runs: matrixRuns, duplicates };
}
