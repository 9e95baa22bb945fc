// Which stacks each claim is about and where the documents assert it (CLAIMS.md, the wiki W and the thread T).
import type { ClaimId } from '../claims.js';
import type { StackClass } from '../stack.js';

/**
 * A stack class, or a QEMU userspace driver: iscsi:// (libiscsi) and nfs:// (libnfs), with no host page cache; gluster://
 * (libgfapi) and rbd: (librbd), whose client libraries cache in userspace. krbd is Ceph RBD through the kernel's rbd client:
 * a kernel block device (two page caches, as iSCSI) over Ceph.
 */
export type ProfileKey = StackClass | 'iscsi-user' | 'nfs-user' | 'gluster-user' | 'rbd-user' | 'krbd';
export const PROFILE_KEYS: readonly ProfileKey[] = ['nfs', 'block', 'cluster', 'fuse', 'local', 'other', 'iscsi-user', 'nfs-user', 'gluster-user', 'rbd-user', 'krbd'];

/** How each profile is named in sentences. */
export const STACK_LABEL: Record<ProfileKey, string> = {
  nfs: 'NFS', block: 'shared block storage', cluster: 'a clustered filesystem', fuse: 'a FUSE filesystem',
  local: 'a local filesystem', other: 'storage the documents do not name', 'iscsi-user': 'QEMU\'s userspace iSCSI driver (iscsi://, libiscsi)',
  'nfs-user': 'QEMU\'s userspace NFS driver (nfs://, libnfs)',
  'gluster-user': 'QEMU\'s userspace GlusterFS driver (gluster://, libgfapi)', 'rbd-user': 'QEMU\'s userspace Ceph RBD driver (rbd:, librbd)',
  krbd: 'Ceph RBD through the kernel rbd client (krbd)',
};

export type Source = 'W' | 'T' | 'W, T' | 'L';
/** How each source is named in sentences. */
export const SOURCE_LABEL: Record<Source, string> = {
  W: 'the QEMU wiki page (W)',
  T: 'the 2010 qemu-devel thread (T)',
  'W, T': 'the QEMU wiki page and the 2010 qemu-devel thread',
  L: 'the QEMU, libvirt or Linux source cited in CLAIMS.md',
};

export interface ClaimScope {
  source: Source;
  /** The storage the claim is about, as a sentence fragment. */
  about: string;
  /** Profiles the claim is about. */
  stacks: readonly ProfileKey[];
  /** Profiles on which the source asserts it (a subset of stacks); elsewhere it predicts nothing. */
  predicts: readonly ProfileKey[];
  /**
   * What an observation must reach to bear on the claim. `storage`: the claim is about what the storage (server, LUN,
   * cluster) returns, so only a read that demonstrably reached it bears (Check.access.reached === 'storage'); a read
   * served from the reader's own cache says nothing about it. `client`: the claim is about the client's caches, which
   * any read observes. Absent: client.
   */
  observes?: 'storage' | 'client';
}

const NFS: readonly ProfileKey[] = ['nfs'];
/** NFS as a protocol, whichever client speaks it (the kernel's or libnfs). */
const NFS_ANY: readonly ProfileKey[] = ['nfs', 'nfs-user'];
/** Kernel block devices two hosts share: a LUN (iSCSI, FC, loop) or a Ceph RBD image mapped by krbd. */
const BLOCK: readonly ProfileKey[] = ['block', 'krbd'];
const ALL: readonly ProfileKey[] = PROFILE_KEYS;
/**
 * The clustered filesystems as QEMU reaches them: a kernel or FUSE client (CephFS, GlusterFS, GFS2, OCFS2, GPFS), or QEMU's
 * gluster:// driver (files on the GlusterFS volume). Not RBD: an RBD image is Ceph's block interface, not a file on a
 * clustered filesystem; krbd is judged as shared block storage, QEMU's rbd: driver by what it measures (libvirt's
 * "network disks are safe" beside each verdict).
 */
const CLUSTER: readonly ProfileKey[] = ['cluster', 'gluster-user'];
/** Storage with a host page cache two hosts can reach, as QEMU's file-posix opens it (local: one kernel; iscsi-user: no page cache). */
const SHARED_CACHED: readonly ProfileKey[] = ['nfs', 'block', 'cluster', 'fuse', 'other', 'krbd'];
/** Shared storage read through a client cache: a host page cache, or a userspace client's own (gfapi's translators, librbd's cache). */
const CLIENT_CACHED: readonly ProfileKey[] = SHARED_CACHED.concat('gluster-user', 'rbd-user');
const WEAK: readonly ProfileKey[] = ['nfs', 'block', 'fuse', 'other'];
const nfs = (source: Source): ClaimScope => ({ source, about: 'NFS', stacks: NFS, predicts: NFS });
const block: ClaimScope = { source: 'W', about: 'shared block storage (iSCSI, FC, direct-attached)', stacks: BLOCK, predicts: BLOCK };
const image: ClaimScope = { source: 'W', about: 'image formats on any storage', stacks: ALL, predicts: ALL };

export const CLAIM_SCOPE: Record<ClaimId, ClaimScope> = {
  'NFS-CTO': { ...nfs('W, T'), stacks: NFS_ANY, predicts: NFS_ANY },
  'NFS-OPEN-BOTH': { ...nfs('T'), stacks: NFS_ANY, predicts: NFS_ANY },
  // A server property: applies whichever client reads; asserted for the Linux server, which a libnfs run does not imply.
  'NFS-SYNC-STABLE-READ': { ...nfs('W'), about: 'a Linux NFS server exporting with sync', stacks: NFS_ANY, observes: 'storage' },
  'NFS-ODIRECT-READ': { ...nfs('W'), about: 'the Linux NFS client', observes: 'storage' },
  'NFS-CACHE-NONE-SAFE': { ...nfs('W'), about: 'Linux NFS server and client' },
  // RBD (librbd, krbd) is network block storage: the claim applies, the wiki predicts nothing there (it names iSCSI, FC, DAS).
  'BLOCK-PROTOCOL-COHERENT': { ...block, stacks: ['block', 'iscsi-user', 'krbd', 'rbd-user'], predicts: ['block', 'iscsi-user'], observes: 'storage' },
  // krbd is a kernel block device over the network, as an iSCSI disk is: the wiki's block claims predict it.
  'BLOCK-PAGECACHE-INCOHERENT': { ...block, about: 'the Linux page cache over shared block storage' },
  'BLOCK-CACHE-NONE-ONLY': { ...block, stacks: ['block', 'iscsi-user', 'krbd'], predicts: ['block', 'iscsi-user', 'krbd'] },
  // "Clustered File Systems such as GPFS, Ceph, Glusterfs, or GFS2": the filesystems, through any client of them.
  'CLUSTER-FS-ANY-CACHE': { source: 'W', about: 'clustered filesystems (GPFS, Ceph, GlusterFS, GFS2)', stacks: CLUSTER, predicts: CLUSTER },
  'QCOW2-METADATA': { ...image, source: 'W, T' },
  'QED-DIRTY': image,
  'RAW-SIZE': image,
  // Existential: where a clustered stack shows the hazard, it has it (the thread predicts it only for NFS and block).
  'EARLY-READ-64K': { source: 'T', about: 'storage read through a client cache (T: NFS)', stacks: WEAK.concat(CLUSTER, 'krbd', 'rbd-user'), predicts: ['nfs', 'block', 'krbd'] },
  'LOCK-INVALIDATES': nfs('T'),
  'INVALIDATE-REMEDY': { source: 'T', about: 'storage read through a client cache', stacks: CLIENT_CACHED, predicts: NFS },
  READAHEAD: { ...nfs('T'), about: 'the Linux NFS client' },
  'NFS-UNLINK-AFTER-OPEN': { ...nfs('T'), stacks: NFS_ANY, predicts: NFS_ANY, observes: 'storage' },
  // A requirement, not a prediction: whether a stack meets it is mode-dependent (see the verdict predictions).
  HANDOFF: { source: 'W', about: 'any storage a migration uses', stacks: ALL, predicts: [] },
  // "Whether DONTNEED drops the stale pages is the stack's property": the source predicts nothing.
  'QEMU-DROP-CACHE': { source: 'L', about: 'images QEMU opens through file-posix (a host page cache)', stacks: SHARED_CACHED.concat('local'), predicts: [] },
  'QCOW2-REOPEN': { source: 'L', about: 'qcow2 images on any storage', stacks: ALL, predicts: ALL },
  'LIBVIRT-POLICY': { source: 'L', about: 'libvirt on any storage', stacks: ALL, predicts: ALL },
  'NFS-NOSHARECACHE': { ...nfs('L'), about: 'two NFS mounts of one export in one client' },
  'NFS-LOCALIO': { ...nfs('L'), about: 'an NFS client on the server\'s host (Linux ≥ 6.12)' },
};
