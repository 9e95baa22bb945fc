import t from 'tap';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { blockDetails, devParts } from '../src/detect/block.js';

/** A sysfs tree in the real layout: /sys/dev/block/M:m are relative symlinks into /sys/devices. */
function sysfsTree(): string {
  const root = mkdtempSync(join(tmpdir(), 'coprobe-sysfs-'));
  const file = (p: string, text: string) => { mkdirSync(dirname(join(root, p)), { recursive: true }); writeFileSync(join(root, p), text); };
  const dev = (id: string, devicePath: string) => {
    mkdirSync(join(root, devicePath), { recursive: true });
    mkdirSync(join(root, 'dev/block'), { recursive: true });
    symlinkSync(relative(join(root, 'dev/block'), join(root, devicePath)), join(root, 'dev/block', id));
  };
  dev('7:0', 'devices/virtual/block/loop0');
  file('devices/virtual/block/loop0/loop/backing_file', '/var/tmp/img\n');
  file('devices/virtual/block/loop0/loop/dio', '1\n');
  dev('7:1', 'devices/virtual/block/loop1');
  file('devices/virtual/block/loop1/loop/backing_file', '/srv/disk.raw\n');
  file('devices/virtual/block/loop1/loop/dio', '0\n');
  dev('259:9', 'devices/virtual/block/loop1/loop1p1');
  file('devices/virtual/block/loop1/loop1p1/partition', '1\n');
  dev('8:16', 'devices/platform/host3/session1/target3:0:0/3:0:0:0/block/sdb');
  file('devices/platform/host3/session1/iscsi_session/session1/targetname', 'iqn.2003-01.org.linux-iscsi.t1:sn.0123\n');
  dev('8:48', 'devices/platform/host4/session2/target4:0:0/4:0:0:0/block/sdd');
  file('class/iscsi_session/session2/targetname', 'iqn.2010-01.example:disk2\n');
  dev('43:0', 'devices/virtual/block/nbd0');
  file('devices/virtual/block/nbd0/pid', '4242\n');
  dev('43:32', 'devices/virtual/block/nbd1');
  file('devices/virtual/block/nbd1/backend', 'qemu-nbd:/var/lib/img.qcow2\n');
  dev('254:0', 'devices/pci0000:00/0000:00:02.0/virtio1/block/vda');
  dev('8:0', 'devices/pci0000:00/0000:00:03.0/virtio2/host0/target0:0:0/0:0:0:0/block/sda');
  dev('8:32', 'devices/pci0000:00/0000:00:14.0/usb1/1-1/1-1:1.0/host6/target6:0:0/6:0:0:0/block/sdc');
  dev('8:64', 'devices/pci0000:00/0000:00:1f.2/ata1/host1/target1:0:0/1:0:0:0/block/sde');
  dev('259:1', 'devices/pci0000:00/0000:00:04.0/nvme/nvme0/nvme0n1');
  file('devices/pci0000:00/0000:00:04.0/nvme/nvme0/transport', 'pcie\n');
  dev('259:2', 'devices/virtual/nvme-fabrics/ctl/nvme1/nvme1n1');
  file('devices/virtual/nvme-fabrics/ctl/nvme1/transport', 'tcp\n');
  file('devices/virtual/nvme-fabrics/ctl/nvme1/subsysnqn', 'nqn.2014-08.org.example:shared\n');
  dev('253:0', 'devices/virtual/block/dm-0');
  file('devices/virtual/block/dm-0/dm/name', 'mpatha\n');
  file('devices/virtual/block/dm-0/dm/uuid', 'mpath-3600140512345\n');
  mkdirSync(join(root, 'devices/virtual/block/dm-0/slaves/sdb'), { recursive: true });
  mkdirSync(join(root, 'devices/virtual/block/dm-0/slaves/sdd'), { recursive: true });
  dev('9:0', 'devices/virtual/block/md0');
  file('devices/virtual/block/md0/md/level', 'raid1\n');
  mkdirSync(join(root, 'devices/virtual/block/md0/slaves/sdf'), { recursive: true });
  dev('252:0', 'devices/virtual/block/rbd0');
  file('bus/rbd/devices/0/pool', 'rbd\n');
  file('bus/rbd/devices/0/name', 'vm-disk-1\n');
  dev('251:0', 'devices/virtual/block/zram0');
  return root;
}

t.test('block transports from a sysfs tree in the real layout', async (t) => {
  const root = sysfsTree();
  t.teardown(() => rmSync(root, { recursive: true, force: true }));
  const b = (id: string) => blockDetails(id, root);
  t.match(b('7:0'), { transport: 'loop', name: 'loop0', backing: '/var/tmp/img', loopDirectIo: true, sysfs: join(root, 'devices/virtual/block/loop0') });
  t.match(b('7:1'), { transport: 'loop', backing: '/srv/disk.raw', loopDirectIo: false });
  t.match(b('259:9'), { transport: 'loop', name: 'loop1p1', backing: '/srv/disk.raw' }, 'a partition answers for its disk');
  t.match(b('8:16'), { transport: 'iscsi', name: 'sdb', backing: 'iqn.2003-01.org.linux-iscsi.t1:sn.0123 (session1)' });
  t.match(b('8:48'), { transport: 'iscsi', backing: 'iqn.2010-01.example:disk2 (session2)' }, 'targetname from /sys/class/iscsi_session');
  t.match(b('43:0'), { transport: 'nbd', backing: 'connected, client pid 4242' });
  t.match(b('43:32'), { transport: 'nbd', backing: 'qemu-nbd:/var/lib/img.qcow2' });
  t.match(b('254:0'), { transport: 'virtio', name: 'vda', backing: 'virtio-blk' });
  t.match(b('8:0'), { transport: 'virtio', name: 'sda', backing: 'virtio-scsi' });
  t.match(b('8:32'), { transport: 'scsi', backing: 'usb' });
  t.match(b('8:64'), { transport: 'scsi', backing: 'ata' });
  t.match(b('259:1'), { transport: 'nvme', backing: 'pcie' });
  t.match(b('259:2'), { transport: 'nvme', backing: 'tcp nqn.2014-08.org.example:shared' });
  t.match(b('253:0'), { transport: 'dm', backing: 'mpatha (mpath) over sdb, sdd' });
  t.match(b('9:0'), { transport: 'md', backing: 'raid1 over sdf' });
  t.match(b('252:0'), { transport: 'rbd', backing: 'rbd/vm-disk-1' });
  t.match(b('251:0'), { transport: 'other', backing: 'virtual device zram0' });
  t.equal(b('1:99'), undefined, 'no sysfs entry');
  t.equal(blockDetails('7:0', join(root, 'nope')), undefined);
});

t.test('dev_t numbers split into major and minor as glibc does', async (t) => {
  // glibc's makedev: the low 8 bits of the minor, 12 bits of major, the rest of the minor, the rest of the major.
  const makedev = (ma: bigint, mi: bigint) => ((ma & 0xfffn) << 8n) | ((ma & 0xfffff000n) << 32n) | (mi & 0xffn) | ((mi & 0xffffff00n) << 12n);
  t.same(devParts(0x0700n), [7, 0]);
  t.same(devParts(0xfe00n), [254, 0]);
  t.same(devParts(makedev(259n, 65537n)), [259, 65537]);
  t.same(devParts(makedev(0x12345n, 0xabcdefn)), [0x12345, 0xabcdef]);
});
