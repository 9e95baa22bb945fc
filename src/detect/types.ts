// What stack detection finds about one side's target: the mount, NFS client options, FUSE subtype, block transport.
import type { StackClass } from '../stack.js';
import type { ClusterFacts } from '../../native-bindings/backend.js';

export type { ClusterFacts };

/** The mount that holds a directory target (from /proc/self/mountinfo). */
export interface MountDetails {
  mountId: number;
  mountPoint: string;
  /** Filesystem type as mountinfo names it ("nfs4", "fuse.glusterfs", "ext4"). */
  fsType: string;
  /** Mount source ("server:/export", "/dev/vda1"). */
  source: string;
  /** Per-mount and per-superblock options merged, as key → value ("" for flags). */
  options: Record<string, string>;
  /** "major:minor" of the superblock (mountinfo field 3). */
  dev: string;
}

/** NFS client facts that decide what a result means. */
export interface NfsDetails {
  version: string;
  server: string;
  export: string;
  /** Attribute cache: "noac", or actimeo/acregmin/acregmax/acdirmin/acdirmax as given. */
  attributeCache: Record<string, string>;
  cto: boolean;
  lookupcache: string;
  sharecache: boolean;
  localLock: string;
  /** Server address is one of this host's own addresses (LOCALIO may bypass RPC on Linux ≥ 6.12). */
  serverIsLocal: boolean;
  /** The server's address as the kernel resolved it (addr=), when shown. */
  address?: string;
  /** /sys/fs/nfs/<dev>/localio: whether client and server negotiated LOCALIO (kernels that expose it; absent otherwise). */
  localio?: boolean;
}

/** The transport under a block device (from sysfs). */
export interface BlockDetails {
  /** loop, iscsi, nbd, virtio, scsi, nvme, dm, md, rbd, other. */
  transport: string;
  /** loop: the backing file; iscsi: the target IQN; others: what sysfs says. */
  backing?: string;
  loopDirectIo?: boolean;
  /** sysfs path the answer came from (evidence). */
  sysfs: string;
  /** The kernel's name for the device ("loop0", "sdb", "dm-0"). */
  name?: string;
}

/** Everything detection found; fields are absent when they do not apply or could not be read. */
export interface StackDetails {
  mount?: MountDetails;
  nfs?: NfsDetails;
  /** FUSE subtype ("glusterfs", "ceph-fuse"...). */
  fuseSubtype?: string;
  block?: BlockDetails;
  /** A clustered storage system's coherence settings (GlusterFS volume options, Ceph client cache settings). */
  cluster?: ClusterFacts;
  /** What could not be read, and why. */
  notes: string[];
}

/**
 * A reason a run may say nothing (or less than it seems) about two hosts.
 * voids: a SAFE verdict cannot stand on this run (one page cache serves both sides).
 * weakens: the result is real but not the two-host case (one NFS client identity, LOCALIO).  info: worth knowing.
 */
export interface Confounder {
  // READ-DELEGATION is named here but never emitted: see src/run/confounders.ts for why the client side cannot see it.
  code: 'ONE-PAGE-CACHE' | 'NFS-SHARECACHE' | 'NFSV4-ONE-CLIENT' | 'NFS-LOCALIO' | 'READ-DELEGATION' | 'MIXED-STACKS' | 'MIXED-ACCESS' | 'NO-ODIRECT';
  severity: 'voids' | 'weakens' | 'info';
  message: string;
}

/** detect: what a path is, found without opening anything for writing. */
export interface DetectResult {
  path: string;
  /** other: exists but is neither a directory nor a block device (coprobe run refuses it). */
  kind: 'dir' | 'device' | 'other' | 'missing';
  /** Filesystem type (mountinfo's name when known, else statfs's), "blockdev" for a device, "" when missing. */
  fsType: string;
  stack: StackClass;
  /** st_dev of a directory, st_rdev of a device, as "major:minor" ("" when missing). */
  dev: string;
  details: StackDetails;
}

/** mountstats: per-op RPC counts of the NFS mount holding the target, and its byte counters. */
export interface MountstatsResult {
  mountPoint: string;
  /** Operation name → calls ("READ" → 12). */
  ops: Record<string, number>;
  /** The "bytes:" line: normalRead, normalWrite, directRead, directWrite, serverRead, serverWrite, readPages, writePages. */
  bytes?: Record<string, number>;
}
