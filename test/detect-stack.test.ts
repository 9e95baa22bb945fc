import t from 'tap';
import { fsName, stackClassOf, stackClassOfMount } from '../src/stack.js';

t.test('statfs magic names and classes', async (t) => {
  t.equal(fsName(0xef53), 'ext4');
  t.equal(fsName(0x6969), 'nfs');
  t.equal(fsName(-0x1000000), '0xff000000', 'negative f_type is read unsigned');
  t.equal(stackClassOf('dir', 0x01161970), 'cluster');
  t.equal(stackClassOf('device', 0xef53), 'block');
  t.equal(stackClassOf('dir', 0x1), 'other');
});

t.test('mountinfo types refine the class: NFS, cluster FUSE clients, kernel cluster filesystems', async (t) => {
  t.equal(stackClassOfMount('nfs4'), 'nfs');
  t.equal(stackClassOfMount('fuse.glusterfs', 'glusterfs'), 'cluster');
  t.equal(stackClassOfMount('fuse.ceph-fuse', 'ceph-fuse'), 'cluster');
  t.equal(stackClassOfMount('fuse.mfs', 'mfs'), 'cluster');
  t.equal(stackClassOfMount('fuse.sshfs', 'sshfs'), 'fuse');
  t.equal(stackClassOfMount('fuse', ''), 'fuse');
  t.equal(stackClassOfMount('lustre'), 'cluster');
  t.equal(stackClassOfMount('ext4'), undefined, 'the magic number decides');
});
