import t from 'tap';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeStack, stackDetails } from '../src/detect/details.js';

const MAGIC = { ext4: 0xef53, nfs: 0x6969, fuse: 0x65735546, btrfs: 0x9123683e, gfs2: 0x01161970 };

const MOUNTINFO = [
  '27 1 254:0 / / rw,relatime - ext4 /dev/vda rw,discard',
  '36 27 0:50 / /mnt/nfs rw,relatime shared:90 - nfs4 srv:/export rw,vers=4.2,rsize=1048576,wsize=1048576,namlen=255,hard,proto=tcp,timeo=600,retrans=2,sec=sys,clientaddr=10.0.0.2,local_lock=none,addr=10.0.0.1',
  '40 27 0:52 / /mnt/gv0 rw,relatime shared:92 - fuse.glusterfs gfs1:/gv0 rw,user_id=0,group_id=0,default_permissions,allow_other,max_read=131072',
  '41 27 0:53 / /mnt/sshfs rw,nosuid,nodev,relatime - fuse.sshfs u@h:/ rw,user_id=0,group_id=0',
  '42 27 7:0 / /mnt/loopfs rw,relatime - ext4 /dev/loop0 rw',
  '43 27 0:40 / /mnt/btrfs rw,relatime - btrfs /dev/null rw,space_cache=v2,subvolid=5,subvol=/',
  '44 27 253:0 / /mnt/gfs2 rw,relatime - gfs2 /dev/dm-0 rw,seclabel',
].join('\n');

function sysfs(): string {
  const root = mkdtempSync(join(tmpdir(), 'coprobe-sysfs-'));
  mkdirSync(join(root, 'devices/virtual/block/loop0/loop'), { recursive: true });
  mkdirSync(join(root, 'devices/virtual/block/loop0/holders/dm-3'), { recursive: true });
  writeFileSync(join(root, 'devices/virtual/block/loop0/loop/backing_file'), '/var/tmp/img\n');
  writeFileSync(join(root, 'devices/virtual/block/loop0/loop/dio'), '1\n');
  mkdirSync(join(root, 'devices/virtual/block/fake1'), { recursive: true });
  mkdirSync(join(root, 'dev/block'), { recursive: true });
  symlinkSync('../../devices/virtual/block/loop0', join(root, 'dev/block/7:0'));
  symlinkSync('../../devices/virtual/block/fake1', join(root, 'dev/block/1:3'));
  mkdirSync(join(root, 'fs/nfs/0:50'), { recursive: true });
  writeFileSync(join(root, 'fs/nfs/0:50/localio'), '0\n');
  return root;
}

t.test('a directory on NFS: mount, NFS facts with LOCALIO from sysfs, no block device; type nfs4, stack nfs', async (t) => {
  const root = sysfs();
  t.teardown(() => rmSync(root, { recursive: true, force: true }));
  const d = stackDetails({ path: '/mnt/nfs/vm', kind: 'dir', dev: '0:50', mountinfo: MOUNTINFO, sysRoot: root, localAddrs: ['10.0.0.2'] });
  t.match(d, { mount: { mountPoint: '/mnt/nfs', fsType: 'nfs4', dev: '0:50' }, nfs: { version: '4.2', server: 'srv', serverIsLocal: false, localio: false }, notes: [] });
  t.equal(d.block, undefined);
  t.same(describeStack('dir', MAGIC.nfs, d, '0:50'), { fsType: 'nfs4', stack: 'nfs' });
});

t.test('FUSE: glusterfs is a cluster filesystem, sshfs is plain FUSE', async (t) => {
  const gl = stackDetails({ path: '/mnt/gv0/images', kind: 'dir', dev: '0:52', mountinfo: MOUNTINFO, sysRoot: '/nonexistent' });
  t.equal(gl.fuseSubtype, 'glusterfs');
  t.same(describeStack('dir', MAGIC.fuse, gl, '0:52'), { fsType: 'fuse.glusterfs', stack: 'cluster' });
  const ss = stackDetails({ path: '/mnt/sshfs', kind: 'dir', dev: '0:53', mountinfo: MOUNTINFO, sysRoot: '/nonexistent' });
  t.same(describeStack('dir', MAGIC.fuse, ss, '0:53'), { fsType: 'fuse.sshfs', stack: 'fuse' });
});

t.test('a kernel cluster filesystem and a local filesystem on a loop device', async (t) => {
  const root = sysfs();
  t.teardown(() => rmSync(root, { recursive: true, force: true }));
  const g = stackDetails({ path: '/mnt/gfs2/x', kind: 'dir', dev: '253:0', mountinfo: MOUNTINFO, sysRoot: root });
  t.same(describeStack('dir', MAGIC.gfs2, g, '253:0'), { fsType: 'gfs2', stack: 'cluster' });
  const l = stackDetails({ path: '/mnt/loopfs/d', kind: 'dir', dev: '7:0', mountinfo: MOUNTINFO, sysRoot: root });
  t.match(l.block, { transport: 'loop', backing: '/var/tmp/img', loopDirectIo: true });
  t.same(describeStack('dir', MAGIC.ext4, l, '7:0'), { fsType: 'ext4', stack: 'local' });
});

t.test('an anonymous superblock dev (btrfs): the block device is the source\'s; a dev mismatch is noted and statfs names the type', async (t) => {
  const root = sysfs();
  t.teardown(() => rmSync(root, { recursive: true, force: true }));
  const d = stackDetails({ path: '/mnt/btrfs/subvol', kind: 'dir', dev: '0:45', mountinfo: MOUNTINFO, sysRoot: root });
  t.match(d.block, { name: 'fake1' }, 'rdev of /dev/null (1:3) looked up in sysfs');
  t.match(d.notes, [/has device 0:45 but the mount at \/mnt\/btrfs is 0:40/]);
  t.same(describeStack('dir', MAGIC.btrfs, d, '0:45'), { fsType: 'btrfs', stack: 'local' });
});

t.test('a device: transport from sysfs; mounted and held devices are noted with what coprobe run will do', async (t) => {
  const root = sysfs();
  t.teardown(() => rmSync(root, { recursive: true, force: true }));
  const d = stackDetails({ path: '/dev/loop0', kind: 'device', dev: '7:0', mountinfo: MOUNTINFO, sysRoot: root });
  t.match(d, { block: { transport: 'loop', backing: '/var/tmp/img' } });
  t.match(d.notes, [/mounted at \/mnt\/loopfs: coprobe run refuses/, /held by dm-3/]);
  t.equal(d.mount, undefined);
  t.same(describeStack('device', 0, d, '7:0'), { fsType: 'blockdev', stack: 'block' });
  const unknown = stackDetails({ path: '/dev/x', kind: 'device', dev: '1:99', mountinfo: MOUNTINFO, sysRoot: root });
  t.match(unknown.notes, [/no .*dev\/block\/1:99 entry: the transport under \/dev\/x is unknown/]);
});

t.test('unreadable mountinfo: a note, and statfs alone names the type', async (t) => {
  const d = stackDetails({ path: '/x', kind: 'dir', dev: '8:1', mountinfo: '', sysRoot: '/nonexistent' });
  t.match(d.notes, [/mountinfo could not be read/]);
  t.same(describeStack('dir', MAGIC.ext4, d, '8:1'), { fsType: 'ext4', stack: 'local' });
  t.same(describeStack('dir', 0x12345678, d, '8:1'), { fsType: '0x12345678', stack: 'other' });
});
