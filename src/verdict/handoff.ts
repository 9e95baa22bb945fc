// Judge the handoff probe's runs for one QEMU cache mode and behaviour: the remedy that models QEMU, and what b read.
import type { Check } from '../checks.js';
import { firstFinding } from '../checks.js';
import { describeCounts } from '../blocks/tally.js';
import { MODE_TRAITS, type IoMode } from '../modes.js';
import { completed } from '../outcome.js';
import type { ProbeRunRecord, RunRecord } from '../result.js';
import { activationOf } from '../caps.js';
import { variantLabel } from './format.js';
import type { HandoffEvidence, HandoffRemedy, QemuBehaviour, RunRef, Verdict } from './types.js';

/** The probe whose runs decide verdicts. */
export const HANDOFF_PROBE = 'HAND1';

/**
 * The remedy on b that models QEMU: fadvise DONTNEED with drop-cache when the image is opened without O_DIRECT through a host
 * page cache (file-posix); the driver's own invalidation where it has one (rbd: rbd_invalidate_cache on activation since
 * QEMU 2.2, so with or without drop-cache: the "QEMU < 4.0" rows mean 2.2 ≤ QEMU < 4.0 there); else none (O_DIRECT, or a driver with no cache or no hook).
 */
export function qemuRemedy(mode: IoMode, behaviour: QemuBehaviour, activation: 'fadvise' | 'invalidate' | 'none' = 'fadvise'): HandoffRemedy {
  if (MODE_TRAITS[mode].direct || activation === 'none') return 'none';
  if (activation === 'invalidate') return 'invalidate';
  return behaviour === 'drop-cache' ? 'fadvise' : 'none';
}

/** A record's reference from its 0-based index among the probe records: its 1-based position and what it ran. */
export function refOf(rec: ProbeRunRecord, index: number): RunRef {
  return { record: index + 1, probe: rec.probe, variant: rec.variant, ...(rec.repeat ? { repeat: rec.repeat } : {}), outcome: rec.outcome, startedAt: rec.startedAt };
}

/** The check that judged b's read of the image after the handoff: it cites HANDOFF and has a read; the largest read, the last on a tie. */
export function mainHandoffCheck(rec: ProbeRunRecord): Check | undefined {
  let best: Check | undefined;
  for (const c of rec.checks) {
    if (!c.read || !c.claims.includes('HANDOFF')) continue;
    if (!best || c.read.blocks >= best.read!.blocks) best = c;
  }
  return best;
}

/**
 * b's early 64 KiB read and where the stale blocks were, from the values HAND1 records
 * ("early read fresh; not fresh after the handoff: 16 in the head, 0 in the rest").
 */
export function earlyRead(c: Check): string | undefined {
  const v = c.values ?? {};
  if (typeof v.earlyReadFresh !== 'boolean') return undefined;
  const split = typeof v.headStale === 'number' && typeof v.restStale === 'number' ? `; not fresh after the handoff: ${v.headStale} in the head, ${v.restStale} in the rest` : '';
  return `early read ${v.earlyReadFresh ? 'fresh' : 'not fresh'}${split}`;
}

/** What one HAND1 run says: unsafe when any block of the image read was not fresh, safe when it completed and all were fresh. */
export function judgeHandoffRun(rec: ProbeRunRecord, index: number): HandoffEvidence {
  const main = mainHandoffCheck(rec);
  const early = main ? earlyRead(main) : undefined;
  const base = { ...refOf(rec, index), badBlocks: [] as number[], badBlocksOmitted: 0, ...(early ? { early } : {}) };
  if (!main?.read) {
    const why = !completed(rec.outcome) ? `${rec.outcome}: ${rec.reason ?? 'no reason recorded'}` : `${rec.outcome} but no check recorded b's read of the image`;
    return { ...base, judged: 'UNKNOWN', summary: why };
  }
  const r = main.read;
  const read = { blocks: r.blocks, counts: r.counts };
  const bad = r.blocks - r.counts.fresh;
  // Stale blocks seen are real whatever the run's outcome; freshness counts only from a run that got to its end.
  if (bad > 0) {
    return { ...base, judged: 'UNSAFE', summary: `${describeCounts(r)}${firstFinding(r)}`, read, badBlocks: r.findings.map((f) => f.index), badBlocksOmitted: r.findingsOmitted };
  }
  if (r.blocks === 0) return { ...base, judged: 'UNKNOWN', summary: 'b\'s read of the image covered no block', read };
  if (!completed(rec.outcome)) return { ...base, judged: 'UNKNOWN', summary: `${rec.outcome}: ${rec.reason ?? 'no reason recorded'}`, read };
  return { ...base, judged: 'SAFE', summary: describeCounts(r), read };
}

/** Judge a run, or the run it had the same I/O as (a mode that collapses into another on sides without a page cache). */
function judgeFollowing(probes: readonly ProbeRunRecord[], p: ProbeRunRecord, i: number): HandoffEvidence {
  const same = p.sameAs !== undefined ? probes[p.sameAs - 1] : undefined;
  if (!same) return judgeHandoffRun(p, i);
  const e = judgeHandoffRun(same, p.sameAs! - 1);
  return { ...e, summary: `${variantLabel(same.variant)} ran this mode's I/O (no host page cache: O_DIRECT and buffered are one mode): ${e.summary}` };
}

/** The verdict of every HAND1 run of mode×mode with the remedy that models this QEMU: UNSAFE if any was, SAFE if one was, else UNKNOWN. */
export function handoffVerdict(run: RunRecord, probes: readonly ProbeRunRecord[], mode: IoMode, behaviour: QemuBehaviour): { verdict: Verdict; why: string; evidence: HandoffEvidence[] } {
  const remedy = qemuRemedy(mode, behaviour, activationOf(run.sides.b.target));
  const evidence = probes.flatMap((p, i) => (p.probe === HANDOFF_PROBE && p.variant.a === mode && p.variant.b === mode && p.variant.param === remedy ? [judgeFollowing(probes, p, i)] : []));
  const name = `${HANDOFF_PROBE} ${variantLabel({ a: mode, b: mode, param: remedy })}`;
  const unsafe = evidence.filter((e) => e.judged === 'UNSAFE');
  if (unsafe.length) return { verdict: 'UNSAFE', why: `${name} #${unsafe[0]!.record}: ${unsafe[0]!.summary}${evidence.length > 1 ? ` (${unsafe.length} of ${evidence.length} runs unsafe)` : ''}`, evidence };
  const safe = evidence.filter((e) => e.judged === 'SAFE');
  if (safe.length) return { verdict: 'SAFE', why: `${name} #${safe[0]!.record}: ${safe[0]!.summary}${evidence.length > 1 ? ` (${safe.length} of ${evidence.length} runs all fresh, none unsafe)` : ''}`, evidence };
  if (evidence.length) {
    const seen = new Map<string, number>();
    for (const e of evidence) if (!seen.has(e.summary)) seen.set(e.summary, e.record);
    return { verdict: 'UNKNOWN', why: `${name} ${[...seen].map(([s, r]) => `#${r}: ${s}`).join('; ')}`, evidence };
  }
  return { verdict: 'UNKNOWN', why: notRun(run, probes, mode, name), evidence };
}

/** Why no HAND1 run matched: the probe was not selected, the mode was not, or the remedy was not among its variants. */
function notRun(run: RunRecord, probes: readonly ProbeRunRecord[], mode: IoMode, name: string): string {
  if (!run.probes.includes(HANDOFF_PROBE)) return `not measured: ${HANDOFF_PROBE} was not selected`;
  const sameModes = probes.some((p) => p.probe === HANDOFF_PROBE && p.variant.a === mode && p.variant.b === mode);
  return sameModes ? `not measured: ${name} was not among the runs` : `not measured: mode ${mode} was not selected for both sides`;
}
