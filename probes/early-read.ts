// EARLY1: b primes exactly the image head QEMU reads before the guest starts (64 KiB); a rewrites it and flushes;
// b re-reads without and with each remedy.
import type { Probe } from '../src/probe.js';
import { expectFresh } from '../src/checks.js';
import { MODE_TRAITS } from '../src/modes.js';
import { allFresh, describeCounts } from '../src/blocks/tally.js';
import { COHERENT_WHEN_UNCACHED, staleRule, type Bearing } from './rules.js';
import { prime, remedyEvidence, rewrite } from './steps.js';
import { capsOf, lacking } from '../src/caps.js';
import { REMEDIES, type RemedyName } from './remedy-set.js';
import { HEAD_BYTES } from './handoff.js';

const BEARING: Record<RemedyName, Bearing> = {
  none: { 'EARLY-READ-64K': ['violated', 'holds'] },
  reopen: { 'INVALIDATE-REMEDY': ['holds', 'violated'] },
  fadvise: { 'INVALIDATE-REMEDY': ['holds', 'violated'], 'QEMU-DROP-CACHE': ['holds', 'violated'] },
  fcntl: { 'LOCK-INVALIDATES': ['holds', 'violated'] },
  blkflsbuf: { 'INVALIDATE-REMEDY': ['holds', 'violated'] },
  invalidate: { 'INVALIDATE-REMEDY': ['holds', 'violated'] },
};

export const earlyRead: Probe = {
  code: 'EARLY1',
  title: 'early-read hazard: b reads the first 64 KiB, a rewrites them and flushes, b re-reads (remedies)',
  flags: ['migration', 'remedy'],
  claims: ['EARLY-READ-64K', 'INVALIDATE-REMEDY', 'QEMU-DROP-CACHE', 'LOCK-INVALIDATES'],
  depends: [],
  targets: ['dir', 'device'],
  // The backend's own invalidation (librbd) is a variant only where b's backend has one.
  variants: (pairs, targets) => {
    const names = (Object.keys(REMEDIES) as RemedyName[]).filter((r) => r !== 'invalidate' || (targets && capsOf(targets.b).invalidate));
    return pairs.filter((p) => !MODE_TRAITS[p.b].direct).flatMap((p) => names.map((param) => ({ ...p, param })));
  },
  omit: (v, targets) => lacking(targets, { b: REMEDIES[v.param as RemedyName]?.needs ?? [] }),
  async run(t) {
    const name = (t.variant.param ?? 'none') as RemedyName;
    const remedy = REMEDIES[name];
    const head = Math.max(1, Math.ceil(HEAD_BYTES / t.blockSize));
    const g1 = t.nextGen();
    const g2 = t.nextGen();
    await prime(t, g1, { first: 0, count: head }); // b reads exactly the head, as QEMU's format probe
    const flush = await rewrite(t, g2, { first: 0, count: head });
    const control = name === 'none' ? undefined : await t.read('b', 'f', g2, 0, head);
    await remedy.apply(t);
    const after = await t.read('b', 'f', g2, 0, head);
    await remedy.undo?.(t);
    const fresh = allFresh(after.result);
    const rule = name === 'none'
      ? { onStale: 'WARN' as const, note: 'hazard present: the head b read before the guest started is stale' }
      : staleRule(t, name === 'fcntl' ? ['nfs'] : COHERENT_WHEN_UNCACHED, flush.result.ignored);
    const check = expectFresh({
      sentence: name === 'none' ? 'without a remedy, the image head b read early is fresh after a rewrote it and flushed (T says it is not)'
        : `the image head b read early should be fresh after ${remedy.what}`,
      claims: Object.keys(BEARING[name]) as never, read: after.result, ...rule, fsyncToReadUs: t.gapUs(flush, after),
    });
    const window = fresh ? undefined : await t.window('b', 'f', g2, 0, head);
    const { bears, note } = remedyEvidence(t, {
      ...(control ? { control: control.result } : {}), fresh, ignored: flush.result.ignored, bearing: BEARING[name],
      remedy: remedy.what, what: `${describeCounts(after.result)} of the head after ${remedy.what}`,
    });
    check.observed += note;
    return [{ ...check, bears, ...(control ? { values: { controlStale: control.result.counts.stale } } : {}), ...(window ? { window } : {}) }];
  },
};
