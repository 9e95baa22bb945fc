// The access proof of a read: O_DIRECT and userspace backends reach the storage; a buffered read only as far as its counters show.
import t from 'tap';
import { accessProof, describeCounters, storageBytes } from '../src/access.js';

const nfs = (before: number, after: number, reads = [1, 2] as [number, number]) => ({
  counters: { source: 'mountstats /mnt/b', values: { READ: reads, GETATTR: [3, 3] as [number, number], serverReadBytes: [before, after] as [number, number] } },
});
const dev = (sectorsBefore: number, sectorsAfter: number, ios: [number, number]) => ({
  counters: { source: 'sysfs /sys/dev/block/7:1/stat', values: { readIos: ios, readSectors: [sectorsBefore, sectorsAfter] as [number, number] } },
});

t.test('O_DIRECT and userspace reads reach the storage by construction, counters shown beside', async (t) => {
  const d = accessProof({ direct: true, bytes: 65536 }, nfs(0, 65536));
  t.equal(d.reached, 'storage');
  t.match(d.how, /^O_DIRECT read; mountstats \/mnt\/b: READ 1 → 2, GETATTR 3 → 3, serverReadBytes 0 → 65536$/);
  t.same(d.counters?.READ, [1, 2]);
  const u = accessProof({ direct: false, userspace: 'libiscsi', bytes: 4096 }, { countersUnavailable: 'libiscsi has no host page cache' });
  t.equal(u.reached, 'storage');
  t.match(u.how, /libiscsi keeps no host page cache/);
  t.notOk(u.counters, 'no counters to show');
});

t.test('a buffered read: storage, partial, cache or unproven from the counters', async (t) => {
  t.equal(accessProof({ direct: false, bytes: 65536 }, nfs(100, 100 + 131072)).reached, 'storage', 'readahead may fetch more than asked');
  t.equal(accessProof({ direct: false, bytes: 65536 }, nfs(100, 100 + 4096)).reached, 'partial');
  const c = accessProof({ direct: false, bytes: 65536 }, nfs(100, 100, [5, 5]));
  t.equal(c.reached, 'cache');
  t.match(c.how, /served from b's page cache/);
  t.equal(accessProof({ direct: false, bytes: 8192 }, dev(0, 16, [0, 1])).reached, 'storage', '16 sectors = 8 KiB');
  t.equal(accessProof({ direct: false, bytes: 8192 }, dev(10, 10, [4, 4])).reached, 'cache');
  const u = accessProof({ direct: false, bytes: 4096 }, { countersUnavailable: 'no storage counters for tmpfs' });
  t.equal(u.reached, 'unproven');
  t.match(u.how, /no storage counters for tmpfs/);
  t.equal(accessProof({ direct: false, bytes: 4096 }, {}).reached, 'unproven', 'not asked: unproven');
  const counts = { fresh: 0, stale: 0, torn: 0, foreign: 0, misplaced: 0, zero: 0, short: 0, error: 16 } as const;
  const refused = accessProof({ direct: false, bytes: 65536 }, { ...nfs(100, 100, [7, 8]), counts: { ...counts } as never });
  t.match(refused, { reached: 'storage', how: /1 read request reached the storage and 16 blocks came back as errors/ }, 'a READ the server refused (ESTALE) reached it');
  t.equal(accessProof({ direct: false, bytes: 65536 }, { ...nfs(100, 100, [7, 7]), counts: { ...counts } as never }).reached, 'cache', 'an error with no request sent is the client\'s own');
});

t.test('storage bytes and counter text', async (t) => {
  t.equal(storageBytes(nfs(10, 20)), 10);
  t.equal(storageBytes(dev(0, 8, [0, 1])), 4096);
  t.equal(storageBytes({}), undefined);
  t.equal(describeCounters({ a: [1, 2] }), 'a 1 → 2');
});

t.test('GlusterFS: an O_DIRECT read proves nothing while a read cache translator is on', async (t) => {
  const { directLeak } = await import('../src/access.js');
  const defaults = { details: { fuseSubtype: 'glusterfs', cluster: { system: 'glusterfs', options: { 'performance.quick-read': 'on', 'performance.io-cache': 'off', 'performance.read-ahead': 'off' } } } };
  const virt = { details: { fuseSubtype: 'glusterfs', cluster: { system: 'glusterfs', options: { 'performance.quick-read': 'off', 'performance.io-cache': 'off', 'performance.read-ahead': 'off' } } } };
  t.match(directLeak(defaults), /performance\.quick-read on; quick-read has no O_DIRECT check/);
  t.equal(directLeak(virt), undefined, 'all three off: O_DIRECT reaches the bricks');
  t.match(directLeak({ backend: 'libgfapi' }), /performance\.quick-read not read/, 'options unknown: not trusted');
  t.equal(directLeak({ details: { fuseSubtype: 'ceph-fuse' } }), undefined);
  const p = accessProof({ direct: true, directLeak: directLeak(defaults)!, bytes: 4096 }, {});
  t.equal(p.reached, 'unproven');
  t.match(p.how, /^O_DIRECT read, but GlusterFS client translators may answer it/);
});

t.test('GlusterFS through libgfapi: the client volfile says which read caches are loaded', async (t) => {
  const { directLeak } = await import('../src/access.js');
  const graph = (qr: string) => ({ backend: 'libgfapi', details: { cluster: { system: 'glusterfs', options: { 'performance/quick-read': qr, 'performance/io-cache': 'not loaded', 'performance/read-ahead': 'not loaded' } } } });
  t.match(directLeak(graph('loaded')), /performance\.quick-read loaded/);
  t.equal(directLeak(graph('not loaded')), undefined);
});
