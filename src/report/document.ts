// The run document: one run's records gathered into the object every renderer reads (run.json is this, verbatim).
import { readFileSync } from 'node:fs';
import { RESULT_SCHEMA_VERSION, type EndRecord, type ProbeRunRecord, type ResultRecord, type RunRecord } from '../result.js';
import type { VerdictsRecord } from '../verdict/types.js';
import { ReportError } from '../errors.js';
import { validateRunDocument } from './validate.js';

/**
 * A whole run: the header, every probe record in report order (the `record` numbers in verdict evidence are 1-based
 * positions in `probes`), the verdicts and the end record. A run cut short (SIGINT, crash) has no verdicts and may have
 * no end: renderers say so rather than invent them. Renderers never re-compute verdicts; they read them from here.
 */
export interface RunDocument {
  format: 'coprobe-run';
  schema: number;
  run: RunRecord;
  probes: ProbeRunRecord[];
  verdicts?: VerdictsRecord;
  end?: EndRecord;
}

/** Gather JSON-lines records (as a run appends them) into a document. */
export function documentOf(records: readonly ResultRecord[], source = 'the records'): RunDocument {
  const run = records.find((r): r is RunRecord => r.type === 'run');
  if (!run) throw new ReportError('REPORT_NO_RUN', `${source}: no run record (the first line a run writes); is this a coprobe report?`);
  const verdicts = records.find((r): r is VerdictsRecord => r.type === 'verdicts');
  const end = records.find((r): r is EndRecord => r.type === 'end');
  return {
    format: 'coprobe-run', schema: run.schema, run,
    probes: records.filter((r): r is ProbeRunRecord => r.type === 'probe'),
    ...(verdicts ? { verdicts } : {}), ...(end ? { end } : {}),
  };
}

/** Parse JSON lines as a run streams them; a cut last line (a run killed mid-write) is dropped, any other bad line refused. */
function parseLines(text: string, source: string): ResultRecord[] {
  const lines = text.split('\n');
  const records: ResultRecord[] = [];
  lines.forEach((l, i) => {
    if (!l.trim()) return;
    try { records.push(JSON.parse(l) as ResultRecord); } catch (err) {
      if (i === lines.length - 1) return;
      throw new ReportError('REPORT_BAD_JSON', `${source}: line ${i + 1} is not JSON (${(err as Error).message})`);
    }
  });
  return records;
}

/** Parse a stored run: a run.json document or the JSON-lines file a run streams (a cut-short one too). */
export function parseRunText(text: string, source: string): RunDocument {
  const trimmed = text.trim();
  if (!trimmed) throw new ReportError('REPORT_EMPTY', `${source}: empty file`);
  let whole: unknown;
  try { whole = JSON.parse(trimmed); } catch { whole = undefined; }
  const obj = whole as { format?: unknown; type?: unknown } | undefined;
  if (whole !== undefined && obj?.format !== 'coprobe-run' && obj?.type === undefined) {
    throw new ReportError('REPORT_NOT_A_RUN', `${source}: JSON, but not a coprobe run (expected run.json or a run's coprobe-<runid>.jsonl)`);
  }
  const doc = obj?.format === 'coprobe-run' ? (whole as RunDocument)
    : whole !== undefined ? documentOf([whole as ResultRecord], source)
    : documentOf(parseLines(trimmed, source), source);
  if (!doc.run) throw new ReportError('REPORT_NOT_A_RUN', `${source}: a run document without its run record`);
  if (doc.schema > RESULT_SCHEMA_VERSION) throw new ReportError('REPORT_SCHEMA_NEWER', `${source}: written with result schema ${doc.schema}, this coprobe reads up to ${RESULT_SCHEMA_VERSION}: upgrade coprobe`);
  // Renderers trust the document's shape: one that does not match the schema is refused here, naming the paths.
  const checked = validateRunDocument(doc);
  if (!checked.ok) throw new ReportError('REPORT_INVALID', `${source}: does not match result schema ${RESULT_SCHEMA_VERSION} (schema/coprobe-run-v${RESULT_SCHEMA_VERSION}.schema.json):\n  ${checked.errors.join('\n  ')}`);
  return checked.doc;
}

/** Read a stored run from a file (run.json or coprobe-<runid>.jsonl). */
export function readRunFile(path: string): RunDocument {
  let text: string;
  try { text = readFileSync(path, 'utf8'); } catch (err) {
    throw new ReportError('REPORT_UNREADABLE', `cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  return parseRunText(text, path);
}
