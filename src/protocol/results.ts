// The typed results of agent commands, shared by the agent (producer) and the coordinator (consumer).
import type { ReadSummary } from '../blocks/tally.js';
import type { StackClass } from '../stack.js';
import type { FileStat } from '../../native-bindings/posix.js';
import type { StackDetails } from '../detect/types.js';
import type { BackendCaps, BackendName } from '../../native-bindings/backend.js';

export type { ReadSummary, FileStat };

/** hello: who the agent is and what it can do. */
export interface HelloResult {
  protocol: number;
  version: string;
  pid: number;
  hostname: string;
  /** /proc/sys/kernel/random/boot_id: equal on both sides means one kernel, hence one page cache. */
  bootId: string;
  /**
   * The agent's network namespace (readlink /proc/self/ns/net, "net:[4026531840]"). Two NFS mounts made in two network
   * namespaces (with two host names) are two NFS clients to the server even in one kernel, which is how `coprobe lab`
   * runs its second client; absent from older agents.
   */
  netns?: string;
  kernel: string;
  arch: string;
  node: string;
  /** libc calls and userspace backends (libiscsi, libnfs) that cannot be used here, with the reason. */
  unavailable: Record<string, string>;
}

/** init: what the target is. */
export interface TargetInfo {
  path: string;
  kind: 'dir' | 'device';
  fsType: string;
  stack: StackClass;
  /** st_dev of a directory, st_rdev of a device, as "major:minor". */
  dev: string;
  /** Alignment O_DIRECT needs here (bytes): the device's logical block size or statx's DIO alignment; 512 when unknown. */
  logicalBlockSize: number;
  dioMemAlign: number;
  deviceSize?: number;
  /** Filesystem or partition signature found on a device (only when destroy was given). */
  signature?: string;
  /** Mount, NFS options, FUSE subtype, block transport (stack detection). */
  details?: StackDetails;
  /** The backend reaching this target (absent in older records: libc) and what it can do. */
  backend?: BackendName;
  caps?: BackendCaps;
  /** A userspace backend's description of the target and its facts (portal, LUN, NFS version...). */
  userspace?: { description: string; facts: Record<string, string | number | boolean> };
  /** Set when the backend this target needs cannot run here: every probe is OMIT with this reason. */
  unavailable?: string;
  /** Scratch files of crashed runs (their agents provably gone) that init removed from this directory. */
  removedScratch?: string[];
}

/** poll: how long until every block was fresh, or the last read when the bound ran out. */
export interface PollResult { fresh: boolean; elapsedUs: number; polls: number; last: ReadSummary }
/** workload: what the rounds wrote; flushesIgnored in mode unsafe. */
export interface WorkloadResult { rounds: number; blocksWritten: number; flushes: number; flushesIgnored: boolean }
/** verify: the last pass over the region, whether it was all fresh, and how long polling took (one pass without a bound). */
export interface VerifyResult { fresh: boolean; elapsedUs: number; polls: number; last: ReadSummary; bytes: number }
/** fsync/fdatasync: ignored is true in mode unsafe. */
export interface FlushResult { ignored: boolean }
/** residency: pages of the range in the page cache (mmap + mincore). */
export interface ResidencyResult { pages: number; resident: number }
/** cleanup: scratch files removed, and those that could not be. */
export interface CleanupResult { removed: string[]; failed: { path: string; errno: string }[] }
