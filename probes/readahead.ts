// RA1: does a remedy remove what readahead fetched? b reads block 0 buffered (the kernel reads ahead), a rewrites the
// blocks after it and makes its final flush, b applies a remedy (none, fadvise DONTNEED, close+reopen, an NFS lock) and
// reads those blocks for the first time. The thread's sentence: "if a NFS client aggressively prefetches, this solution
// [invalidating the destination's cache once migration completes] is not enough, but in practice Linux doesn't do
// that" — a claim about the remedy, judged only on the remedy runs. Without a remedy, readahead that went stale is the
// early-read hazard (EARLY-READ-64K, HAND1): reported as a WARN with the readahead reach measured, never a violation.
import { StepFailure, type Probe, type ProbeContext } from '../src/probe.js';
import { expectFresh, type Check, type ClaimEvidence } from '../src/checks.js';
import { MODE_TRAITS } from '../src/modes.js';
import { allFresh, describeCounts } from '../src/blocks/tally.js';
import type { ResidencyResult } from '../src/protocol/results.js';
import { capsOf, lacking } from '../src/caps.js';
import { storageBytes } from '../src/access.js';
import { outOfScope, staleRule } from './rules.js';
import { provedRead, rewrite } from './steps.js';
import { REMEDIES, type RemedyName } from './remedy-set.js';

/** The remedies RA1 tries after the final flush: none is the control (the early-read hazard, with the reach measured). */
export const RA1_REMEDIES: readonly RemedyName[] = ['none', 'fadvise', 'reopen', 'fcntl'];
/** The file RA1 reads into: large enough that readahead is bounded by the kernel's window, not by the end of the file. */
export const RA1_BYTES = 2 << 20;

/** Blocks in RA1's region: 2 MiB (or the run's region when larger), within the device when the target is one. */
export function raBlocks(t: Pick<ProbeContext, 'blocks' | 'blockSize' | 'targets'>): number {
  const want = Math.max(t.blocks, Math.ceil(RA1_BYTES / t.blockSize));
  const dev = t.targets.b.deviceSize ?? t.targets.a.deviceSize;
  return dev ? Math.min(want, Math.floor(dev / t.blockSize)) : want;
}

const KiB = (n: number) => `${Math.round(n / 1024)} KiB`;

/** How far b's readahead went beyond the one block it read: pages resident (mincore), bytes the storage returned (counters). */
interface Reach { blocks?: number; bytes?: number; how: string }

async function measureReach(t: ProbeContext, regionBytes: number, residentBefore: number | undefined, fetched: number | undefined): Promise<Reach> {
  const parts: string[] = [];
  let blocks: number | undefined;
  let bytes: number | undefined;
  if (residentBefore !== undefined) {
    const r = (await t.step('b', 'residency', { h: 'f', len: regionBytes })).result as ResidencyResult;
    const page = regionBytes / r.pages;
    if (residentBefore > 0) parts.push(`mincore: ${residentBefore} pages were already cached on b before its read, so residency cannot show the reach`);
    else {
      bytes = Math.max(0, r.resident * page - t.blockSize);
      blocks = Math.floor(bytes / t.blockSize);
      parts.push(`mincore: ${r.resident} of ${r.pages} pages resident after b read one block`);
    }
  }
  if (fetched !== undefined) {
    const beyond = Math.max(0, fetched - t.blockSize);
    bytes ??= beyond;
    blocks ??= Math.floor(beyond / t.blockSize);
    parts.push(`the storage returned ${fetched} bytes for b's ${t.blockSize}-byte read`);
  }
  return { ...(blocks !== undefined ? { blocks } : {}), ...(bytes !== undefined ? { bytes } : {}), how: parts.join('; ') || 'not measurable here (no mincore, no storage counter)' };
}

export const readahead: Probe = {
  code: 'RA1',
  title: 'readahead and the remedy: b reads block 0, a rewrites the rest and flushes, b applies a remedy and reads them',
  flags: ['readahead', 'remedy'],
  claims: ['READAHEAD'],
  depends: [],
  targets: ['dir', 'device'],
  variants: (pairs) => pairs.filter((p) => !MODE_TRAITS[p.b].direct).flatMap((p) => RA1_REMEDIES.map((param) => ({ ...p, param }))),
  omit: (v, targets) => {
    const r = REMEDIES[(v.param ?? 'none') as RemedyName];
    if (v.param === 'fcntl' && targets.b.stack !== 'nfs') return 'the lock remedy is the NFS one (a lock acquisition drops the client\'s cache); side b is not NFS';
    return lacking(targets, { b: r.needs ?? [] });
  },
  async run(t) {
    const n = raBlocks(t);
    const k = n - 1;
    if (k < 1) throw new StepFailure('RA1 needs a region of 2 blocks or more', 'UNSUPPORTED');
    const remedyName = (t.variant.param ?? 'none') as RemedyName;
    const remedy = REMEDIES[remedyName];
    const g1 = t.nextGen();
    const g2 = t.nextGen();
    const regionBytes = n * t.blockSize;
    await t.open('a', 'f', t.variant.a, true);
    await t.write('a', 'f', g1, 0, n);
    await t.flush('a', 'f');
    await t.open('b', 'f', t.variant.b);
    const mincore = capsOf(t.targets.b).fadvise;
    const before = mincore ? ((await t.step('b', 'residency', { h: 'f', len: regionBytes })).result as ResidencyResult).resident : undefined;
    const first = await provedRead(t, { gen: g1, first: 0, count: 1 });
    const reach = await measureReach(t, regionBytes, before, storageBytes(first.read.result));
    const flush = await rewrite(t, g2, { first: 1, count: k });
    await remedy.apply(t);
    const after = await provedRead(t, { gen: g2, first: 1, count: k });
    await remedy.undo?.(t);
    const fresh = allFresh(after.read.result);
    const stale = after.read.result.blocks - after.read.result.counts.fresh;
    const ignored = flush.result.ignored;
    const reachText = reach.bytes !== undefined
      ? `readahead reach: ${reach.blocks} blocks (${KiB(reach.bytes)}) beyond the block b read, in a ${KiB(regionBytes)} file (${reach.how})`
      : `readahead reach: ${reach.how}`;
    const values: Check['values'] = {
      readaheadStaleBlocks: stale, blockSize: t.blockSize, regionBlocks: n,
      readaheadReachBlocks: reach.blocks ?? null, readaheadReachBytes: reach.bytes ?? null,
    };
    const condition = remedyName === 'none' ? 'buffered reader, no remedy' : `buffered reader after ${remedy.what}`;
    if (remedyName === 'none') {
      const check = expectFresh({
        sentence: `without a remedy, blocks b never read should be fresh after a rewrote them and flushed (readahead may have fetched them early: the early-read hazard)`,
        claims: ['READAHEAD'], read: after.read.result, onStale: 'WARN', fsyncToReadUs: t.gapUs(flush, after.read),
        note: ignored ? 'the writer skipped its flush (cache=unsafe)' : `readahead on b had fetched ${stale} of the ${k} following blocks before a's write and served them stale`,
      });
      check.observed += `; ${reachText}`;
      const bears: ClaimEvidence[] = [{ claim: 'READAHEAD', status: 'not-applicable', condition,
        why: 'no remedy was applied: readahead going stale before any invalidation is the early-read hazard (EARLY-READ-64K), not what the sentence claims' }];
      return [{ ...check, values, access: after.access, bears }];
    }
    const rule = staleRule(t, ['nfs'], ignored);
    const check = expectFresh({
      sentence: `after ${remedy.what}, blocks b never read (only its readahead fetched them) should be fresh: "in practice Linux doesn't" prefetch so aggressively that invalidation is not enough`,
      claims: ['READAHEAD'], read: after.read.result, ...rule, fsyncToReadUs: t.gapUs(flush, after.read),
      note: `${remedy.what} left ${stale} blocks that readahead had fetched stale`,
    });
    check.observed += `; ${reachText}`;
    return [{ ...check, values, access: after.access, bears: [readaheadBears(t, { fresh, ignored, reach, condition, what: `${describeCounts(after.read.result)} b had never read, after ${remedy.what}` })] }];
  },
};

/** READAHEAD after a remedy: violated when readahead-fetched blocks stayed stale; holds only when readahead fetched something the remedy then removed. */
function readaheadBears(t: ProbeContext, o: { fresh: boolean; ignored: boolean; reach: Reach; condition: string; what: string }): ClaimEvidence {
  const base = { claim: 'READAHEAD' as const, condition: o.condition };
  if (o.ignored) return { ...base, status: 'not-applicable', why: `${o.what}: the writer skipped its flush (cache=unsafe)` };
  const other = outOfScope(t, 'READAHEAD');
  if (other) return { ...base, status: 'not-applicable', why: other };
  if (!o.fresh) return { ...base, status: 'violated', why: `${o.what}: stale — the remedy did not remove what readahead had fetched` };
  if (o.reach.blocks === undefined) return { ...base, status: 'not-applicable', why: `${o.what}: fresh, but the readahead reach could not be measured (${o.reach.how}): no proof the remedy had prefetched blocks to remove` };
  if (o.reach.blocks === 0) return { ...base, status: 'not-applicable', why: `${o.what}: fresh, but readahead fetched nothing beyond the block b read (${o.reach.how}): nothing for the remedy to miss` };
  return { ...base, status: 'holds', why: `${o.what}: fresh — the remedy removed the ${o.reach.blocks} blocks readahead had fetched` };
}
