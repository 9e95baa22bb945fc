// Naming what a side's storage is: filesystem magic numbers, mountinfo types, and the stack class the claims are about.

/** The kinds of storage the claims distinguish. */
export type StackClass = 'nfs' | 'block' | 'cluster' | 'fuse' | 'local' | 'other';

const FS_MAGIC: Record<number, [string, StackClass]> = {
  0xef53: ['ext4', 'local'], 0x58465342: ['xfs', 'local'], 0x9123683e: ['btrfs', 'local'],
  0x01021994: ['tmpfs', 'local'], 0x858458f6: ['ramfs', 'local'], 0x794c7630: ['overlay', 'local'],
  0x2fc12fc1: ['zfs', 'local'], 0xf2f52010: ['f2fs', 'local'], 0x4d44: ['vfat', 'local'],
  0x6969: ['nfs', 'nfs'], 0x65735546: ['fuse', 'fuse'], 0x01021997: ['9p', 'other'],
  0xff534d42: ['cifs', 'other'], 0xfe534d42: ['smb2', 'other'],
  0x01161970: ['gfs2', 'cluster'], 0x7461636f: ['ocfs2', 'cluster'], 0x00c36400: ['ceph', 'cluster'],
  0x47504653: ['gpfs', 'cluster'],
};

/** Kernel filesystems (mountinfo type) whose nodes share one storage with a coherence protocol of their own. */
const CLUSTER_TYPES = new Set(['gfs2', 'ocfs2', 'ceph', 'gpfs', 'lustre', 'beegfs', 'pvfs2', 'orangefs']);
/** FUSE subtypes that are clients of a distributed filesystem (as opposed to sshfs, s3fs, ntfs-3g...). */
const CLUSTER_FUSE_SUBTYPES = new Set(['glusterfs', 'ceph-fuse', 'ceph', 'mfs', 'moosefs', 'lizardfs', 'juicefs', 'beegfs', 'seaweedfs']);

/** Filesystem name for a statfs f_type ("0x1234abcd" when unknown). */
export function fsName(magic: number): string {
  return FS_MAGIC[magic >>> 0]?.[0] ?? `0x${(magic >>> 0).toString(16)}`;
}

/** Stack class of a target: a block device, or the class of the filesystem holding a directory. */
export function stackClassOf(kind: 'dir' | 'device', fsMagic: number): StackClass {
  if (kind === 'device') return 'block';
  return FS_MAGIC[fsMagic >>> 0]?.[1] ?? 'other';
}

/** Stack class of a directory from its mountinfo type and FUSE subtype, or undefined when the type says nothing more than the magic. */
export function stackClassOfMount(fsType: string, fuseSubtype?: string): StackClass | undefined {
  if (fsType === 'nfs' || fsType === 'nfs4') return 'nfs';
  if (fuseSubtype !== undefined) return CLUSTER_FUSE_SUBTYPES.has(fuseSubtype) ? 'cluster' : 'fuse';
  if (CLUSTER_TYPES.has(fsType)) return 'cluster';
  return undefined;
}
