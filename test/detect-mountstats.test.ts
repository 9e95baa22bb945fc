import t from 'tap';
import { nfsOpsFor, nfsReadCountersFor, parseMountstats, sectionFor } from '../src/detect/mountstats.js';

// The kernel's /proc/self/mountstats format (fs/nfs/super.c nfs_show_stats, net/sunrpc/stats.c rpc_clnt_show_stats).
const MOUNTSTATS = `device /dev/vda mounted on / with fstype ext4
device proc mounted on /proc with fstype proc
device srv:/export mounted on /mnt/nfs with fstype nfs4 statvers=1.1
\topts:\trw,vers=4.2,rsize=1048576,wsize=1048576,namlen=255,acregmin=3,acregmax=60,acdirmin=30,acdirmax=60,hard,proto=tcp,timeo=600,retrans=2,sec=sys,clientaddr=10.0.0.2,local_lock=none
\tage:\t3600
\timpl_id:\tname='',domain='',date='0,0'
\tcaps:\tcaps=0x3ffbffff,wtmult=512,dtsize=1048576,bsize=0,namlen=255
\tnfsv4:\tbm0=0xfdffbfff,bm1=0x40f9be3e,bm2=0x60803,acl=0x3,sessions,pnfs=not configured,lease_time=90,lease_expired=0
\tsec:\tflavor=1,pseudoflavor=1
\tevents:\t52 1024 0 12 80 30 1200 0 0 12 0 0 0 0 4 0 0 3 0 0 0 0 0 0 0 0 0
\tbytes:\t65536 131072 4096 8192 65536 131072 16 32
\tRPC iostats version: 1.1  p/v: 100003/4 (nfs)
\txprt:\ttcp 0 0 1 0 30 400 400 0 400 0 2 0 0
\tper-op statistics
\t        NULL: 1 1 0 44 24 0 0 0 0
\t        READ: 12 12 0 2016 66624 0 15 16 0
\t       WRITE: 8 8 0 132480 1376 0 20 21 0
\t      COMMIT: 0 0 0 0 0 0 0 0 0
\t        OPEN: 3 3 0 1020 1212 0 2 3 0
\t DELEGRETURN: 1 1 0 200 160 0 1 1 0

device srv:/other mounted on /mnt/nfs/with\\040space with fstype nfs statvers=1.1
\topts:\trw,vers=3
\tbytes:\t1 2 3 4 5 6 7 8
\tper-op statistics
\t        NULL: 0 0 0 0 0 0 0 0 0
\t     GETATTR: 7 7 0 840 896 0 1 1 0
device tmpfs mounted on /mnt/nfs/tmp with fstype tmpfs
`;

t.test('sections, op counts and byte counters', async (t) => {
  const s = parseMountstats(MOUNTSTATS);
  t.equal(s.length, 5);
  t.match(s[2], { device: 'srv:/export', mountPoint: '/mnt/nfs', fsType: 'nfs4', ops: { NULL: 1, READ: 12, WRITE: 8, COMMIT: 0, OPEN: 3, DELEGRETURN: 1 } });
  t.same(s[2]!.bytes, { normalRead: 65536, normalWrite: 131072, directRead: 4096, directWrite: 8192, serverRead: 65536, serverWrite: 131072, readPages: 16, writePages: 32 });
  t.same(s[3]!.ops, { NULL: 0, GETATTR: 7 });
  t.equal(s[3]!.mountPoint, '/mnt/nfs/with space');
  t.same(s[0]!.ops, {}, 'non-NFS sections have no ops');
});

t.test('the mount holding a path; NFS ops or undefined when that mount is not NFS', async (t) => {
  const s = parseMountstats(MOUNTSTATS);
  t.equal(sectionFor(s, '/mnt/nfs/a/b')?.device, 'srv:/export');
  t.match(nfsOpsFor(MOUNTSTATS, '/mnt/nfs/dir'), { mountPoint: '/mnt/nfs', ops: { READ: 12 }, bytes: { directRead: 4096 } });
  t.match(nfsOpsFor(MOUNTSTATS, '/mnt/nfs/with space/f'), { mountPoint: '/mnt/nfs/with space', ops: { GETATTR: 7 } });
  t.equal(nfsOpsFor(MOUNTSTATS, '/mnt/nfs/tmp/x'), undefined, 'a tmpfs under the NFS mount is not NFS');
  t.equal(nfsOpsFor(MOUNTSTATS, '/var/tmp'), undefined);
  t.equal(nfsOpsFor('', '/mnt/nfs'), undefined);
});

t.test('read-proof counters of the NFS mount holding a path: a pure function of the text, sampled before and after', async (t) => {
  t.same(nfsReadCountersFor(MOUNTSTATS, '/mnt/nfs/dir/f'), {
    mountPoint: '/mnt/nfs',
    values: { READ: 12, OPEN: 3, serverReadBytes: 65536, directReadBytes: 4096, normalReadBytes: 65536 },
  }, 'ops the mount does not list (this sample has no GETATTR/ACCESS line) are left out, not made 0');
  t.same(nfsReadCountersFor(MOUNTSTATS, '/mnt/nfs/with space/x'), {
    mountPoint: '/mnt/nfs/with space', values: { GETATTR: 7, serverReadBytes: 5, directReadBytes: 3, normalReadBytes: 1 },
  });
  t.equal(nfsReadCountersFor(MOUNTSTATS, '/mnt/nfs/tmp/x'), undefined, 'not NFS');
  // After one uncached 4 KiB READ and a GETATTR on the first mount.
  const after = MOUNTSTATS.replace('\tbytes:\t65536 131072 4096', '\tbytes:\t69632 131072 4096').replace('READ: 12 12', 'READ: 13 13');
  t.equal(nfsReadCountersFor(after, '/mnt/nfs/f')?.values.READ, 13);
  t.equal(nfsReadCountersFor(after, '/mnt/nfs/f')?.values.normalReadBytes, 69632);
});
