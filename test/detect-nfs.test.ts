import t from 'tap';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isLocalAddress, isNfsType, localAddresses, nfsDetails, readLocalio, splitNfsSource } from '../src/detect/nfs.js';
import { mountDetails, parseMountinfo } from '../src/detect/mountinfo.js';

const mount = (line: string) => mountDetails(parseMountinfo(line)[0]!);
const V42 = '36 25 0:50 / /mnt/nfs rw,relatime shared:90 - nfs4 srv:/export rw,vers=4.2,rsize=1048576,wsize=1048576,namlen=255,hard,proto=tcp,timeo=600,retrans=2,sec=sys,clientaddr=10.0.0.2,local_lock=none,addr=10.0.0.1';
const V3 = '37 25 0:51 / /mnt/nfs3 rw,noatime shared:91 - nfs 10.0.0.1:/srv/export/ rw,vers=3,rsize=1048576,wsize=1048576,namlen=255,acregmin=1,acregmax=1,acdirmin=1,acdirmax=1,hard,nocto,nosharecache,proto=tcp,timeo=600,retrans=2,sec=sys,mountaddr=10.0.0.1,mountvers=3,mountport=20048,mountproto=udp,lookupcache=none,local_lock=all,addr=10.0.0.1';
const NOAC = '38 25 0:52 / /mnt/noac rw,relatime - nfs4 [fd00::5]:/ rw,noac,actimeo=0,lookupcache=positive,addr=fd00::5';
const NOVERS = '39 25 0:53 / /mnt/old rw - nfs4 localhost:/e rw,addr=127.0.0.1';

t.test('NFS types; server and export from the source', async (t) => {
  t.ok(isNfsType('nfs') && isNfsType('nfs4'));
  t.notOk(isNfsType('nfsd') || isNfsType('ext4'));
  t.same(splitNfsSource('srv:/export'), { server: 'srv', export: '/export' });
  t.same(splitNfsSource('[fd00::5]:/x/y'), { server: 'fd00::5', export: '/x/y' });
  t.same(splitNfsSource('10.0.0.1:/'), { server: '10.0.0.1', export: '/' });
});

t.test('a default NFSv4.2 mount: cto, default attribute cache, sharecache, remote server', async (t) => {
  t.same(nfsDetails(mount(V42), ['10.0.0.2']), {
    version: '4.2', server: 'srv', export: '/export', attributeCache: {}, cto: true, lookupcache: 'all', sharecache: true,
    localLock: 'none', serverIsLocal: false, address: '10.0.0.1',
  });
});

t.test('an NFSv3 mount with every option that matters changed', async (t) => {
  t.match(nfsDetails(mount(V3), []), {
    version: '3', server: '10.0.0.1', export: '/srv/export/', attributeCache: { acregmin: '1', acregmax: '1', acdirmin: '1', acdirmax: '1' },
    cto: false, lookupcache: 'none', sharecache: false, localLock: 'all',
  });
  t.match(nfsDetails(mount(NOAC), []), { server: 'fd00::5', export: '/', attributeCache: { noac: '', actimeo: '0' }, lookupcache: 'positive', address: 'fd00::5' });
});

t.test('version from the type when no vers= is shown; not NFS gives undefined', async (t) => {
  t.equal(nfsDetails(mount(NOVERS), [])?.version, '4');
  t.equal(nfsDetails(mount('27 1 254:0 / / rw - ext4 /dev/vda rw'), []), undefined);
});

t.test('the server is local when its address is loopback or one of this host\'s', async (t) => {
  t.ok(nfsDetails(mount(V42), ['10.0.0.1', 'fe80::1'])?.serverIsLocal);
  t.ok(nfsDetails(mount(NOVERS), [])?.serverIsLocal, '127.0.0.1');
  t.ok(isLocalAddress('::1', []));
  t.ok(isLocalAddress('::ffff:127.0.0.5', []));
  t.ok(isLocalAddress('FE80::1', ['fe80::1%eth0']));
  t.notOk(isLocalAddress('10.9.9.9', ['10.0.0.2']));
  const mine = localAddresses();
  t.ok(mine.length > 0, 'this host has addresses');
  t.ok(isLocalAddress(mine[0]!, mine));
});

t.test('LOCALIO from /sys/fs/nfs/<dev>/localio: 1, 0, or absent', async (t) => {
  const root = mkdtempSync(join(tmpdir(), 'coprobe-sysfs-'));
  t.teardown(() => rmSync(root, { recursive: true, force: true }));
  mkdirSync(join(root, 'fs/nfs/0:50'), { recursive: true });
  mkdirSync(join(root, 'fs/nfs/0:51'), { recursive: true });
  writeFileSync(join(root, 'fs/nfs/0:50/localio'), '1\n');
  writeFileSync(join(root, 'fs/nfs/0:51/localio'), '0\n');
  t.equal(readLocalio('0:50', root), true);
  t.equal(readLocalio('0:51', root), false);
  t.equal(readLocalio('0:52', root), undefined);
});
