import t from 'tap';
import { renderBlock, renderDetect, renderMount, renderNfs } from '../src/detect/render.js';
import type { DetectResult } from '../src/detect/types.js';

const NFS_RESULT: DetectResult = {
  path: '/mnt/nfs/vm', kind: 'dir', fsType: 'nfs4', stack: 'nfs', dev: '0:50',
  details: {
    mount: { mountId: 36, mountPoint: '/mnt/nfs', fsType: 'nfs4', source: 'srv:/export', dev: '0:50', options: { rw: '', vers: '4.2', sync: '' } },
    nfs: { version: '4.2', server: 'srv', export: '/export', attributeCache: { actimeo: '0' }, cto: false, lookupcache: 'none', sharecache: false, localLock: 'none', serverIsLocal: true, address: '127.0.0.1', localio: true },
    notes: ['something could not be read'],
  },
};

t.test('an NFS directory: heading, mount, every NFS option that matters, notes', async (t) => {
  const lines = renderDetect('/mnt/nfs/vm', NFS_RESULT, 'host h, kernel 6.18.0');
  t.equal(lines[0], '/mnt/nfs/vm: directory on nfs4 (0:50), stack nfs — host h, kernel 6.18.0');
  t.match(lines[1], /^ {2}mount: \/mnt\/nfs \(nfs4 from srv:\/export, superblock 0:50\)$/, 'NFS options are on the nfs line');
  t.match(lines[2], /nfs: version 4\.2, srv:\/export \(addr 127\.0\.0\.1\) on this host, actimeo=0, nocto, lookupcache=none, nosharecache, local_lock=none, LOCALIO in use/);
  t.equal(lines[3], '  note: something could not be read');
});

t.test('mount options of note on other filesystems; FUSE subtype; missing paths', async (t) => {
  t.match(renderMount({ mountId: 1, mountPoint: '/m', fsType: 'ext4', source: '/dev/sda1', dev: '8:1', options: { rw: '', sync: '', data: 'journal', relatime: '' } }, false), /options of note: sync,data=journal$/);
  const fuse: DetectResult = { path: '/g', kind: 'dir', fsType: 'fuse.glusterfs', stack: 'cluster', dev: '0:52', details: { fuseSubtype: 'glusterfs', notes: [] } };
  t.match(renderDetect('/g', fuse), ['/g: directory on fuse.glusterfs (0:52), stack cluster', '  fuse: subtype glusterfs']);
  t.match(renderDetect('/x', { path: '/x', kind: 'missing', fsType: '', stack: 'other', dev: '', details: { notes: ['/x does not exist: create it'] } }), ['/x: MISSING', '  note: /x does not exist: create it']);
  t.match(renderNfs({ ...NFS_RESULT.details.nfs!, attributeCache: {}, localio: undefined, serverIsLocal: false }), /default attribute cache.*LOCALIO not reported by this kernel/);
});

t.test('block transports: loop with its backing file and direct I/O, others with what sysfs says', async (t) => {
  t.equal(renderBlock({ transport: 'loop', name: 'loop0', backing: '/var/tmp/img', loopDirectIo: true, sysfs: '/sys/devices/virtual/block/loop0' }),
    'block: loop0, loop over /var/tmp/img, direct I/O on [/sys/devices/virtual/block/loop0]');
  t.match(renderBlock({ transport: 'loop', name: 'loop1', backing: '/f', loopDirectIo: false, sysfs: '/s' }), /direct I\/O off \(the backing file's page cache sits under it\)/);
  t.equal(renderBlock({ transport: 'iscsi', name: 'sdb', backing: 'iqn.x:t (session1)', sysfs: '/s' }), 'block: sdb, iscsi (iqn.x:t (session1)) [/s]');
});
