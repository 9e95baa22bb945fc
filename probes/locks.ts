// LOCK1: does taking a lock on b's already-open file make b drop its cached data (as T says NFS clients do)?
import type { Probe, ProbeContext } from '../src/probe.js';
import { expectFresh } from '../src/checks.js';
import { MODE_TRAITS } from '../src/modes.js';
import { allFresh, describeCounts } from '../src/blocks/tally.js';
import { bearsOn, staleRule } from './rules.js';

interface LockKind { what: string; take(t: ProbeContext): Promise<void>; release(t: ProbeContext): Promise<void> }

const fcntl = (kind: 'posix' | 'ofd', type: 'read' | 'write', what: string): LockKind => ({
  what,
  take: async (t) => { await t.step('b', 'lock', { h: 'f', kind, type, wait: true }); },
  release: async (t) => { await t.step('b', 'lock', { h: 'f', kind, type: 'unlock', wait: true }); },
});
const flock = (op: 'shared' | 'exclusive', what: string): LockKind => ({
  what,
  take: async (t) => { await t.step('b', 'flock', { h: 'f', op, wait: true }); },
  release: async (t) => { await t.step('b', 'flock', { h: 'f', op: 'unlock', wait: true }); },
});

export const LOCKS: Record<string, LockKind> = {
  'posix-read': fcntl('posix', 'read', 'fcntl read lock (F_SETLKW, F_RDLCK)'),
  'posix-write': fcntl('posix', 'write', 'fcntl write lock (F_SETLKW, F_WRLCK)'),
  'ofd-read': fcntl('ofd', 'read', 'OFD read lock (F_OFD_SETLKW)'),
  'ofd-write': fcntl('ofd', 'write', 'OFD write lock (F_OFD_SETLKW)'),
  'flock-shared': flock('shared', 'flock(LOCK_SH)'),
  'flock-exclusive': flock('exclusive', 'flock(LOCK_EX)'),
};

export const locks: Probe = {
  code: 'LOCK1',
  title: 'lock invalidation: b takes a lock on its already-open file after a\'s flush, then reads',
  flags: ['lock', 'remedy'],
  claims: ['LOCK-INVALIDATES'],
  depends: [],
  targets: ['dir', 'device'],
  variants: (pairs) => pairs.filter((p) => !MODE_TRAITS[p.b].direct).flatMap((p) => Object.keys(LOCKS).map((param) => ({ ...p, param }))),
  async run(t) {
    const lock = LOCKS[t.variant.param ?? 'posix-read']!;
    const g1 = t.nextGen();
    const g2 = t.nextGen();
    await t.open('a', 'f', t.variant.a, true);
    await t.write('a', 'f', g1);
    await t.flush('a', 'f');
    await t.open('b', 'f', t.variant.b);
    await t.read('b', 'f', g1);
    await t.write('a', 'f', g2);
    const flush = await t.flush('a', 'f');
    const control = await t.read('b', 'f', g2);
    await lock.take(t);
    const after = await t.read('b', 'f', g2);
    await lock.release(t);
    const fresh = allFresh(after.result);
    const check = expectFresh({
      sentence: `reader should see the new data after taking a ${lock.what} on its open file`, claims: ['LOCK-INVALIDATES'],
      read: after.result, ...staleRule(t, ['nfs'], flush.result.ignored), fsyncToReadUs: t.gapUs(flush, after),
    });
    const window = fresh ? undefined : await t.window('b', 'f', g2);
    const nothingToRemove = allFresh(control.result);
    if (nothingToRemove) check.observed += ' (the control read before the lock was already fresh: nothing stale to remove)';
    const bears = nothingToRemove
      ? [{ claim: 'LOCK-INVALIDATES' as const, status: 'not-applicable' as const, why: `the control read before the ${lock.what} was already fresh: nothing stale to remove` }]
      : bearsOn(t, fresh, flush.result.ignored, { 'LOCK-INVALIDATES': ['holds', 'violated'] }, `${describeCounts(after.result)} after ${lock.what}`);
    return [{ ...check, bears, values: { controlStale: control.result.counts.stale }, ...(window ? { window } : {}) }];
  },
};
