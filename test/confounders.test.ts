import t from 'tap';
import { confounders } from '../src/run/confounders.js';
import { nfs, side } from './fixtures/records.js';

const codes = (list: { code: string }[]) => list.map((c) => c.code);

t.test('one kernel and one filesystem: one page cache, and the run is void', async (t) => {
  const [c] = confounders(side(), side());
  t.match(c, { code: 'ONE-PAGE-CACHE', severity: 'voids', message: /one page cache serves both.*run the sides on two hosts/ });
});

t.test('two hosts, or two devices in one kernel: no warning', async (t) => {
  t.same(confounders(side({ bootId: 'x' }), side({ bootId: 'y' })), []);
  t.same(confounders(side({ kind: 'device', stack: 'block', dev: '7:0' }), side({ kind: 'device', stack: 'block', dev: '7:1' })), []);
  t.same(confounders(side({ bootId: 'unknown' }), side({ bootId: 'unknown' })), [], 'an unknown boot id proves nothing about one kernel');
});

t.test('a directory and a device with the same numbers are not one cache', async (t) => {
  t.notOk(codes(confounders(side({ kind: 'dir', dev: '7:0' }), side({ kind: 'device', stack: 'block', dev: '7:0' }))).includes('ONE-PAGE-CACHE'));
});

t.test('two NFS mounts of one export sharing a superblock in one kernel: void, with the nosharecache remedy', async (t) => {
  const found = confounders(side({ stack: 'nfs', dev: '0:50', details: nfs() }), side({ stack: 'nfs', dev: '0:50', details: nfs() }));
  t.same(codes(found), ['ONE-PAGE-CACHE', 'NFS-SHARECACHE', 'NFSV4-ONE-CLIENT']);
  t.match(found[1], { severity: 'voids', message: /srv:\/export sharing one superblock \(0:50\).*-o nosharecache/ });
  t.match(found[2], { severity: 'weakens', message: /server sees one client.*never recalls a delegation/ });
});

t.test('two NFSv4 mounts with their own superblocks (nosharecache) in one kernel: one client identity, not one cache', async (t) => {
  const found = confounders(
    side({ stack: 'nfs', dev: '0:50', details: nfs({ sharecache: false }) }),
    side({ stack: 'nfs', dev: '0:51', details: nfs({ sharecache: false }) }),
  );
  t.same(codes(found), ['NFSV4-ONE-CLIENT']);
});

t.test('two NFSv4 mounts from two network namespaces with two host names in one kernel: two clients, no one-client warning', async (t) => {
  const a = side({ stack: 'nfs', dev: '0:50', details: nfs(), hostname: 'laba', netns: 'net:[1]' });
  const b = side({ stack: 'nfs', dev: '0:51', details: nfs(), hostname: 'labb', netns: 'net:[2]' });
  t.same(confounders(a, b), []);
  // Either namespace alone is not enough: one host name is one client name, and one network namespace is one client.
  t.same(codes(confounders(a, side({ stack: 'nfs', dev: '0:51', details: nfs(), hostname: 'laba', netns: 'net:[2]' }))), ['NFSV4-ONE-CLIENT']);
  t.same(codes(confounders(a, side({ stack: 'nfs', dev: '0:51', details: nfs(), hostname: 'labb', netns: 'net:[1]' }))), ['NFSV4-ONE-CLIENT']);
  t.same(codes(confounders(a, side({ stack: 'nfs', dev: '0:51', details: nfs(), hostname: 'labb' }))), ['NFSV4-ONE-CLIENT'], 'an unknown namespace proves nothing');
});

t.test('two NFSv3 mounts with their own superblocks: nothing to warn; on two hosts: nothing either', async (t) => {
  const v3 = nfs({ version: '3', sharecache: false });
  t.same(confounders(side({ stack: 'nfs', dev: '0:50', details: v3 }), side({ stack: 'nfs', dev: '0:51', details: v3 })), []);
  t.same(confounders(side({ bootId: 'x', stack: 'nfs', dev: '0:50', details: nfs() }), side({ bootId: 'y', stack: 'nfs', dev: '0:50', details: nfs() })), []);
});

t.test('NFS mounts in one kernel whose details are unknown: the one-client warning says what to check', async (t) => {
  const found = confounders(side({ stack: 'nfs', dev: '0:50' }), side({ stack: 'nfs', dev: '0:51' }));
  t.match(found, [{ code: 'NFSV4-ONE-CLIENT', severity: 'weakens', message: /versions could not be read.*coprobe detect/ }]);
});

t.test('LOCALIO: reported by sysfs, or inferred from a local server address on a kernel from 6.12 on', async (t) => {
  const remote = side({ bootId: 'y', stack: 'nfs', details: nfs() });
  const local = (kernel: string, over = {}) => side({ bootId: 'x', kernel, arg: '/mnt/l', stack: 'nfs', details: nfs({ serverIsLocal: true, address: '127.0.0.1', ...over }) });
  t.match(confounders(local('6.12.0'), remote), [{ code: 'NFS-LOCALIO', severity: 'weakens', message: /side a \(\/mnt\/l\) mounts an NFS server on its own host \(127\.0\.0\.1\).*localio_enabled/ }]);
  t.same(confounders(local('6.11.9'), remote), [], 'no LOCALIO before 6.12');
  t.same(confounders(local('6.18.1', { localio: false }), remote), [], 'sysfs says LOCALIO is not in use');
  t.match(confounders(remote, side({ bootId: 'x', kernel: '5.10.0', stack: 'nfs', details: nfs({ localio: true }) })), [{ code: 'NFS-LOCALIO', message: /side b .* uses NFS LOCALIO/ }], 'sysfs is evidence on any kernel');
  t.same(confounders(side({ bootId: 'x', kernel: '6.18.0', stack: 'nfs', details: nfs() }), remote), [], 'a remote server: no LOCALIO');
});

t.test('different stacks; no O_DIRECT', async (t) => {
  t.match(confounders(side({ bootId: 'x', stack: 'nfs' }), side({ bootId: 'y', stack: 'local' })), [{ code: 'MIXED-STACKS', severity: 'info', message: /different kinds of storage \(a: nfs, b: local\)/ }]);
  t.match(confounders(side({ bootId: 'x', direct: false, arg: '/r' }), side({ bootId: 'y' })), [{ code: 'NO-ODIRECT', severity: 'info', message: /side a \(\/r\) refuses O_DIRECT/ }]);
});

t.test('READ-DELEGATION is never emitted: the client side cannot see delegations', async (t) => {
  const all = [
    confounders(side({ stack: 'nfs', dev: '0:50', details: nfs() }), side({ stack: 'nfs', dev: '0:50', details: nfs() })),
    confounders(side({ bootId: 'x', stack: 'nfs', details: nfs() }), side({ bootId: 'y', stack: 'nfs', details: nfs() })),
  ].flat();
  t.notOk(codes(all).includes('READ-DELEGATION'));
});
