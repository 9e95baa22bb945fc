// SHARE1: does one cache serve both sides? a writes without flushing; if b reads a's unflushed data at once, both sides
// share one page cache (one superblock, or two NFS mounts in one kernel without nosharecache), and no coherence result
// of this run speaks about two hosts.
import type { Probe } from '../src/probe.js';
import type { Check, ClaimEvidence } from '../src/checks.js';
import { MODE_TRAITS } from '../src/modes.js';
import { allFresh, describeCounts } from '../src/blocks/tally.js';
import { prime } from './steps.js';
import { backendOf, isUserspace } from '../src/caps.js';

export const share: Probe = {
  code: 'SHARE1',
  title: 'one cache for both sides? a writes without a flush, b reads at once',
  flags: ['setup', 'quick'],
  claims: ['NFS-NOSHARECACHE'],
  depends: [],
  targets: ['dir', 'device'],
  // A writer without a page cache (libiscsi, libnfs) sends every write to the server: nothing of a's could stay unflushed.
  needs: { a: ['pageCache'] },
  variants: (pairs) => pairs.filter((p) => p.a === 'writeback' && !MODE_TRAITS[p.b].direct).map((p) => ({ ...p })),
  async run(t) {
    const g1 = t.nextGen();
    const g2 = t.nextGen();
    await prime(t, g1);
    await t.write('a', 'f', g2); // no flush: only a's cache has generation g2
    const after = await t.read('b', 'f', g2);
    const seen = allFresh(after.result);
    // A userspace client (librbd, libgfapi) lives in its agent's process: two agents share no cache. What b sees of a's
    // unflushed write there went to the storage before any flush (librbd writearound, GlusterFS write-behind).
    const userspace = [t.targets.a, t.targets.b].find((x) => isUserspace(x));
    // Two clients of a clustered filesystem on two superblocks (CephFS with noshare, two FUSE connections) keep two page
    // caches; seeing a's unflushed write there is the cluster's coherence protocol at work (CephFS revokes the caching
    // caps while two clients have the file open, so a's writes go to the OSDs at once), not one cache.
    const clustered = t.targets.a.stack === 'cluster' && t.targets.b.stack === 'cluster' && t.targets.a.dev !== t.targets.b.dev;
    // Two kernels cannot share a page cache (and device numbers only name superblocks within one kernel).
    const shared = seen && t.oneKernel && !userspace && !clustered;
    const nfsA = t.targets.a.details?.nfs;
    const nfsB = t.targets.b.details?.nfs;
    let bears: ClaimEvidence;
    if (!(nfsA && nfsB && t.oneKernel)) {
      bears = { claim: 'NFS-NOSHARECACHE', status: 'not-applicable', why: 'the claim is about two NFS mounts in one kernel; these sides are not' };
    } else {
      // nfs(5): mounts share a cache when they share a superblock (sharecache and compatible options); the device number says so.
      const sharing = t.targets.a.dev === t.targets.b.dev;
      const expected = sharing ? `one superblock (${t.targets.a.dev}), one cache` : `two superblocks (${t.targets.a.dev}, ${t.targets.b.dev}), two caches`;
      bears = { claim: 'NFS-NOSHARECACHE', status: shared === sharing ? 'holds' : 'violated', why: `${expected} (mount options: a ${nfsA.sharecache ? 'sharecache' : 'nosharecache'}, b ${nfsB.sharecache ? 'sharecache' : 'nosharecache'}); b read ${describeCounts(after.result)} of a's unflushed write` };
    }
    const check: Check = {
      claims: ['NFS-NOSHARECACHE'],
      sentence: 'b should not see a\'s unflushed write (two caches: the run can speak about two hosts)',
      outcome: shared ? 'WARN' : 'PASS',
      observed: shared ? `${describeCounts(after.result)}: one cache serves both sides, so coherence results here say nothing about two hosts`
        : seen && userspace ? `${describeCounts(after.result)}: b saw a's unflushed write, but ${backendOf(userspace)} is a client inside each agent's own process, so no cache is shared: a's client sent the write to the storage before any flush (librbd's writearound policy, GlusterFS write-behind)`
        : seen && clustered ? `${describeCounts(after.result)}: b saw a's unflushed write through its own client (superblocks ${t.targets.a.dev} and ${t.targets.b.dev}: two page caches), so the clustered filesystem made a's write visible before any flush (its coherence protocol: e.g. CephFS revokes the caching caps of a file two clients have open), not one cache`
        : describeCounts(after.result),
      read: after.result, values: { sharedCache: shared }, bears: [bears],
    };
    return [check];
  },
};
