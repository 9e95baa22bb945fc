// Why a claim that applies to this stack has no evidence: declared uncheckable, judged by verdicts, not cited, not selected, not run.
import type { ClaimId } from '../claims.js';
import type { Confounder } from '../detect/types.js';
import { completed } from '../outcome.js';
import type { RunRecord } from '../result.js';
import type { ClaimContext } from './claims.js';
import { UNCHECKABLE } from './uncheckable.js';
import { VERDICT_CLAIMS, verdictNotChecked } from './verdict-claims.js';

/** Why a claim that applies has no evidence: declared uncheckable, no probe cites it, not selected, or no run got far enough. */
export function notChecked(claim: ClaimId, ctx: ClaimContext): string {
  const declared = UNCHECKABLE[claim];
  if (declared) return `no probe checks it: ${declared}`;
  if (VERDICT_CLAIMS[claim]) return verdictNotChecked(claim, ctx.verdicts);
  const runs = ctx.probes.filter((p) => p.claims.includes(claim));
  const codes = [...new Set([...ctx.catalogue.filter((p) => p.claims.includes(claim)).map((p) => p.code), ...runs.map((p) => p.probe)])];
  if (codes.length === 0) return `no probe cites it${setupNote(claim, ctx.run)}`;
  if (runs.length === 0) {
    const selected = codes.filter((c) => ctx.run.probes.includes(c));
    return selected.length ? `${selected.join(', ')} made no run with the modes selected` : `not selected: ${codes.join(', ')}`;
  }
  const done = runs.filter((p) => completed(p.outcome));
  if (done.length) return `${done.length} completed run${done.length > 1 ? 's' : ''} of ${[...new Set(done.map((p) => p.probe))].join(', ')}, but no check bore on it with the variants run`;
  const reasons = [...new Set(runs.map((p) => `${p.probe} ${p.outcome}: ${p.reason ?? 'no reason recorded'}`))];
  return `every run of ${[...new Set(runs.map((p) => p.probe))].join(', ')} ended without a judgement: ${reasons.slice(0, 3).join('; ')}${reasons.length > 3 ? `; and ${reasons.length - 3} more` : ''}`;
}

/** Claims the run's set-up checks act on (as confounders) without testing them. */
const SETUP_CONFOUNDER: Partial<Record<ClaimId, Confounder['code']>> = { 'NFS-NOSHARECACHE': 'NFS-SHARECACHE', 'NFS-LOCALIO': 'NFS-LOCALIO' };

/** "; the set-up checks assume it: confounder … (raised: …)" for a claim the confounders act on. */
function setupNote(claim: ClaimId, run: RunRecord): string {
  const code = SETUP_CONFOUNDER[claim];
  if (!code) return '';
  const c = run.confounders.find((x) => x.code === code);
  return `; the set-up checks assume it without testing it: confounder ${code} ${c ? `raised (${c.severity}): ${c.message}` : 'not raised for these sides'}`;
}
