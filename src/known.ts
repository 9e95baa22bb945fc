// Known issues: a JSON list of probe codes + stack patterns + reason; a FAIL that matches an entry becomes KNOWN, not a pass.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { UsageError } from './errors.js';
import { IO_MODES } from './modes.js';
import { packageRoot } from './package-info.js';
import type { ProbeRunRecord, RunRecord } from './result.js';

const regex = z.string().min(1).refine((s) => { try { new RegExp(s); return true; } catch { return false; } }, 'not a valid regular expression');
const mode = z.enum(IO_MODES as [string, ...string[]]);

const entrySchema = z.strictObject({
  probe: z.string().regex(/^[A-Z]{2,8}[0-9]{1,3}$/, 'a probe code like CTO1'),
  stack: z.enum(['nfs', 'block', 'cluster', 'fuse', 'local', 'other']).optional(),
  /** Regular expressions (unanchored, as grep) on either side's filesystem type and kernel release. */
  fsType: regex.optional(),
  kernel: regex.optional(),
  variant: z.strictObject({ a: mode.optional(), b: mode.optional(), param: z.string().min(1).optional() }).optional(),
  reason: z.string().min(1),
});

export type KnownIssue = z.infer<typeof entrySchema>;

/** The embedded default list: known-issues.json at the package root. */
export function defaultKnownIssuesPath(): string {
  return join(packageRoot(), 'known-issues.json');
}

/** Validate a known-issues list; errors name the file and the entry index. `codes`, when given, are the probe codes that exist. */
export function parseKnownIssues(text: string, file: string, codes?: readonly string[]): KnownIssue[] {
  let raw: unknown;
  try { raw = JSON.parse(text); } catch (err) { throw new UsageError(`known-issues file ${file}: not valid JSON: ${(err as Error).message}`); }
  if (!Array.isArray(raw)) throw new UsageError(`known-issues file ${file}: must be a JSON array of entries`);
  return raw.map((e, i) => {
    const r = entrySchema.safeParse(e);
    if (!r.success) {
      const issue = r.error.issues[0]!;
      const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
      throw new UsageError(`known-issues file ${file}: entry ${i}: ${where}${issue.message}`);
    }
    if (codes && !codes.includes(r.data.probe)) throw new UsageError(`known-issues file ${file}: entry ${i}: probe: no probe has code ${r.data.probe}`);
    return r.data;
  });
}

/** Read and validate a known-issues file (default: the embedded list). */
export function loadKnownIssues(file: string = defaultKnownIssuesPath(), codes?: readonly string[]): KnownIssue[] {
  let text: string;
  try { text = readFileSync(file, 'utf8'); } catch (err) { throw new UsageError(`known-issues file ${file}: cannot be read: ${(err as Error).message}`); }
  return parseKnownIssues(text, file, codes);
}

/** The first entry that matches a probe record on this run's sides, if any. */
export function matchKnown(rec: ProbeRunRecord, run: RunRecord, entries: readonly KnownIssue[]): KnownIssue | undefined {
  const sides = [run.sides.a, run.sides.b];
  const fsTypes = sides.flatMap((s) => [s.target.fsType, s.target.details?.mount?.fsType].filter((f): f is string => f !== undefined));
  return entries.find((e) => e.probe === rec.probe
    && (e.stack === undefined || sides.some((s) => s.target.stack === e.stack))
    && (e.fsType === undefined || fsTypes.some((f) => new RegExp(e.fsType!).test(f)))
    && (e.kernel === undefined || sides.some((s) => new RegExp(e.kernel!).test(s.host.kernel)))
    && (e.variant?.a === undefined || e.variant.a === rec.variant.a)
    && (e.variant?.b === undefined || e.variant.b === rec.variant.b)
    && (e.variant?.param === undefined || e.variant.param === rec.variant.param));
}

/**
 * A FAIL that matches an entry becomes KNOWN, with its failing checks, and the reason says "known: <entry reason>".
 * Only FAIL: PASS and WARN need no excuse, OMIT/UNSUPPORTED judged nothing, and HUNG/LOST mean the run did not finish,
 * which a known failure of the stack does not explain; hiding them would hide a broken run.
 */
export function applyKnown(rec: ProbeRunRecord, run: RunRecord, entries: readonly KnownIssue[]): ProbeRunRecord {
  if (rec.outcome !== 'FAIL') return rec;
  const e = matchKnown(rec, run, entries);
  if (!e) return rec;
  return {
    ...rec, outcome: 'KNOWN', reason: `known: ${e.reason}${rec.reason ? ` — ${rec.reason}` : ''}`,
    checks: rec.checks.map((c) => (c.outcome === 'FAIL' ? { ...c, outcome: 'KNOWN' } : c)),
  };
}
