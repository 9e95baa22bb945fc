// Fixed names and addresses inside the lab guest (the guest is the lab's own machine: nothing here touches the host).

/** Guest host name (client a, the NFS server and the iSCSI target run in the guest's first namespaces). */
export const HOST_A = 'coprobe-lab-a';
/** Client b's host name, in its own UTS namespace (the NFSv4 client id names it). */
export const HOST_B = 'coprobe-lab-b';
/** Client b's network namespace and its persisted UTS namespace. */
export const NETNS_B = 'coprobe-lab-b';
export const RUN_DIR = '/run/coprobe-lab';
export const UTS_B = `${RUN_DIR}/uts-b`;
/** The veth pair between the guest's first network namespace (server side) and client b's. */
export const SERVER_ADDR_B = '10.213.99.1';
export const CLIENT_ADDR_B = '10.213.99.2';
export const NET_B = '10.213.99.0/24';
/** The exported filesystem: ext4 on a loop file (an overlay root cannot be exported). */
export const EXPORT_IMAGE = '/var/lib/coprobe-lab/export.img';
export const EXPORT_DIR = '/srv/coprobe-lab';
/** Where clients a and b mount the export. */
export const MNT_A = '/mnt/coprobe-lab-a';
export const MNT_B = '/mnt/coprobe-lab-b';
/** The iSCSI LUN's backing file and target name. */
export const LUN_IMAGE = '/var/lib/coprobe-lab/lun.img';
export const TARGET_IQN = 'iqn.2026-11.org.coprobe:lab';
/** Initiator names of the two iface records (two sessions, two /dev/sdX, two page caches). */
export const INITIATOR = { a: 'iqn.2026-11.org.coprobe:side-a', b: 'iqn.2026-11.org.coprobe:side-b' } as const;
/** Stable paths of the two LUN views, symlinks to the /dev/sdX each session attached. */
export const LUN_A = `${RUN_DIR}/lun-a`;
export const LUN_B = `${RUN_DIR}/lun-b`;

/** The command prefix that runs a command as client b: in its network and UTS namespaces (mounts stay shared). */
export const AS_CLIENT_B = `nsenter --net=/run/netns/${NETNS_B} --uts=${UTS_B}`;

/** The Ceph cluster's data (a tmpfs of its own, so memstore's objects never fill the overlay's upper layer) and run directories. */
export const CEPH_DATA = '/var/lib/coprobe-lab/ceph';
export const CEPH_RUN = `${RUN_DIR}/ceph`;
/** Bound on the Ceph cluster's data tmpfs (memstore holds every object in the OSD's memory and saves them here on stop). */
export const CEPH_DATA_SIZE = '512m';
/** The CephFS kernel client's debugfs directory (one <fsid>.client<id> directory per client instance). */
export const CEPH_DEBUGFS = '/sys/kernel/debug/ceph';
/** Files where each side's Ceph client id is recorded as its mount or map makes it. */
export const CEPH_CLIENT_OF = { a: `${RUN_DIR}/ceph-client-a`, b: `${RUN_DIR}/ceph-client-b` } as const;
/** The lab's rbd image (pool/name) and the stable paths of its two kernel mappings. */
export const RBD_POOL = 'rbd';
export const RBD_IMAGE = 'coprobe-lab';
export const RBD_SIZE_MIB = 64;
export const RBD_A = `${RUN_DIR}/rbd-a`;
export const RBD_B = `${RUN_DIR}/rbd-b`;
