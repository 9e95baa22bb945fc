// Validate a run document (run.json) or one JSON-lines record against the result schema, with errors naming the path.
import type { z } from 'zod';
import type { RunDocument } from './document.js';
import type { ResultRecord } from '../result.js';
import { resultRecordSchema, runDocumentSchema } from './schema/document.js';

/** At most this many errors are listed; the rest are counted in a last line. */
export const MAX_ERRORS = 20;

/** A failed validation: one line per problem, each naming its path. */
export interface Invalid { ok: false; errors: string[] }

/** `probes[3].checks[0].outcome`: keys as JS property access, indices in brackets. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => {
    if (typeof p === 'number') return `[${p}]`;
    const key = String(p);
    if (/^[A-Za-z_$][\w$]*$/.test(key)) return i === 0 ? key : `.${key}`;
    return `[${JSON.stringify(key)}]`;
  }).join('');
}

/** A short rendering of the value found, for the error line. */
function shown(v: unknown): string {
  const s = JSON.stringify(v);
  if (s === undefined) return String(v);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

/** The value at a path inside the input (undefined when the path does not exist there). */
function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const p of path) v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[p] : undefined;
  return v;
}

/** One line per problem of a zod issue: unknown keys are named one by one, a missing field says so, others show what was found. */
function issueLines(issue: z.core.$ZodIssue, input: unknown): string[] {
  const at = (path: readonly PropertyKey[], message: string) => `${formatPath(path) || '(top level)'}: ${message}`;
  if (issue.code === 'unrecognized_keys') return issue.keys.map((k) => at([...issue.path, k], 'unknown key (not in the result schema)'));
  const found = valueAt(input, issue.path);
  if (found === undefined) return [at(issue.path, issue.code === 'invalid_type' ? `missing (expected ${issue.expected})` : `missing (${issue.message})`)];
  return [at(issue.path, issue.code === 'custom' ? issue.message : `${issue.message} (found ${shown(found)})`)];
}

/** Readable error lines for a failed parse, at most MAX_ERRORS of them and a count of the rest. */
function errorLines(error: z.ZodError, input: unknown): string[] {
  const lines = error.issues.flatMap((i) => issueLines(i, input));
  if (lines.length <= MAX_ERRORS) return lines;
  return [...lines.slice(0, MAX_ERRORS), `...and ${lines.length - MAX_ERRORS} more`];
}

/** Check a parsed run.json (or a document gathered from JSON lines) against the result schema and the cross-record rules. */
export function validateRunDocument(doc: unknown): { ok: true; doc: RunDocument } | Invalid {
  const r = runDocumentSchema.safeParse(doc);
  return r.success ? { ok: true, doc: r.data } : { ok: false, errors: errorLines(r.error, doc) };
}

/** Check one record of a run's JSON-lines file (run, probe, verdicts or end). */
export function validateRecord(record: unknown): { ok: true; record: ResultRecord } | Invalid {
  const r = resultRecordSchema.safeParse(record);
  return r.success ? { ok: true, record: r.data } : { ok: false, errors: errorLines(r.error, record) };
}
