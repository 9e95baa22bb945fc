// The claim table: for each claim id holds / violated / not applicable / not checked, from the checks' `bears`, with evidence.
import { CLAIMS, type ClaimId } from '../claims.js';
import type { Probe } from '../probe.js';
import type { ProbeRunRecord, RunRecord } from '../result.js';
import { refLabel } from './format.js';
import { refOf } from './handoff.js';
import { expectation } from './profiles.js';
import { CLAIM_SCOPE, SOURCE_LABEL, type ProfileKey } from './scope.js';
import { libvirtSummary } from './libvirt.js';
import type { ClaimEvidenceRef, ClaimRow, ModeVerdict } from './types.js';
import { notChecked } from './not-checked.js';
import { UNCHECKABLE_PARTS } from './uncheckable.js';
import { VERDICT_CLAIMS, verdictEvidence } from './verdict-claims.js';

/** What the claim table is computed from. */
export interface ClaimContext {
  run: RunRecord;
  probes: readonly ProbeRunRecord[];
  /** The probe catalogue: which probes cite each claim (for "not selected"). */
  catalogue: readonly Pick<Probe, 'code' | 'claims'>[];
  key: ProfileKey;
  /** The verdict table: evidence for the verdict-level claims and LIBVIRT-POLICY's note. */
  verdicts: readonly ModeVerdict[];
}

/** Every `bears` entry of every check, by claim, with the record it came from. */
export function collectBears(probes: readonly ProbeRunRecord[]): Map<ClaimId, ClaimEvidenceRef[]> {
  const out = new Map<ClaimId, ClaimEvidenceRef[]>();
  probes.forEach((p, i) => {
    for (const c of p.checks) {
      for (const b of c.bears ?? []) {
        const list = out.get(b.claim) ?? [];
        list.push({ ...refOf(p, i), status: b.status, sentence: c.sentence, observed: c.observed, why: b.why });
        out.set(b.claim, list);
      }
    }
  });
  return out;
}

const more = (n: number) => (n > 1 ? ` (and ${n - 1} more)` : '');

/** One row: any violated → violated; else any holds → holds; else all not applicable; no evidence: the profile, else not checked. */
export function claimRow(claim: ClaimId, bears: readonly ClaimEvidenceRef[], ctx: ClaimContext): ClaimRow {
  const exp = expectation(ctx.key, claim);
  const notes = [
    ...(!exp.applies && bears.some((b) => b.status !== 'not-applicable') ? [`${exp.why}; reported as observed`] : []),
    ...(UNCHECKABLE_PARTS[claim] ? [`not observable: ${UNCHECKABLE_PARTS[claim]}`] : []),
    ...(claim === 'LIBVIRT-POLICY' ? [libvirtSummary(ctx.verdicts)] : []),
  ];
  const base = { claim, applies: exp.applies, ...(exp.predicts ? { predicts: exp.predicts } : {}), ...(notes.length ? { note: notes.join('. ') } : {}) };
  const violated = bears.filter((b) => b.status === 'violated');
  if (violated.length) {
    const v = violated[0]!;
    const contradiction = exp.predicts === 'holds'
      ? `The stack contradicts ${SOURCE_LABEL[CLAIM_SCOPE[claim].source]}: it claims "${CLAIMS[claim].replace(/\.$/, '')}", but ${refLabel(v)} observed: ${v.observed}.` : undefined;
    return { ...base, status: 'violated', why: `${refLabel(v)}: ${v.sentence}: ${v.observed}${more(violated.length)}`, evidence: violated, ...(contradiction ? { contradiction } : {}) };
  }
  const holds = bears.filter((b) => b.status === 'holds');
  if (holds.length) return { ...base, status: 'holds', why: `${refLabel(holds[0]!)}: ${holds[0]!.sentence}: ${holds[0]!.observed}${more(holds.length)}`, evidence: holds };
  if (bears.length) return { ...base, status: 'not-applicable', why: [...new Set(bears.map((b) => b.why))].join('; '), evidence: [...bears] };
  if (!exp.applies) return { ...base, status: 'not-applicable', why: exp.why, evidence: [] };
  return { ...base, status: 'not-checked', why: notChecked(claim, ctx), evidence: [] };
}

/** The claim table in CLAIMS order; the verdict-level claims get evidence from the verdict table where they apply. */
export function claimTable(ctx: ClaimContext): ClaimRow[] {
  const bears = collectBears(ctx.probes);
  return (Object.keys(CLAIMS) as ClaimId[]).map((c) => {
    const derived = VERDICT_CLAIMS[c] && expectation(ctx.key, c).applies ? verdictEvidence(c, ctx.verdicts, ctx.key) : [];
    return claimRow(c, [...(bears.get(c) ?? []), ...derived], ctx);
  });
}
