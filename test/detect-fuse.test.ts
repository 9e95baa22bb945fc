import t from 'tap';
import { fuseSubtype, isFuseType } from '../src/detect/fuse.js';
import { mergedOptions, parseMountinfo } from '../src/detect/mountinfo.js';

t.test('FUSE subtypes from the type or the subtype option', async (t) => {
  const lines = [
    '40 25 0:52 / /mnt/gv0 rw,relatime shared:92 - fuse.glusterfs gfs1:/gv0 rw,user_id=0,group_id=0,default_permissions,allow_other,max_read=131072',
    '41 25 0:53 / /mnt/cephfs rw,relatime shared:93 - fuse.ceph-fuse ceph-fuse rw,user_id=0,group_id=0,allow_other',
    '42 25 0:54 / /mnt/mfs rw,relatime - fuse.mfs mfsmaster:9421 rw,user_id=0,group_id=0,allow_other',
    '43 25 0:55 / /mnt/old rw,relatime - fuse sshfs#u@h: rw,user_id=0,group_id=0,subtype=sshfs',
    '44 25 8:17 / /mnt/ntfs rw,relatime - fuseblk /dev/sdb1 rw,user_id=0,group_id=0,allow_other,blksize=4096',
  ];
  const got = parseMountinfo(lines.join('\n')).map((e) => fuseSubtype(e.fsType, mergedOptions(e)));
  t.same(got, ['glusterfs', 'ceph-fuse', 'mfs', 'sshfs', '']);
});

t.test('not FUSE: undefined', async (t) => {
  t.notOk(isFuseType('ext4') || isFuseType('fusectl') || isFuseType('nfs4'));
  t.ok(isFuseType('fuseblk') && isFuseType('fuse.s3fs'));
  t.equal(fuseSubtype('fusectl'), undefined);
  t.equal(fuseSubtype('ext4', { subtype: 'x' }), undefined);
});
