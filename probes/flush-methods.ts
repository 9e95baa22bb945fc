// FLUSH1: b holds stale pages; for each way b can try to see a's flushed change, is its next read fresh, and what does
// a buffered read on the old descriptor return afterwards? On NFS, mountstats READ counts show whether a read went out.
import type { ClaimId } from '../src/claims.js';
import type { Probe, ProbeContext } from '../src/probe.js';
import type { ReadSummary } from '../src/protocol/results.js';
import { expectFresh, type Check, type ClaimEvidence } from '../src/checks.js';
import { MODE_TRAITS } from '../src/modes.js';
import { allFresh, describeCounts } from '../src/blocks/tally.js';
import { COHERENT_WHEN_UNCACHED, staleRule, type Bearing } from './rules.js';
import { nfsOps, prime, provedRead, remedyEvidence, rewrite } from './steps.js';
import { capsOf, lacking } from '../src/caps.js';
import type { CapabilityName } from '../native-bindings/backend.js';

/** Past this, attribute caches with default bounds on local stacks have expired; longer waits are --window's job. */
export const SLEEP_MS = 3000;

interface Method {
  what: string;
  /** Claims that say this method makes b's read fresh, and what fresh/stale mean for each. */
  bearing: Bearing;
  /** Apply the method; returns the handle b then reads through. */
  apply(t: ProbeContext): Promise<string>;
  /** Turn back what apply changed on the old descriptor (fcntl F_SETFL). */
  undo?(t: ProbeContext): Promise<void>;
  /** Capabilities b's backend needs for this method. */
  needs?: CapabilityName[];
}

const coherent: Bearing = { 'INVALIDATE-REMEDY': ['holds', 'violated'] };

export const METHODS: Record<string, Method> = {
  none: { what: 'nothing (control)', bearing: { 'BLOCK-PAGECACHE-INCOHERENT': ['violated', 'holds'], 'NFS-OPEN-BOTH': ['not-applicable', 'holds'] }, apply: async () => 'f' },
  reopen: { what: 'close and reopen (last descriptor)', bearing: coherent, apply: async (t) => { await t.step('b', 'reopen', { h: 'f' }); return 'f'; } },
  'reopen-other': {
    what: 'a second open while the first descriptor stays open', bearing: {},
    apply: async (t) => { await t.open('b', 'g', t.variant.b); return 'g'; },
  },
  fadvise: {
    what: 'posix_fadvise(DONTNEED) on the whole file', bearing: { ...coherent, 'QEMU-DROP-CACHE': ['holds', 'violated'] }, needs: ['fadvise'],
    apply: async (t) => { await t.step('b', 'fadvise', { h: 'f', advice: 'dontneed', offset: 0, len: 0 }); return 'f'; },
  },
  blkflsbuf: { what: 'ioctl(BLKFLSBUF)', bearing: coherent, needs: ['blkflsbuf'], apply: async (t) => { await t.step('b', 'blkflsbuf', { h: 'f' }); return 'f'; } },
  // Only where b's backend has a client cache of its own to invalidate (librbd): see the variants.
  invalidate: { what: 'the backend\'s own cache invalidation (rbd_invalidate_cache)', bearing: coherent, needs: ['invalidate'], apply: async (t) => { await t.step('b', 'invalidate', { h: 'f' }); return 'f'; } },
  'direct-newfd': {
    what: 'a new O_DIRECT descriptor', needs: ['direct'],
    bearing: { 'NFS-ODIRECT-READ': ['holds', 'violated'], 'NFS-SYNC-STABLE-READ': ['holds', 'violated'], 'BLOCK-PROTOCOL-COHERENT': ['holds', 'violated'] },
    apply: async (t) => { await t.open('b', 'g', 'none'); return 'g'; },
  },
  'direct-setfl': {
    what: 'O_DIRECT set with fcntl(F_SETFL) on the same descriptor', needs: ['direct', 'setfl'],
    bearing: { 'NFS-ODIRECT-READ': ['holds', 'violated'], 'BLOCK-PROTOCOL-COHERENT': ['holds', 'violated'] },
    apply: async (t) => { await t.step('b', 'setDirect', { h: 'f', direct: true }); return 'f'; },
    undo: async (t) => { await t.step('b', 'setDirect', { h: 'f', direct: false }); },
  },
  fchmod: { what: 'fchmod(0644) by b on its descriptor', bearing: {}, needs: ['files'], apply: async (t) => { await t.step('b', 'fchmod', { h: 'f', mode: 0o644 }); return 'f'; } },
  stat: { what: 'statx of the path', bearing: {}, needs: ['files'], apply: async (t) => { await t.step('b', 'statPath', {}); return 'f'; } },
  sleep: { what: `a ${SLEEP_MS / 1000} s wait`, bearing: {}, apply: async () => { await new Promise((r) => setTimeout(r, SLEEP_MS)); return 'f'; } },
};

/** NFS READ operations counted for b's mount so far, or undefined off NFS. */
async function readOps(t: ProbeContext): Promise<number | undefined> {
  return (await nfsOps(t))?.READ;
}

/** NFS-LOCALIO: on a client on the server's host, did a fresh O_DIRECT read reach the data without a READ RPC? */
function localio(t: ProbeContext, fresh: boolean, before?: number, after?: number): ClaimEvidence {
  const nfs = t.targets.b.details?.nfs;
  if (t.stack !== 'nfs' || !nfs) return { claim: 'NFS-LOCALIO', status: 'not-applicable', why: 'side b is not an NFS mount' };
  if (!nfs.serverIsLocal) return { claim: 'NFS-LOCALIO', status: 'not-applicable', why: `the NFS server ${nfs.server} is not on b's host` };
  if (before === undefined || after === undefined) return { claim: 'NFS-LOCALIO', status: 'not-applicable', why: 'no mountstats READ counts on b: cannot tell whether RPC was bypassed' };
  if (after > before) return { claim: 'NFS-LOCALIO', status: 'not-applicable', why: `the O_DIRECT read went over RPC (READ ops ${before} → ${after}): LOCALIO not in effect on this mount` };
  return fresh
    ? { claim: 'NFS-LOCALIO', status: 'holds', why: `fresh data with no READ RPC (READ ops stayed ${before}): the client read through LOCALIO` }
    : { claim: 'NFS-LOCALIO', status: 'not-applicable', why: 'stale read without a READ RPC: served from a cache, not LOCALIO' };
}

function claimsOf(b: Bearing): ClaimId[] { return Object.keys(b) as ClaimId[]; }

export const flushMethods: Probe = {
  code: 'FLUSH1',
  title: 'flush-method matrix: b holds stale pages and tries one way to see a\'s flushed change',
  flags: ['remedy', 'migration'],
  claims: ['INVALIDATE-REMEDY', 'QEMU-DROP-CACHE', 'BLOCK-PAGECACHE-INCOHERENT', 'NFS-OPEN-BOTH', 'NFS-ODIRECT-READ', 'NFS-SYNC-STABLE-READ', 'BLOCK-PROTOCOL-COHERENT', 'NFS-LOCALIO'],
  depends: [],
  targets: ['dir', 'device'],
  variants: (pairs, targets) => {
    const names = Object.keys(METHODS).filter((m) => m !== 'invalidate' || (targets && capsOf(targets.b).invalidate));
    return pairs.filter((p) => !MODE_TRAITS[p.b].direct).flatMap((p) => names.map((param) => ({ ...p, param })));
  },
  omit: (v, targets) => lacking(targets, { b: METHODS[v.param ?? 'none']!.needs ?? [] }),
  async run(t) {
    const m = METHODS[t.variant.param ?? 'none']!;
    const g1 = t.nextGen();
    const g2 = t.nextGen();
    await prime(t, g1); // b's page cache now holds generation g1
    const flush = await rewrite(t, g2);
    const ignored = flush.result.ignored;
    const control = t.variant.param === 'none' ? undefined : await t.read('b', 'f', g2);
    const opsBefore = await readOps(t);
    const h = await m.apply(t);
    const direct = t.variant.param === 'direct-newfd' || t.variant.param === 'direct-setfl';
    const { read: after, access } = await provedRead(t, { gen: g2, h, direct });
    const opsAfter = await readOps(t);
    await m.undo?.(t);
    const old: ReadSummary | undefined = h !== 'f' || m.undo ? (await t.read('b', 'f', g2)).result : undefined;
    const fresh = allFresh(after.result);
    const values: Check['values'] = {
      ...(opsBefore !== undefined && opsAfter !== undefined ? { nfsReadOpsBefore: opsBefore, nfsReadOpsAfter: opsAfter } : {}),
      ...(old ? { oldFdFresh: old.counts.fresh, oldFdStale: old.counts.stale } : {}),
    };
    const oldNote = old ? `; a buffered read on the old descriptor afterwards: ${describeCounts(old)}` : '';
    const rpcNote = opsBefore !== undefined && opsAfter !== undefined ? `; NFS READ ops ${opsBefore} → ${opsAfter}` : '';
    const sentence = t.variant.param === 'none'
      ? 'without a remedy, a buffered reader sees the new data after the writer\'s fsync (the documents warn it may not)'
      : `reader should see the new data after ${m.what}`;
    const claims = claimsOf(m.bearing);
    const rule = t.variant.param === 'none' ? { onStale: 'WARN' as const, note: 'hazard present: the stale data stays in b\'s page cache until something removes it' }
      : claims.length ? staleRule(t, COHERENT_WHEN_UNCACHED, ignored)
        : { onStale: 'WARN' as const, note: `${m.what} is not a remedy on this stack` };
    const check = expectFresh({ sentence, claims, read: after.result, ...rule, fsyncToReadUs: t.gapUs(flush, after) });
    const { bears, note } = remedyEvidence(t, { ...(control ? { control: control.result } : {}), fresh, ignored, bearing: m.bearing, remedy: m.what, what: `${describeCounts(after.result)} after ${m.what}`, access });
    check.observed += oldNote + rpcNote + note + (direct ? `; access: ${access.how}` : '');
    const window = fresh ? undefined : await t.window('b', h, g2);
    if (t.variant.param === 'direct-newfd') bears.push(localio(t, fresh, opsBefore, opsAfter));
    return [{ ...check, bears, values, access, ...(window ? { window } : {}) }];
  },
};
