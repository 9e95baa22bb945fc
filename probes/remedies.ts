// REM1: b holds stale data in its page cache; one remedy is applied on b; does b then see a's flushed data?
import type { ClaimId } from '../src/claims.js';
import type { Probe, ProbeContext } from '../src/probe.js';
import type { StackClass } from '../src/stack.js';
import { expectFresh, type Check } from '../src/checks.js';
import { MODE_TRAITS } from '../src/modes.js';
import { allFresh, describeCounts } from '../src/blocks/tally.js';
import { COHERENT_WHEN_UNCACHED, staleRule } from './rules.js';

interface Remedy {
  claims: ClaimId[];
  /** Stacks on which the claims say the remedy works. */
  appliesTo: readonly StackClass[];
  what: string;
  apply(t: ProbeContext): Promise<void>;
  /** Undo after the read (release a lock). */
  undo?(t: ProbeContext): Promise<void>;
}

const wholeFile = { offset: 0, len: 0 };

export const REMEDIES: Record<string, Remedy> = {
  none: { claims: ['BLOCK-PAGECACHE-INCOHERENT'], appliesTo: [], what: 'no remedy (control)', async apply() {} },
  reopen: {
    claims: ['INVALIDATE-REMEDY'], appliesTo: COHERENT_WHEN_UNCACHED, what: 'close and reopen (last descriptor)',
    async apply(t) { await t.step('b', 'reopen', { h: 'f' }); },
  },
  fadvise: {
    claims: ['QEMU-DROP-CACHE', 'INVALIDATE-REMEDY'], appliesTo: COHERENT_WHEN_UNCACHED, what: 'posix_fadvise(DONTNEED) on the whole file',
    async apply(t) { await t.step('b', 'fadvise', { h: 'f', advice: 'dontneed', ...wholeFile }); },
  },
  fcntl: {
    claims: ['LOCK-INVALIDATES'], appliesTo: ['nfs'], what: 'fcntl read lock (F_SETLKW) on the open file',
    async apply(t) { await t.step('b', 'lock', { h: 'f', kind: 'posix', type: 'read', wait: true }); },
    async undo(t) { await t.step('b', 'lock', { h: 'f', kind: 'posix', type: 'unlock', wait: true }); },
  },
  ofd: {
    claims: ['LOCK-INVALIDATES'], appliesTo: ['nfs'], what: 'OFD read lock (F_OFD_SETLKW) on the open file',
    async apply(t) { await t.step('b', 'lock', { h: 'f', kind: 'ofd', type: 'read', wait: true }); },
    async undo(t) { await t.step('b', 'lock', { h: 'f', kind: 'ofd', type: 'unlock', wait: true }); },
  },
  flock: {
    claims: ['LOCK-INVALIDATES'], appliesTo: ['nfs'], what: 'flock(LOCK_SH) on the open file',
    async apply(t) { await t.step('b', 'flock', { h: 'f', op: 'shared', wait: true }); },
    async undo(t) { await t.step('b', 'flock', { h: 'f', op: 'unlock', wait: true }); },
  },
  blkflsbuf: {
    claims: ['INVALIDATE-REMEDY'], appliesTo: ['block'], what: 'ioctl(BLKFLSBUF) on the device',
    async apply(t) { await t.step('b', 'blkflsbuf', { h: 'f' }); },
  },
};

export const remedies: Probe = {
  code: 'REM1',
  title: 'remedies on b after a primed buffered read: reopen, fadvise DONTNEED, locks, BLKFLSBUF',
  flags: ['remedy', 'migration'],
  claims: ['INVALIDATE-REMEDY', 'LOCK-INVALIDATES', 'QEMU-DROP-CACHE', 'BLOCK-PAGECACHE-INCOHERENT'],
  depends: [],
  targets: ['dir', 'device'],
  variants: (pairs) => pairs.filter((p) => !MODE_TRAITS[p.b].direct).flatMap((p) => Object.keys(REMEDIES).map((param) => ({ ...p, param }))),
  omit: (v, targets) => (v.param === 'blkflsbuf' && targets.b.kind !== 'device' ? 'BLKFLSBUF needs a block device on side b' : undefined),
  async run(t) {
    const remedy = REMEDIES[t.variant.param ?? 'none']!;
    const g1 = t.nextGen();
    const g2 = t.nextGen();
    await t.open('a', 'f', t.variant.a, true);
    await t.write('a', 'f', g1);
    await t.flush('a', 'f');
    await t.open('b', 'f', t.variant.b);
    await t.read('b', 'f', g1); // b's page cache now holds generation g1
    await t.write('a', 'f', g2);
    const flush = await t.flush('a', 'f');
    const control = await t.read('b', 'f', g2);
    if (t.variant.param === 'none') {
      return [expectFresh({
        sentence: 'without a remedy, a buffered reader sees the new data after the writer\'s fsync (the documents warn it may not)',
        claims: remedy.claims, read: control.result, onStale: 'WARN', fsyncToReadUs: t.gapUs(flush, control),
        note: 'hazard present: the stale data stays in b\'s page cache until something removes it',
      })];
    }
    await remedy.apply(t);
    const after = await t.read('b', 'f', g2);
    await remedy.undo?.(t);
    const checks: Check[] = [];
    const sentence = `reader should see the new data after ${remedy.what}`;
    if (allFresh(control.result)) {
      checks.push({ claims: remedy.claims, sentence, outcome: allFresh(after.result) ? 'PASS' : 'FAIL', read: after.result,
        observed: `control read before the remedy was already fresh (${describeCounts(control.result)}): this stack gave the remedy nothing to remove; after it: ${describeCounts(after.result)}` });
      return checks;
    }
    checks.push(expectFresh({ sentence, claims: remedy.claims, read: after.result, ...staleRule(t, remedy.appliesTo, flush.result.ignored), fsyncToReadUs: t.gapUs(flush, after) }));
    return checks;
  },
};
