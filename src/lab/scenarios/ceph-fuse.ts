// Scenario ceph-fuse: one CephFS (ci/ceph.sh's single-host cluster in the guest) mounted twice by ceph-fuse, each mount its
// own ceph-fuse process (`ci/ceph.sh mount NAME`): two Ceph clients (own client id, MDS session and caps), two FUSE
// superblocks, so two page caches.
import type { Scenario } from '../types.js';
import { CEPH_DATA } from '../guest/names.js';
import { CEPH_ADMIN_CONF, CEPH_MEMORY_MIB, CEPH_RUN_DIR, CEPH_SH } from '../guest/services.js';
import { MDS_SESSIONS } from './cephfs-kernel.js';

/** Where ci/ceph.sh mounts ceph-fuse NAME (DATA/mnt/NAME). */
const MNT = { a: `${CEPH_DATA}/mnt/lab-a`, b: `${CEPH_DATA}/mnt/lab-b` } as const;
const mount = (side: 'a' | 'b') => `${CEPH_SH} mount lab-${side}`;

const scenario: Scenario = {
  name: 'ceph-fuse',
  summary: 'CephFS through ceph-fuse: ci/ceph.sh\'s single-host cluster (mon, memstore OSD, MDS) in the guest, one CephFS mounted twice by two ceph-fuse processes (ci/ceph.sh mount): two Ceph clients, two FUSE mounts with their own page caches',
  kind: 'ceph-fuse',
  default: false,
  needs: ['ceph', 'ceph-fuse'],
  memoryMiB: CEPH_MEMORY_MIB,
  packages: ['ceph-fuse', 'ceph-common', 'ceph-mon', 'ceph-osd', 'ceph-mds'],
  setup: [
    { name: 'mount client a', run: `[ "$(${mount('a')})" = ${MNT.a} ]`, timeoutMs: 300_000 },
    { name: 'mount client b', run: `[ "$(${mount('b')})" = ${MNT.b} ]`, timeoutMs: 300_000 },
  ],
  observe: [
    // Each ceph-fuse's own client id, from its admin socket (ci/ceph.sh names it RUN/fuse.NAME.asok).
    { name: 'client ids', run: `for s in a b; do echo "$s client.$(ceph --admin-daemon ${CEPH_RUN_DIR}/fuse.lab-$s.asok status | jq -r .id)"; done`, timeoutMs: 120_000 },
    { name: 'MDS sessions', run: MDS_SESSIONS(CEPH_ADMIN_CONF), timeoutMs: 120_000 },
  ],
  teardown: [
    { name: 'unmount client b', run: `${CEPH_SH} umount lab-b`, timeoutMs: 120_000 },
    { name: 'unmount client a', run: `${CEPH_SH} umount lab-a`, timeoutMs: 120_000 },
    { name: 'no ceph-fuse left', run: `! grep " fuse.ceph-fuse " /proc/mounts && ! pidof ceph-fuse` },
  ],
  sides: { a: MNT.a, b: MNT.b },
  facts: {
    setup: { a: mount('a'), b: mount('b') },
    clients: 'two ceph-fuse processes in one kernel (ci/ceph.sh mount lab-a, lab-b), each its own Ceph client (its own client id, MDS session and caps) and its own FUSE mount (its own page cache), as two hosts are',
  },
};

export default scenario;
