// The claim table: for each claim id holds / violated / mixed (split by condition) / not applicable / not checked, from the checks' `bears`, with evidence.
import { capsOf } from '../caps.js';
import type { AccessPath, Check, ClaimEvidence } from '../checks.js';
import { CLAIMS, type ClaimId } from '../claims.js';
import { MODE_TRAITS } from '../modes.js';
import type { Probe } from '../probe.js';
import type { ProbeRunRecord, RunRecord } from '../result.js';
import { refLabel } from './format.js';
import { refOf } from './handoff.js';
import { expectation } from './profiles.js';
import { CLAIM_SCOPE, SOURCE_LABEL, type ProfileKey } from './scope.js';
import { libvirtSummary } from './libvirt.js';
import type { ClaimEvidenceRef, ClaimRow, ClaimSplit, ModeVerdict } from './types.js';
import { notChecked } from './not-checked.js';
import { UNCHECKABLE_PARTS } from './uncheckable.js';
import { VERDICT_CLAIMS, verdictEvidence } from './verdict-claims.js';
import { clusterSettings, imageSize } from './cluster.js';
import { glusterReadCaches } from '../access.js';

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

/**
 * Claims that assert something CAN happen: one observation of it proves them, and observations where it did not happen
 * (under other conditions, or by luck of timing) do not contradict them. The probes bear on them "holds" when the
 * hazard shows (a stale read) and "violated" when it does not. Each entry quotes the words that make the claim existential.
 */
export const EXISTENTIAL: Partial<Record<ClaimId, string>> = {
  'BLOCK-PAGECACHE-INCOHERENT': 'a buffered read on one node can return data older than another node\'s acknowledged write',
  'EARLY-READ-64K': 'a write to that region by the other side during migration leaves the destination with stale data',
};

/**
 * Claims that assert something for EVERY value of their condition: one observation against them violates them, and the
 * observations where they held do not make the row mixed (the split still names both). Each entry quotes the words.
 */
export const UNIVERSAL: Partial<Record<ClaimId, string>> = {
  'CLUSTER-FS-ANY-CACHE': 'safe to use with live migration regardless of the caching option used',
};

/** What b's reader is, as the condition of an observation: its mode, its backend, and where the judged read was served from. */
export function readerClass(o: { direct: boolean; pageCache: boolean; reached?: AccessPath }): string {
  if (o.direct) return 'O_DIRECT reader';
  if (!o.pageCache) return 'reader without a page cache (userspace)';
  if (o.reached === 'storage') return 'buffered reader, read reached the storage';
  return 'buffered reader (through its page cache)';
}

/**
 * The condition one `bears` entry was observed under: the probe's own when it named one, else b's reader class from
 * the record's variant, b's target and the check's access proof, followed by ", <probe> <param>" for a parameterised
 * variant ("buffered reader (through its page cache), FLUSH1 fadvise"), and ", writer cache=unsafe (flushes ignored)"
 * when a's flushes are ignored. Without the run record b is taken to have a page cache.
 */
export function evidenceCondition(run: Pick<RunRecord, 'sides'> | undefined, rec: Pick<ProbeRunRecord, 'probe' | 'variant'>, check: Pick<Check, 'access'>, bear: Pick<ClaimEvidence, 'condition'>): string {
  if (bear.condition) return bear.condition;
  const reader = readerClass({
    direct: MODE_TRAITS[rec.variant.b].direct,
    pageCache: run ? capsOf(run.sides.b.target).pageCache : true,
    ...(check.access ? { reached: check.access.reached } : {}),
  });
  // A writer whose flushes are ignored (cache=unsafe) is a condition of its own: nothing reached the storage to be read.
  const writer = MODE_TRAITS[rec.variant.a].flushIgnored ? `, writer cache=${rec.variant.a} (flushes ignored)` : '';
  return `${reader}${rec.variant.param ? `, ${rec.probe} ${rec.variant.param}` : ''}${writer}`;
}

/** Why a read that did not demonstrably reach the storage says nothing about a claim on what the storage returns (every path mapped). */
const NOT_REACHED: Record<AccessPath, ((how: string) => string) | undefined> = {
  storage: undefined,
  partial: (how) => `the read was served partly from b's own cache (${how}): it says nothing about what the storage returns`,
  cache: (how) => `the read was served from b's own cache (${how}): it says nothing about what the storage returns`,
  unproven: (how) => `the read may have been served from b's own cache (${how}): it says nothing about what the storage returns`,
};

/**
 * Every `bears` entry of every check, by claim, with the record it came from and the condition it was observed under.
 * A claim about what the storage returns (CLAIM_SCOPE observes: storage) is not judged by a read whose access proof
 * shows it did not reach the storage: such an entry becomes not-applicable, saying why. Checks without an access proof
 * (older reports) are taken as they are.
 */
export function collectBears(probes: readonly ProbeRunRecord[], run?: Pick<RunRecord, 'sides'>): Map<ClaimId, ClaimEvidenceRef[]> {
  const out = new Map<ClaimId, ClaimEvidenceRef[]>();
  probes.forEach((p, i) => {
    for (const c of p.checks) {
      for (const b of c.bears ?? []) {
        const list = out.get(b.claim) ?? [];
        const gate = CLAIM_SCOPE[b.claim].observes === 'storage' && b.status !== 'not-applicable' && c.access ? NOT_REACHED[c.access.reached] : undefined;
        list.push({
          ...refOf(p, i), status: gate ? 'not-applicable' : b.status, sentence: c.sentence, observed: c.observed,
          why: gate ? gate(c.access!.how) : b.why, condition: evidenceCondition(run, p, c, b),
        });
        out.set(b.claim, list);
      }
    }
  });
  return out;
}

const more = (n: number) => (n > 1 ? ` (and ${n - 1} more)` : '');
const checks = (n: number) => `${n} check${n === 1 ? '' : 's'}`;

/** An evidence entry's condition; reports before result schema 2 have none: b's mode and the parameter stand in. */
export function conditionOf(e: ClaimEvidenceRef): string {
  return e.condition ?? `cache=${e.variant.b} reader${e.variant.param ? `, ${e.probe} ${e.variant.param}` : ''}`;
}

/** The holds and violated evidence grouped by condition × status, violated first, each in order of first appearance. */
export function claimSplit(bears: readonly ClaimEvidenceRef[]): ClaimSplit[] {
  const out: ClaimSplit[] = [];
  for (const status of ['violated', 'holds'] as const) {
    for (const b of bears) {
      if (b.status !== status) continue;
      const condition = conditionOf(b);
      const s = out.find((x) => x.status === status && x.condition === condition);
      if (s) s.checks++;
      else out.push({ condition, status, checks: 1 });
    }
  }
  return out;
}

/** A universal claim's split: per condition, violated when any evidence under it is, else holds (with its evidence count). */
export function universalSplit(bears: readonly ClaimEvidenceRef[]): ClaimSplit[] {
  const by = new Map<string, ClaimEvidenceRef[]>();
  for (const b of bears) if (b.status === 'holds' || b.status === 'violated') by.set(conditionOf(b), [...(by.get(conditionOf(b)) ?? []), b]);
  return [...by].map(([condition, list]) => {
    const status = list.some((b) => b.status === 'violated') ? 'violated' as const : 'holds' as const;
    return { condition, status, checks: list.filter((b) => b.status === status).length };
  }).sort((x, y) => (x.status === y.status ? 0 : x.status === 'violated' ? -1 : 1));
}

/** "violated for X (1 check); holds for Y (2 checks)". */
export function splitWords(split: readonly ClaimSplit[]): string {
  return split.map((s) => `${s.status} for ${s.condition} (${checks(s.checks)})`).join('; ');
}

/** The conditions of the split entries with a status, "A and B". */
const conditionsWith = (split: readonly ClaimSplit[], status: ClaimSplit['status']) => split.filter((s) => s.status === status).map((s) => s.condition).join(' and ');

/** The one reason of a not-applicable row: the most frequent why (the first on a tie), and how many more checks there were. */
function oneReason(bears: readonly ClaimEvidenceRef[]): string {
  const counts = new Map<string, number>();
  for (const b of bears) counts.set(b.why, (counts.get(b.why) ?? 0) + 1);
  let top = bears[0]!.why;
  for (const [why, n] of counts) if (n > counts.get(top)!) top = why;
  return `${top}${bears.length > 1 ? ` (and ${checks(bears.length - 1).replace('check', 'more check')})` : ''}`;
}

/**
 * One row. Holds and violated evidence together: mixed, with the split by condition (on an existential claim: holds,
 * the other observations named in the note); else any violated → violated; else any holds → holds; else not applicable
 * with one reason (the profile's when the claim is not about this stack); no evidence: the profile, else not checked.
 */
export function claimRow(claim: ClaimId, bears: readonly ClaimEvidenceRef[], ctx: ClaimContext): ClaimRow {
  const exp = expectation(ctx.key, claim);
  const violated = bears.filter((b) => b.status === 'violated');
  const holds = bears.filter((b) => b.status === 'holds');
  const existential = EXISTENTIAL[claim];
  const shielded = existential && holds.length && violated.length
    ? [`one observation proves it ("${existential}"); that it did not show ${claimSplit(violated).map((s) => `for ${s.condition} (${checks(s.checks)})`).join('; ')} does not contradict it`] : [];
  const universal = UNIVERSAL[claim];
  const everyValue = universal && holds.length && violated.length
    ? [`the claim says "${universal}": under each condition one mode measured against it violates it (${splitWords(claimSplit(bears))})`] : [];
  const notes = [
    ...(!exp.applies && bears.some((b) => b.status !== 'not-applicable') ? [`${exp.why}; reported as observed`] : []),
    ...shielded,
    ...everyValue,
    ...(claim === 'CLUSTER-FS-ANY-CACHE' && exp.applies ? clusterNotes(ctx) : []),
    ...(UNCHECKABLE_PARTS[claim] ? [`not observable: ${UNCHECKABLE_PARTS[claim]}`] : []),
    ...(claim === 'LIBVIRT-POLICY' ? [libvirtSummary(ctx.verdicts)] : []),
  ];
  const base = { claim, applies: exp.applies, ...(exp.predicts ? { predicts: exp.predicts } : {}), ...(notes.length ? { note: notes.join('. ') } : {}) };
  const contradicts = (v: ClaimEvidenceRef, under?: string) => (exp.predicts === 'holds'
    ? { contradiction: `The stack contradicts ${SOURCE_LABEL[CLAIM_SCOPE[claim].source]}: it claims "${CLAIMS[claim].replace(/\.$/, '')}", but ${under ? `for ${under} ` : ''}${refLabel(v)} observed: ${v.observed}.` }
    : {});
  if (violated.length && holds.length && universal) {
    // Universal within each condition (one UNSAFE mode violates it there); conditions that disagree make the row mixed.
    const split = universalSplit(bears);
    const v = violated[0]!;
    const under = conditionsWith(split, 'violated');
    if (!split.some((s) => s.status === 'holds')) {
      return { ...base, status: 'violated', why: `${refLabel(v)}: ${v.sentence}: ${v.observed}${more(violated.length)}`, evidence: [...violated, ...holds], split, ...contradicts(v, under) };
    }
    return { ...base, status: 'mixed', why: splitWords(split), evidence: [...violated, ...holds], split, ...contradicts(v, under) };
  }
  if (violated.length && holds.length && !existential) {
    const split = claimSplit(bears);
    return { ...base, status: 'mixed', why: splitWords(split), evidence: [...violated, ...holds], split, ...contradicts(violated[0]!, conditionsWith(split, 'violated')) };
  }
  if (violated.length && !holds.length) {
    const v = violated[0]!;
    return { ...base, status: 'violated', why: `${refLabel(v)}: ${v.sentence}: ${v.observed}${more(violated.length)}`, evidence: violated, ...contradicts(v) };
  }
  if (holds.length) return { ...base, status: 'holds', why: `${refLabel(holds[0]!)}: ${holds[0]!.sentence}: ${holds[0]!.observed}${more(holds.length)}`, evidence: holds };
  if (!exp.applies) return { ...base, status: 'not-applicable', why: exp.why, evidence: [] };
  if (bears.length) return { ...base, status: 'not-applicable', why: oneReason(bears), evidence: [...bears] };
  return { ...base, status: 'not-checked', why: notChecked(claim, ctx), evidence: [] };
}

/**
 * CLUSTER-FS-ANY-CACHE's notes: the image size HAND1 decided it on (GlusterFS's quick-read, for one, caches only files up
 * to 64 KiB, the size of the probes' files), the settings in force, and what quick-read means for an image that small.
 */
/** quick-read's default cache-max-file-size. */
const QUICK_READ_MAX = 64 * 1024;

function clusterNotes(ctx: ClaimContext): string[] {
  const decided = ctx.verdicts.flatMap((v) => v.evidence.filter((e) => e.judged === v.verdict && v.verdict !== 'UNKNOWN'));
  const sizes = [...new Set(decided.map((e) => imageSize(e, ctx.run.blockSize)).filter((s): s is string => !!s))];
  const out = [sizes.length
    ? `decided by HAND1 on ${sizes.join(', ')} (the other probes use files of ${ctx.run.blocks * ctx.run.blockSize / 1024} KiB, which some client caches hold whole: GlusterFS quick-read caches files up to 64 KiB)`
    : 'no HAND1 run decided a verdict: the row has no image-level evidence'];
  const inForce = clusterSettings(ctx.run);
  if (inForce) out.push(inForce);
  const caches = glusterReadCaches(ctx.run.sides.b.target)?.filter((c) => c.startsWith('performance.quick-read'));
  const smallest = Math.min(...decided.map((e) => (e.read?.blocks ?? Infinity) * ctx.run.blockSize));
  if (caches?.length && sizes.length && smallest <= QUICK_READ_MAX) {
    out.push(`b's GlusterFS client runs quick-read (${caches.join(', ')}): it holds files up to its cache-max-file-size (64 KiB by default) whole and answers them even with O_DIRECT; this row was decided on an image that small`);
  } else if (caches?.length && sizes.length) {
    out.push(`b's GlusterFS client runs quick-read (${caches.join(', ')}): it holds files up to its cache-max-file-size (64 KiB by default) whole and answers them even with O_DIRECT, so an image that small can read stale in every mode; this row says nothing about such images (measure them with --image-size 64K)`);
  }
  return out;
}

/** The claim table in CLAIMS order; the verdict-level claims get evidence from the verdict table where they apply. */
export function claimTable(ctx: ClaimContext): ClaimRow[] {
  const bears = collectBears(ctx.probes, ctx.run);
  return (Object.keys(CLAIMS) as ClaimId[]).map((c) => {
    const derived = VERDICT_CLAIMS[c] && expectation(ctx.key, c).applies ? verdictEvidence(c, ctx.verdicts, ctx.key) : [];
    return claimRow(c, [...(bears.get(c) ?? []), ...derived], ctx);
  });
}
