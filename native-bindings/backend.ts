// The side backend interface: how one agent reaches the storage under test (libc through the kernel, libiscsi, libnfs,
// librbd, libgfapi).
// Each backend is one module implementing SideBackend, declaring its capabilities, registered by name in backends.ts.
import type { CallResult } from './posix.js';

/** Backend names, as reports and capability records print them. */
export type BackendName = 'libc' | 'libiscsi' | 'libnfs' | 'librbd' | 'libgfapi';

/** What a backend can do. Probes and the report read these; nothing pretends a missing capability exists. */
export interface BackendCaps {
  /** The side reads and writes through a host page cache (so buffered I/O and O_DIRECT are different modes). */
  pageCache: boolean;
  /** O_DIRECT can be asked for; without a page cache there is nothing to bypass and the modes collapse. */
  direct: boolean;
  /** The target is a directory holding scratch files (false: one device or LUN, written in place). */
  files: boolean;
  /** fcntl/OFD/flock locks. */
  locks: boolean;
  /** posix_fadvise and mincore on a host page cache. */
  fadvise: boolean;
  /** ioctl(BLKFLSBUF) on a kernel block device. */
  blkflsbuf: boolean;
  /** fcntl(F_SETFL) to turn O_DIRECT on an open descriptor. */
  setfl: boolean;
  /** Per-mount NFS RPC counters from /proc/self/mountstats. */
  mountstats: boolean;
  /**
   * open can run as another user (the open command's uid/gid: setfsuid/setfsgid around open(2), libc only); a kernel
   * NFS client then sends that user's credential on every RPC of the descriptor. Absent in records before it existed.
   */
  openAs?: boolean;
  /**
   * The backend's own client cache can be invalidated on an open handle (SideBackend.invalidate: librbd's
   * rbd_invalidate_cache, which QEMU's rbd driver calls when an incoming migration activates the image). Absent: no.
   */
  invalidate?: boolean;
  /**
   * What QEMU's driver for this storage does to its client cache when the destination activates the image:
   * `fadvise` (file-posix: posix_fadvise DONTNEED, QEMU >= 4.0, buffered opens only), `invalidate` (the driver's own
   * invalidate_cache hook, e.g. rbd since QEMU 2.2), `none` (no hook, or no client cache: QEMU's gluster driver, libiscsi;
   * libnfs without its page cache — QEMU's nfs driver invalidates libnfs's page cache when built with one, not modelled yet).
   * Absent: `fadvise` when the side has a page cache, else `none`.
   */
  activation?: 'fadvise' | 'invalidate' | 'none';
  /** What a flush is on the wire or in the kernel ("fsync(2)", "SYNCHRONIZE CACHE(16)", "NFS COMMIT"). */
  flush: string;
  /** What a write-through (O_DSYNC analogue) write is ("O_DSYNC", "WRITE(16) with FUA", "NFS WRITE FILE_SYNC"). */
  syncWrite: string;
}

/** Names of the boolean capabilities, for probe declarations ("needs fadvise"). */
export type CapabilityName = { [K in keyof BackendCaps]-?: NonNullable<BackendCaps[K]> extends boolean ? K : never }[keyof BackendCaps];

/** How to open: the backend maps these to its own flags (O_DIRECT/O_DSYNC, FUA, FILE_SYNC). */
export interface OpenSpec {
  /** Path inside the target (a scratch file in a directory), or the target itself (device, LUN). */
  path: string;
  direct: boolean;
  dsync: boolean;
  create: boolean;
  /** Open read-only (O_RDONLY) instead of read-write; the userspace backends open protocol-level handles and ignore it. */
  readOnly?: boolean;
}

/** The part of a file's status every backend can give. */
export interface BackendStat { size: number; mode: number; ino: number }

/**
 * The settings of a clustered or distributed storage system that decide coherence, as read from it: a GlusterFS volume's
 * caching and O_DIRECT options, a Ceph client's cache settings. Two runs with different options are two stacks (the merged
 * matrix keys on them). Secrets never appear here.
 */
export interface ClusterFacts {
  /** The system: "glusterfs", "cephfs", "rbd" (others as detection learns them: "gpfs"). */
  system: string;
  /** The client the side uses: "fuse" (glusterfs FUSE, ceph-fuse), "kernel" (CephFS kernel client, krbd), "gfapi", "librbd". */
  client: string;
  /** The volume, filesystem or pool/image ("coprobe", "cephfs", "rbd/coprobe-img"). */
  name?: string;
  /** Only the options that decide coherence (caching, O_DIRECT handling, invalidation), name → value as read. */
  options: Record<string, string>;
  /** Where the options were read ("gluster volume get coprobe all at 127.0.0.2", "librbd config of this client"); or why they could not be. */
  source: string;
}

/** The storage a connected backend reaches, as init reports it (merged into TargetInfo by the agent). */
export interface ConnectedTarget {
  /** What the user named, with any secret removed (never a password). */
  path: string;
  kind: 'dir' | 'device';
  fsType: string;
  /** Bytes every offset and length must be a multiple of. */
  logicalBlockSize: number;
  deviceSize?: number;
  /** A line for the report header ("iSCSI LUN 1 of iqn… at 127.0.0.1:3260 via libiscsi 1.19, 4096-byte blocks"). */
  description: string;
  /** Backend-specific facts worth keeping (NFS version, LUN block count, libnfs page cache size...). */
  facts: Record<string, string | number | boolean>;
  /** A clustered storage system's coherence settings (librbd, libgfapi), copied into TargetInfo.details.cluster. */
  cluster?: ClusterFacts;
}

/**
 * One side's access to its storage. Every call returns a CallResult (errno read right after the call,
 * `detail` carrying the library's own message) and is reported to onCall for the transcript.
 * Handles are small integers chosen by the backend (a file descriptor for libc).
 */
export interface SideBackend {
  readonly name: BackendName;
  readonly caps: BackendCaps;
  onCall: ((r: CallResult) => void) | undefined;
  open(o: OpenSpec): CallResult;
  close(fd: number): CallResult;
  /** Read len bytes at off into native memory at ptr; ret = bytes read. */
  pread(fd: number, ptr: unknown, len: number, off: number): CallResult;
  /** Write len bytes at off from native memory at ptr; ret = bytes written. */
  pwrite(fd: number, ptr: unknown, len: number, off: number): CallResult;
  fsync(fd: number): CallResult;
  fdatasync(fd: number): CallResult;
  ftruncate(fd: number, size: number): CallResult;
  /**
   * Status of an open handle; sizeOnly asks for the size alone where the backend can (statx STATX_SIZE); sync asks
   * for the storage's own answer rather than a client's attribute cache (libc: AT_STATX_FORCE_SYNC). Backends with no
   * attribute cache of their own (libiscsi, libnfs: every fstat is a request) ignore it.
   */
  fstat(fd: number, sizeOnly?: boolean, sync?: boolean): { res: CallResult; stat?: BackendStat };
  /** Status by path, as a process that has not opened the file would see it. */
  stat(path: string, sizeOnly?: boolean): { res: CallResult; stat?: BackendStat };
  unlink(path: string): CallResult;
  chmod(path: string, mode: number): CallResult;
  fchmod(fd: number, mode: number): CallResult;
  /** Invalidate the backend's own client cache for an open handle (caps.invalidate); absent where it has none. */
  invalidate?(fd: number): CallResult;
  /**
   * Log out, unmount, free the context (libc: nothing). Never throws. `exiting`: the process ends right after, so a backend
   * may leave to process exit what it tears down anyway (libgfapi skips glfs_fini's ~10 s wait once its handles are closed).
   */
  disconnect(exiting?: boolean): void;
}

/** Options a userspace backend takes when connecting (secrets come from the URL or the environment, never printed). */
export interface ConnectOptions {
  /** Seconds a single library call may wait on the network before failing (the coordinator's timeout still applies). */
  timeoutSec: number;
  /** Environment to read credentials from (LIBISCSI_CHAP_USERNAME, LIBISCSI_CHAP_PASSWORD). */
  env: NodeJS.ProcessEnv;
}

/** A failure to load a library or to reach a target: a stable code and a message that says what to do. */
export class BackendError extends Error {
  override name = 'BackendError';
  constructor(readonly backend: BackendName, readonly code: string, message: string) {
    super(`${backend}: ${message}`);
  }
}

/** What each backend module exports, registered by name in backends.ts. */
export interface BackendModule {
  name: BackendName;
  /** URL schemes served ("iscsi:"); empty for libc, which serves paths. */
  schemes: readonly string[];
  /** What a URL of these schemes is: a device (LUN) or a directory of scratch files, on block or NFS storage (libc: decided per path). */
  serves?: { kind: 'dir' | 'device'; stack: 'block' | 'nfs' | 'cluster' };
  /** Whether the library loads here; never throws. */
  available(): { available: true; version?: string } | { available: false; reason: string };
  /** Reach the target; throws BackendError (code ECONNECT, ELOGIN, ENOLUN, ENOEXPORT, EURL, ELIBMISSING). */
  connect(target: string, opts: ConnectOptions): { backend: SideBackend; target: ConnectedTarget };
}
