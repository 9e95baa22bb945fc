// Claims about migration safety per cache mode, judged from the verdict table (HAND1 runs), not from any one check.
import type { ClaimStatus } from '../checks.js';
import type { ClaimId } from '../claims.js';
import { MODE_TRAITS } from '../modes.js';
import type { ClaimEvidenceRef, ModeVerdict } from './types.js';
import type { ProfileKey } from './scope.js';

/** The verdict-level claims and how the verdict table decides each. */
export const VERDICT_CLAIMS: Partial<Record<ClaimId, string>> = {
  'NFS-CACHE-NONE-SAFE': 'holds when cache=none is measured SAFE, violated when UNSAFE',
  'BLOCK-CACHE-NONE-ONLY': 'holds when none/directsync are measured SAFE and the buffered modes without drop-cache UNSAFE; any other measurement violates it (the claim predates drop-cache, which it says nothing about); through QEMU\'s userspace iSCSI driver, which the claim names as the other safe way, every mode measured SAFE holds it',
  'CLUSTER-FS-ANY-CACHE': 'per QEMU behaviour (the claim predates drop-cache): holds when every mode measured is SAFE, violated when any mode is UNSAFE',
};

/** A QEMU behaviour as a claim row's condition. */
const BEHAVIOUR_WORDS = { 'drop-cache': 'QEMU ≥ 4.0 (drop-cache on activation)', 'no-drop-cache': 'QEMU < 4.0 (no drop-cache)' } as const;

/** Whether a mode × behaviour verdict bears on a verdict claim (an O_DIRECT mode's two behaviours are one run: counted once). */
export function bearsOnVerdictClaim(claim: ClaimId, v: ModeVerdict): boolean {
  const once = !MODE_TRAITS[v.mode].direct || v.behaviour === 'no-drop-cache';
  if (claim === 'NFS-CACHE-NONE-SAFE') return v.mode === 'none' && once;
  if (claim === 'BLOCK-CACHE-NONE-ONLY') return v.behaviour === 'no-drop-cache';
  // Universal over the cache mode, judged per QEMU behaviour: every mode counts under each behaviour (O_DIRECT's one run twice).
  if (claim === 'CLUSTER-FS-ANY-CACHE') return true;
  return false;
}

/** What a measured verdict says about a verdict claim, or undefined when it says nothing (UNKNOWN, or not bearing on it). */
export function verdictStatus(claim: ClaimId, v: ModeVerdict, key?: ProfileKey): ClaimStatus | undefined {
  if (v.verdict === 'UNKNOWN' || !bearsOnVerdictClaim(claim, v)) return undefined;
  const safe = v.verdict === 'SAFE';
  // "…only with cache=none, or through QEMU's userspace iSCSI driver": on that driver the cache mode is not the condition.
  if (claim === 'BLOCK-CACHE-NONE-ONLY' && key !== 'iscsi-user' && !MODE_TRAITS[v.mode].direct) return safe ? 'violated' : 'holds';
  return safe ? 'holds' : 'violated';
}

/** Claim evidence from the verdict table, citing the HAND1 run that decided each verdict. */
export function verdictEvidence(claim: ClaimId, verdicts: readonly ModeVerdict[], key?: ProfileKey): ClaimEvidenceRef[] {
  return verdicts.flatMap((v) => {
    const status = verdictStatus(claim, v, key);
    const e = v.evidence.find((x) => x.judged === v.verdict);
    if (!status || !e) return [];
    const { record, probe, variant, repeat, outcome, startedAt } = e;
    return [{
      record, probe, variant, ...(repeat ? { repeat } : {}), outcome, startedAt, status, observed: e.summary,
      sentence: `cache=${v.mode}, ${v.behaviour === 'drop-cache' ? 'with drop-cache (QEMU ≥ 4.0)' : 'without drop-cache (QEMU < 4.0)'}: measured ${v.verdict}`,
      why: `verdict table: ${VERDICT_CLAIMS[claim]}`,
      // The universal claim's condition is the QEMU behaviour alone: the cache mode is what it quantifies over.
      condition: claim === 'CLUSTER-FS-ANY-CACHE' ? BEHAVIOUR_WORDS[v.behaviour] : `cache=${v.mode} ${v.behaviour}`,
    }];
  });
}

/** Why a verdict claim has no evidence: the verdicts bearing on it are UNKNOWN, and why. */
export function verdictNotChecked(claim: ClaimId, verdicts: readonly ModeVerdict[]): string {
  const unknown = verdicts.filter((v) => bearsOnVerdictClaim(claim, v) && v.verdict === 'UNKNOWN');
  const first = unknown[0];
  return first ? `judged from the verdict table, where cache=${first.mode} is UNKNOWN: ${first.why}${unknown.length > 1 ? ` (and ${unknown.length - 1} more UNKNOWN)` : ''}` : 'judged from the verdict table, which has no verdict bearing on it';
}
