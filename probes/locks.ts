// LOCK1: does taking a lock on b's already-open file make b drop its cached data (as T says NFS clients do)?
import type { Probe, ProbeContext } from '../src/probe.js';
import { expectFresh } from '../src/checks.js';
import { MODE_TRAITS } from '../src/modes.js';
import { allFresh, describeCounts } from '../src/blocks/tally.js';
import { staleRule } from './rules.js';
import { prime, remedyEvidence, rewrite } from './steps.js';

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
  needs: { b: ['locks'] },
  variants: (pairs) => pairs.filter((p) => !MODE_TRAITS[p.b].direct).flatMap((p) => Object.keys(LOCKS).map((param) => ({ ...p, param }))),
  async run(t) {
    const lock = LOCKS[t.variant.param ?? 'posix-read']!;
    const g1 = t.nextGen();
    const g2 = t.nextGen();
    await prime(t, g1);
    const flush = await rewrite(t, g2);
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
    const { bears, note } = remedyEvidence(t, {
      control: control.result, fresh, ignored: flush.result.ignored, bearing: { 'LOCK-INVALIDATES': ['holds', 'violated'] },
      remedy: `the ${lock.what}`, what: `${describeCounts(after.result)} after ${lock.what}`,
    });
    check.observed += note;
    return [{ ...check, bears, values: { controlStale: control.result.counts.stale }, ...(window ? { window } : {}) }];
  },
};
