// Rules across the records of one document that no single record's shape can state: one run id throughout, probe
// records' `sameAs` naming an earlier record, and verdict evidence naming the probe record it quotes.
import type { z } from 'zod';
import type { RunDocument } from '../document.js';
import type { RunRef } from '../../verdict/types.js';

type Path = (string | number)[];

/** True when the evidence quotes this probe record: same probe, variant, repetition, outcome and start. */
function quotes(ref: RunRef, p: RunDocument['probes'][number]): boolean {
  return ref.probe === p.probe && ref.variant.a === p.variant.a && ref.variant.b === p.variant.b && ref.variant.param === p.variant.param
    && ref.repeat === p.repeat && ref.outcome === p.outcome && ref.startedAt === p.startedAt;
}

/** Every evidence reference of the verdicts record, with its path in the document. */
function evidenceRefs(doc: RunDocument): [RunRef, Path][] {
  const v = doc.verdicts;
  if (!v) return [];
  const out: [RunRef, Path][] = [];
  v.verdicts.forEach((m, i) => {
    m.evidence.forEach((e, j) => out.push([e, ['verdicts', 'verdicts', i, 'evidence', j]]));
    m.secondary.forEach((e, j) => out.push([e, ['verdicts', 'verdicts', i, 'secondary', j]]));
  });
  v.claims.forEach((c, i) => c.evidence.forEach((e, j) => out.push([e, ['verdicts', 'claims', i, 'evidence', j]])));
  return out;
}

/** Add an issue for each cross-record rule the document breaks (used as the document schema's refinement). */
export function checkConsistency(doc: RunDocument, ctx: z.RefinementCtx<RunDocument>): void {
  const issue = (path: Path, message: string) => ctx.addIssue({ code: 'custom', path, message });
  const runId = doc.run.runId;
  doc.probes.forEach((p, i) => {
    if (p.runId !== runId) issue(['probes', i, 'runId'], `run id ${p.runId} is not the run's (${runId})`);
    if (p.sameAs !== undefined && p.sameAs > i) issue(['probes', i, 'sameAs'], `names record ${p.sameAs}, which is not an earlier probe record (this is record ${i + 1})`);
  });
  if (doc.verdicts && doc.verdicts.runId !== runId) issue(['verdicts', 'runId'], `run id ${doc.verdicts.runId} is not the run's (${runId})`);
  if (doc.end && doc.end.runId !== runId) issue(['end', 'runId'], `run id ${doc.end.runId} is not the run's (${runId})`);
  for (const [ref, path] of evidenceRefs(doc)) {
    const p = doc.probes[ref.record - 1];
    if (!p) issue([...path, 'record'], `names probe record ${ref.record}, but the document has ${doc.probes.length}`);
    else if (!quotes(ref, p)) issue([...path, 'record'], `names probe record ${ref.record} (${p.probe} started ${p.startedAt}), but quotes ${ref.probe} started ${ref.startedAt}`);
  }
}
