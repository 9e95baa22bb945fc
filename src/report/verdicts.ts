// Terminal rendering of the verdicts record: the mode × QEMU verdict table and the claim table; every value mapped explicitly.
import { STACK_LABEL } from '../verdict/scope.js';
import { PLAIN, type Paint } from './colour.js';
import type { ClaimRow, ClaimRowStatus, ClaimSplit, QemuBehaviour, Verdict, VerdictsRecord } from '../verdict/types.js';

export const VERDICT_LABEL: Record<Verdict, string> = { SAFE: 'SAFE', UNSAFE: 'UNSAFE', UNKNOWN: 'UNKNOWN' };
export const BEHAVIOUR_LABEL: Record<QemuBehaviour, string> = { 'drop-cache': 'QEMU ≥ 4.0 (drop-cache)', 'no-drop-cache': 'QEMU < 4.0' };
export const LIBVIRT_LABEL: Record<'allows' | 'refuses', string> = { allows: 'allows', refuses: 'refuses' };
export const PREDICTION_LABEL: Record<'SAFE' | 'UNSAFE' | 'none', string> = { SAFE: 'safe', UNSAFE: 'unsafe', none: '-' };
export const CLAIM_STATUS_LABEL: Record<ClaimRowStatus, string> = {
  holds: 'holds', violated: 'VIOLATED', mixed: 'MIXED', 'not-applicable': 'not applicable', 'not-checked': 'not checked',
};
/** How each side of a mixed row is named. */
export const SPLIT_STATUS_LABEL: Record<ClaimSplit['status'], string> = { violated: 'violated', holds: 'holds' };

/** "violated for buffered reader (through its page cache) (1 check)": one side of a mixed row. */
export function splitLine(s: ClaimSplit): string {
  return `${SPLIT_STATUS_LABEL[s.status]} for ${s.condition} (${s.checks} check${s.checks === 1 ? '' : 's'})`;
}

/** The split of a mixed row, one line per condition × status; none for other rows. */
export function splitLines(c: Pick<ClaimRow, 'split'>): string[] {
  return (c.split ?? []).map(splitLine);
}

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

/** Lines that say what the verdicts rest on: the profile used and the confounders. */
function preamble(r: VerdictsRecord, what: string, paint: Paint): string[] {
  const lines = [`${what} on ${STACK_LABEL[r.stack]} (profile ${r.stack})${r.stackNote ? `: ${r.stackNote}` : ''}`];
  for (const v of r.voids) lines.push(paint.warn(`SAFE VOIDED: ${v}`));
  for (const w of r.weakens) lines.push(paint.warn(`CAVEAT: ${w}`));
  return lines;
}

/** The verdict table: mode × QEMU behaviour → verdict, libvirt's opinion, the documents' prediction, one line of evidence. */
export function renderVerdicts(r: VerdictsRecord, paint: Paint = PLAIN): string[] {
  const lines = preamble(r, 'Verdicts', paint);
  lines.push([pad('mode', 13), pad('QEMU', 24), pad('verdict', 8), pad('libvirt', 8), pad('docs', 7), 'evidence'].join(' '));
  const after: string[] = [];
  for (const v of r.verdicts) {
    const lv = LIBVIRT_LABEL[v.libvirt.allows ? 'allows' : 'refuses'];
    const docs = PREDICTION_LABEL[v.predicted?.verdict ?? 'none'];
    lines.push([pad(v.mode, 13), pad(BEHAVIOUR_LABEL[v.behaviour], 24), paint.verdict(v.verdict, pad(VERDICT_LABEL[v.verdict], 8)), pad(lv, 8), pad(docs, 7), v.why].join(' '));
    const at = `${v.mode}, ${BEHAVIOUR_LABEL[v.behaviour]}`;
    if (v.disagreement) after.push(`  ${at}: ${v.disagreement}`);
    if (v.contradiction) after.push(`  ${at}: ${v.contradiction}`);
  }
  return after.length ? [...lines, '', ...after] : lines;
}

/** The claim table: claim id → status and what decided it, with notes and plain contradictions beneath. */
export function renderClaimTable(r: VerdictsRecord, paint: Paint = PLAIN): string[] {
  const lines = preamble(r, 'Claims', paint);
  lines.push([pad('claim', 26), pad('status', 15), 'evidence / why'].join(' '));
  for (const c of r.claims) {
    lines.push([pad(c.claim, 26), pad(CLAIM_STATUS_LABEL[c.status], 15), c.status === 'mixed' ? 'holds under some conditions, violated under others:' : c.why].join(' '));
    for (const s of splitLines(c)) lines.push(`  - ${s}`);
    if (c.contradiction) lines.push(`  ${c.contradiction}`);
    if (c.note) lines.push(`  note: ${c.note}`);
  }
  return lines;
}
