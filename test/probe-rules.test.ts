// The judgement rules of probes/rules.ts: a read served from b's own cache never bears on a claim about what the
// storage returns; an O_DIRECT read (or a buffered one proven to reach the storage) does; claims about caches take both.
import t from 'tap';
import { bearsOn, notFromStorage } from '../probes/rules.js';
import type { AccessProof } from '../src/checks.js';

// Access proofs as the agents recorded them (loop pair and a kernel NFS mount in the lab), counters included.
const cached: AccessProof = {
  reached: 'cache', how: "buffered read served from b's page cache: nothing read from the storage; sysfs /sys/dev/block/7:1/stat: readIos 412 → 412, readSectors 3296 → 3296",
  counters: { readIos: [412, 412], readSectors: [3296, 3296] },
};
const direct: AccessProof = {
  reached: 'storage', how: 'O_DIRECT read; mountstats /mnt/coprobe-lab-b: READ 40 → 56, GETATTR 12 → 12, serverReadBytes 1048576 → 1114112',
  counters: { READ: [40, 56], GETATTR: [12, 12], serverReadBytes: [1048576, 1114112] },
};
const unproven: AccessProof = { reached: 'unproven', how: 'buffered read with no storage counter (no storage counters for tmpfs)' };

t.test('a cached read does not bear on storage claims, an O_DIRECT read does', async (t) => {
  const nfs = { profile: 'nfs' as const };
  const bearing = { 'NFS-SYNC-STABLE-READ': ['holds', 'violated'], 'NFS-OPEN-BOTH': ['not-applicable', 'holds'] } as const;
  const fromCache = bearsOn(nfs, false, false, bearing, '16 blocks: 16 stale', cached);
  t.match(fromCache, [
    { claim: 'NFS-SYNC-STABLE-READ', status: 'not-applicable', why: /did not demonstrably reach the storage \(buffered read served from b's page cache/ },
    { claim: 'NFS-OPEN-BOTH', status: 'holds' },
  ], 'the cache-served stale read says something about b\'s cache only');
  t.match(bearsOn(nfs, true, false, bearing, '16 blocks: 16 fresh', direct), [
    { claim: 'NFS-SYNC-STABLE-READ', status: 'holds', why: '16 blocks: 16 fresh: fresh' },
    { claim: 'NFS-OPEN-BOTH', status: 'not-applicable' },
  ]);
  t.match(bearsOn(nfs, true, false, bearing, 'x', unproven), [{ claim: 'NFS-SYNC-STABLE-READ', status: 'not-applicable' }], 'unproven does not bear either');
  t.match(bearsOn(nfs, false, false, bearing, 'x'), [{ claim: 'NFS-SYNC-STABLE-READ', status: 'violated' }], 'no proof recorded (older probes): judged as before');
});

t.test('the writer\'s skipped flush and another stack come first', async (t) => {
  t.match(bearsOn({ profile: 'nfs' }, false, true, { 'NFS-ODIRECT-READ': ['holds', 'violated'] }, 'x', direct), [{ status: 'not-applicable', why: /skipped its flush/ }]);
  t.match(bearsOn({ profile: 'block' }, true, false, { 'NFS-ODIRECT-READ': ['holds', 'violated'] }, 'x', direct), [{ status: 'not-applicable', why: /the claim is about the Linux NFS client/ }]);
});

t.test('notFromStorage names the path only when the read did not reach the storage', async (t) => {
  t.equal(notFromStorage(direct), undefined);
  t.equal(notFromStorage(undefined), undefined);
  t.match(notFromStorage({ reached: 'partial', how: 'only 4096 of the 65536 bytes' }), /only 4096 of the 65536 bytes/);
});
