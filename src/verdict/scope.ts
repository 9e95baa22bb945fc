// Which stacks each claim is about and where the documents assert it (CLAIMS.md, the wiki W and the thread T).
import type { ClaimId } from '../claims.js';
import type { StackClass } from '../stack.js';

/** A stack class, or a userspace driver with no host page cache: QEMU's iscsi:// (libiscsi) and nfs:// (libnfs) drivers. */
export type ProfileKey = StackClass | 'iscsi-user' | 'nfs-user';
export const PROFILE_KEYS: readonly ProfileKey[] = ['nfs', 'block', 'cluster', 'fuse', 'local', 'other', 'iscsi-user', 'nfs-user'];

/** How each profile is named in sentences. */
export const STACK_LABEL: Record<ProfileKey, string> = {
  nfs: 'NFS', block: 'shared block storage', cluster: 'a clustered filesystem', fuse: 'a FUSE filesystem',
  local: 'a local filesystem', other: 'storage the documents do not name', 'iscsi-user': 'QEMU\'s userspace iSCSI driver (iscsi://, libiscsi)',
  'nfs-user': 'QEMU\'s userspace NFS driver (nfs://, libnfs)',
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
const BLOCK: readonly ProfileKey[] = ['block'];
const ALL: readonly ProfileKey[] = PROFILE_KEYS;
/** Storage with a host page cache two hosts can reach (local: one kernel; iscsi-user: no page cache). */
const SHARED_CACHED: readonly ProfileKey[] = ['nfs', 'block', 'cluster', 'fuse', 'other'];
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
  'BLOCK-PROTOCOL-COHERENT': { ...block, stacks: ['block', 'iscsi-user'], predicts: ['block', 'iscsi-user'], observes: 'storage' },
  'BLOCK-PAGECACHE-INCOHERENT': { ...block, about: 'the Linux page cache over shared block storage' },
  'BLOCK-CACHE-NONE-ONLY': { ...block, stacks: ['block', 'iscsi-user'], predicts: ['block', 'iscsi-user'] },
  'CLUSTER-FS-ANY-CACHE': { source: 'W', about: 'clustered filesystems (GPFS, Ceph, GlusterFS, GFS2)', stacks: ['cluster'], predicts: ['cluster'] },
  'QCOW2-METADATA': { ...image, source: 'W, T' },
  'QED-DIRTY': image,
  'RAW-SIZE': image,
  'EARLY-READ-64K': { source: 'T', about: 'weakly coherent storage read through a host page cache (T: NFS)', stacks: WEAK, predicts: ['nfs', 'block'] },
  'LOCK-INVALIDATES': nfs('T'),
  'INVALIDATE-REMEDY': { source: 'T', about: 'storage read through a host page cache', stacks: SHARED_CACHED, predicts: NFS },
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
