// Scenario cephfs-kernel: one CephFS (ci/ceph.sh's single-host cluster in the guest) mounted twice by the kernel client,
// each mount with noshare, so each is its own Ceph client (own client id, own MDS session, own caps, own page cache).
import type { Scenario } from '../types.js';
import { CEPH_CLIENT_OF, CEPH_DEBUGFS, MNT_A, MNT_B } from '../guest/names.js';
import { CEPH_ADMIN_CONF, CEPH_CLIENT, CEPH_MEMORY_MIB, CEPH_MON, CEPH_SECRET } from '../guest/services.js';

/**
 * The kernel mount of side a or b. `noshare` makes the mount its own libceph client instance instead of sharing the
 * first mount's (fs/ceph/super.c: ceph_compare_super shares a superblock, and libceph a client, between mounts with the
 * same options unless noshare): two clients to the MDS, as two hosts are. As ci/ceph.sh's client.coprobe (cephx), its
 * key from the file ci/ceph.sh writes (mount.ceph passes it to the kernel).
 */
const mount = (side: 'a' | 'b') => `mount -t ceph ${CEPH_MON}:/ ${side === 'a' ? MNT_A : MNT_B} -o noshare,name=${CEPH_CLIENT},secretfile=${CEPH_SECRET}`;

/** Record the client id the mount just made: the debugfs directory (<fsid>.client<id>) that was not there before. */
const recordClient = (side: 'a' | 'b') => {
  const other = side === 'a' ? '' : `grep -vxF "$(cat ${CEPH_CLIENT_OF.a})" |`;
  return `ids=$(ls ${CEPH_DEBUGFS} | sed -n 's/.*\\.client\\([0-9]*\\)$/\\1/p' | ${other} cat); [ "$(echo "$ids" | grep -c .)" = 1 ] || { echo "expected one new client in ${CEPH_DEBUGFS}, found: $ids" >&2; exit 1; }; echo "$ids" > ${CEPH_CLIENT_OF[side]}; echo "side ${side}: client.$ids"`;
};

/** The MDS's session list, one line per client: its id, state, kernel (kernel client) or Ceph version (ceph-fuse), root. */
export const MDS_SESSIONS = (adminConf: string) => `ceph -c ${adminConf} tell mds.\\* session ls -f json 2>/dev/null | jq -r '.[] | "client.\\(.id) \\(.state) \\(.client_metadata.kernel_version // ("ceph-fuse " + .client_metadata.ceph_version) // "") root=\\(.client_metadata.root // "")"'`;

const scenario: Scenario = {
  name: 'cephfs-kernel',
  summary: 'CephFS kernel client: ci/ceph.sh\'s single-host cluster (mon, memstore OSD, MDS) in the guest, one CephFS mounted twice with noshare: two Ceph clients (two MDS sessions, own caps), two page caches',
  kind: 'cephfs',
  default: false,
  needs: ['ceph'],
  memoryMiB: CEPH_MEMORY_MIB,
  packages: ['ceph-common', 'ceph-mon', 'ceph-osd', 'ceph-mds'],
  setup: [
    { name: 'no Ceph client yet', run: `mkdir -p ${MNT_A} ${MNT_B} && [ -z "$(ls ${CEPH_DEBUGFS})" ] || { ls ${CEPH_DEBUGFS}; exit 1; }` },
    { name: 'mount client a', run: mount('a'), timeoutMs: 120_000 },
    { name: 'client a\'s id', run: recordClient('a') },
    { name: 'mount client b', run: mount('b'), timeoutMs: 120_000 },
    { name: 'client b\'s id', run: recordClient('b') },
  ],
  observe: [
    { name: 'client ids', run: `echo "a client.$(cat ${CEPH_CLIENT_OF.a}), b client.$(cat ${CEPH_CLIENT_OF.b})"` },
    // The MDS's own view: one session per client, with the client's kernel and mount root.
    { name: 'MDS sessions', run: MDS_SESSIONS(CEPH_ADMIN_CONF), timeoutMs: 120_000 },
  ],
  teardown: [
    { name: 'unmount client b', run: `umount ${MNT_B}`, timeoutMs: 60_000 },
    { name: 'unmount client a', run: `umount ${MNT_A}`, timeoutMs: 60_000 },
    { name: 'no Ceph client left', run: `rm -f ${CEPH_CLIENT_OF.a} ${CEPH_CLIENT_OF.b}; ! grep " ceph " /proc/mounts` },
  ],
  sides: { a: MNT_A, b: MNT_B },
  facts: {
    setup: { a: mount('a'), b: mount('b') },
    clients: 'two CephFS kernel clients in one kernel: each mount has noshare, so each is its own libceph client (its own client id and MDS session, its own caps and superblock, so its own page cache), as two hosts are; the MDS grants and recalls caps between them',
  },
};

export default scenario;
