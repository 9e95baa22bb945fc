// HAND1: the migration handoff as QEMU runs it — b opens and reads the head early, a runs a guest workload and makes its
// final flush, b applies one remedy and reads every block; the result is what the guest would see on b.
import { StepFailure, type Probe, type ProbeContext } from '../src/probe.js';
import type { VerifyResult, WorkloadResult } from '../src/protocol/results.js';
import type { Reply } from '../src/transport/client.js';
import { expectFresh, type Check } from '../src/checks.js';
import { MODE_TRAITS } from '../src/modes.js';
import { allFresh, describeCounts, emptySummary, mergeSummaries } from '../src/blocks/tally.js';
import type { WorkloadPlan } from '../src/blocks/workload.js';
import { COHERENT_WHEN_UNCACHED, bearsOn, staleRule, type Bearing } from './rules.js';
import { REMEDIES, type RemedyName } from './remedy-set.js';
import { prime } from './steps.js';
import { backendOf, capsOf, lacking } from '../src/caps.js';
import type { TargetInfo } from '../src/protocol/results.js';

/** The remedies the handoff is run with, per the issue: none, QEMU's drop-cache, delayed open, a lock. */
export const HANDOFF_REMEDIES: RemedyName[] = ['none', 'fadvise', 'reopen', 'fcntl'];
/** QEMU probes the image format by reading its first 64 KiB before the guest runs. */
export const HEAD_BYTES = 64 * 1024;

/** HAND1's remedies for these targets: the four, plus the backend's own invalidation where b has one. */
export function remediesFor(targets?: { b: TargetInfo }): RemedyName[] {
  return targets && capsOf(targets.b).invalidate ? [...HANDOFF_REMEDIES, 'invalidate'] : HANDOFF_REMEDIES;
}

function bearingFor(remedy: RemedyName, bUncached: boolean, part: 'head' | 'rest'): Bearing {
  if (part === 'head') return !bUncached && remedy === 'none' ? { 'EARLY-READ-64K': ['violated', 'holds'] } : {};
  if (bUncached) return { HANDOFF: ['holds', 'violated'] };
  switch (remedy) {
    case 'none': return {};
    case 'fadvise': return { HANDOFF: ['holds', 'violated'], 'QEMU-DROP-CACHE': ['holds', 'violated'], 'INVALIDATE-REMEDY': ['holds', 'violated'] };
    case 'invalidate': return { HANDOFF: ['holds', 'violated'], 'INVALIDATE-REMEDY': ['holds', 'violated'] };
    case 'reopen': return { HANDOFF: ['holds', 'violated'], 'INVALIDATE-REMEDY': ['holds', 'violated'] };
    default: return { 'LOCK-INVALIDATES': ['holds', 'violated'] };
  }
}

async function verify(t: ProbeContext, plan: WorkloadPlan, first: number, count: number, boundMs = 0): Promise<Reply<VerifyResult> & { ok: true }> {
  return await t.step('b', 'verify', { h: 'f', plan, first, count, boundMs }) as Reply<VerifyResult> & { ok: true };
}

export const handoff: Probe = {
  code: 'HAND1',
  title: 'migration handoff: b reads the head early, a runs a workload and flushes, b applies a remedy and reads every block',
  flags: ['migration', 'handoff', 'verdict'],
  claims: ['HANDOFF', 'EARLY-READ-64K', 'QEMU-DROP-CACHE', 'INVALIDATE-REMEDY', 'LOCK-INVALIDATES'],
  depends: [],
  targets: ['dir', 'device'],
  // QEMU opens the image with one cache mode on both hosts; the handoff is run for the pairs a=b the user selected.
  // QEMU's rbd driver invalidates librbd's cache on activation: the `invalidate` run is added where b's backend has one.
  variants: (pairs, targets) => pairs.filter((p) => p.a === p.b).flatMap((p) => remediesFor(targets).map((param) => ({ ...p, param }))),
  omit(v, targets) {
    if (v.param === 'none') return undefined;
    if (!capsOf(targets.b).pageCache) return `b reads through ${backendOf(targets.b)} (userspace, no host page cache): QEMU applies no remedy, only the "none" run applies`;
    if (MODE_TRAITS[v.b].direct) return 'b reads with O_DIRECT (no page cache): QEMU applies no remedy, only the "none" run applies';
    return lacking(targets, { b: REMEDIES[v.param as RemedyName]?.needs ?? [] });
  },
  async run(t) {
    const remedy = REMEDIES[(t.variant.param ?? 'none') as RemedyName];
    const n = Math.max(1, Math.floor(t.options.handoffBytes / t.blockSize));
    const room = Math.min(t.targets.a.deviceSize ?? Infinity, t.targets.b.deviceSize ?? Infinity);
    if (n * t.blockSize > room) throw new StepFailure(`the ${n * t.blockSize}-byte image does not fit the ${room}-byte device: give a smaller --image-size`, 'UNSUPPORTED');
    if (t.options.handoffRounds < 1) throw new StepFailure('the handoff needs at least one write round (--rounds)', 'UNSUPPORTED');
    const base = t.nextGen();
    const rounds = t.options.handoffRounds;
    for (let i = 0; i < rounds; i++) t.nextGen();
    const plan: WorkloadPlan = { seed: (base * 2654435761) >>> 0, baseGen: base, rounds, first: 0, count: n };
    const head = Math.min(n, Math.max(1, Math.ceil(HEAD_BYTES / t.blockSize)));

    // The image before migration, written and flushed by the source; the destination opens it and probes its
    // format: the first 64 KiB land in its cache.
    const { read: early } = await prime(t, base, { first: 0, count: n }, { first: 0, count: head });
    // The guest runs on the source: several generations, sequential and random blocks, periodic flushes.
    const w = await t.step('a', 'workload', { h: 'f', plan, flushEvery: 2 }) as Reply<WorkloadResult> & { ok: true };
    const final = await t.flush('a', 'f');
    await remedy.apply(t);
    const headReply = await verify(t, plan, 0, head);
    const headRead = headReply.result.last;
    const restRead = head < n ? (await verify(t, plan, head, n - head)).result.last : emptySummary();
    await remedy.undo?.(t);
    const all = mergeSummaries(headRead, restRead);
    const fresh = allFresh(all);
    const ignored = final.result.ignored;
    const bUncached = t.uncached('b');
    const hazard = !bUncached && t.variant.param === 'none';
    const rule = hazard
      ? { onStale: 'WARN' as const, note: ignored ? 'the writer skipped its flush (cache=unsafe)' : `the early read's pages (and their readahead) stayed in b's page cache: the guest on b would see these blocks wrong` }
      : staleRule(t, t.variant.param === 'fcntl' ? ['nfs'] : COHERENT_WHEN_UNCACHED, ignored);
    // Staleness window: re-verify the whole image inside b's agent until fresh or --window runs out.
    const measured = !fresh && t.options.windowMs > 0 ? (await verify(t, plan, 0, n, t.options.windowMs)).result : undefined;
    const check: Check = {
      ...expectFresh({
        sentence: `after the source's final flush and ${remedy.what}, every block the destination reads should equal what the source last flushed`,
        claims: ['HANDOFF', ...remedy.claims], read: all, onStale: rule.onStale,
        ...(rule.note ? { note: rule.note } : {}),
        fsyncToReadUs: t.gapUs(final, headReply),
      }),
      bears: [
        ...bearsOn(t, fresh, ignored, bearingFor((t.variant.param ?? 'none') as RemedyName, bUncached, 'rest'), `${describeCounts(all)} after ${remedy.what}`),
        // EARLY-READ-64K is about the head b read early: judged on the head alone.
        ...bearsOn(t, allFresh(headRead), ignored, bearingFor((t.variant.param ?? 'none') as RemedyName, bUncached, 'head'), `head (first 64 KiB): ${describeCounts(headRead)}`),
      ],
      values: {
        imageBlocks: n, headBlocks: head, rounds, blocksWritten: w.result.blocksWritten, periodicFlushes: w.result.flushes,
        headStale: headRead.blocks - headRead.counts.fresh, restStale: restRead.blocks - restRead.counts.fresh,
        earlyReadFresh: allFresh(early.result),
      },
      ...(measured ? { window: { fresh: measured.fresh, elapsedUs: measured.elapsedUs, polls: measured.polls, boundMs: t.options.windowMs } } : {}),
    };
    return [check];
  },
};
