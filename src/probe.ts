// The probe declaration: what every module under probes/ exports, and the context its steps run in.
import type { ClaimId } from './claims.js';
import type { Check, StalenessWindow } from './checks.js';
import type { IoMode } from './modes.js';
import type { StackClass } from './stack.js';
import type { Args, CommandName } from './protocol/commands.js';
import type { FlushResult, PollResult, ReadSummary, TargetInfo } from './protocol/results.js';
import type { Reply } from './transport/client.js';
import type { SideName } from './transport/spec.js';
import type { CapabilityName } from '../native-bindings/backend.js';
import type { ProfileKey } from './verdict/scope.js';

export type TargetKind = TargetInfo['kind'];

/** The I/O mode of each side for one run of a probe. */
export interface ModePair { a: IoMode; b: IoMode }
/** One run of a probe: the modes of both sides and an optional probe-specific parameter (a remedy, an action). */
export interface Variant extends ModePair { param?: string }

/** A probe module's export. Codes are stable: reports and known-issue lists refer to them. */
export interface Probe {
  /** Stable code: upper-case letters then digits ("CTO1"). */
  code: string;
  title: string;
  /** Selection flags (lower case; none may start with "no"). */
  flags: string[];
  /** Claim ids from CLAIMS.md this probe checks. */
  claims: ClaimId[];
  /** Codes of probes that must have run to completion first. */
  depends: string[];
  /** Target kinds the probe can use; on others every variant is OMIT with the reason. */
  targets: TargetKind[];
  /** Capabilities each side's backend must have (a page cache, locks...); without them every variant is OMIT with the reason. */
  needs?: Partial<Record<SideName, CapabilityName[]>>;
  /** The runs to make for the mode pairs the user selected. */
  variants(pairs: readonly ModePair[], targets?: { a: TargetInfo; b: TargetInfo }): Variant[];
  /** A reason to omit one variant on these targets, or undefined to run it. */
  omit?(v: Variant, targets: { a: TargetInfo; b: TargetInfo }): string | undefined;
  /** The steps across sides a (writer) and b (reader); returns the checks, judged from what the agents answered. */
  run(t: ProbeContext): Promise<Check[]>;
}

/** Run-wide probe parameters the user can set. */
export interface ProbeOptions {
  /** Bound of the staleness-window poll after a stale first read (0: off). */
  windowMs: number;
  /** Bytes in the handoff probe's image (streams with constant memory: GiBs are fine). */
  handoffBytes: number;
  /** Write rounds (guest "generations") the handoff workload makes before the final flush. */
  handoffRounds: number;
  /** A shell command run on the coordinator's host between a's fsync and b's read (restart the server); unset: DUR1 is OMIT. */
  restartCommand?: string;
  /** How long the restart command, and the sides' reconnection after it, may each take (ms). */
  restartTimeoutMs: number;
}

export const DEFAULT_PROBE_OPTIONS: ProbeOptions = { windowMs: 0, handoffBytes: 4 << 20, handoffRounds: 4, restartTimeoutMs: 60_000 };

/** How a command run on the coordinator's host ended (exit status, output tail, time taken). */
export interface HostCommandResult {
  command: string;
  /** The exit code, or null when a signal ended it (or it could not be started). */
  exitCode: number | null;
  signal: string | null;
  /** It outlived its bound and was killed (with its process group). */
  timedOut: boolean;
  /** The last few KiB of stdout and stderr, interleaved as written. */
  output: string;
  durationMs: number;
  /** Why it could not be started, when it could not. */
  error?: string;
}

/** A side's connection to its target made again (new session, new init): how many tries it took and how long. */
export interface Reconnected { attempts: number; durationMs: number }

/** What a probe's steps can do. Required steps throw StepFailure; `call` returns failures as values. */
export interface ProbeContext {
  readonly variant: Variant;
  /** Blocks in the probe's region. */
  readonly blocks: number;
  /** Bytes per block (agreed by both sides for the run). */
  readonly blockSize: number;
  /** Stack class of the reader's target: which claims apply. */
  readonly stack: StackClass;
  /** The reader's profile (its stack class, or a userspace driver: iscsi-user, nfs-user): which claims are about it. */
  readonly profile: ProfileKey;
  /** Reads on this side bypass any host page cache: its mode is O_DIRECT, or its backend (libiscsi, libnfs) has none. */
  uncached(side: SideName): boolean;
  readonly targets: { a: TargetInfo; b: TargetInfo };
  /** Both agents report the same boot id: the sides run in one kernel. */
  readonly oneKernel: boolean;
  readonly options: ProbeOptions;
  /** The scratch file name of this run (inside a directory target), as the agents open it. */
  readonly file: string;
  /** Per-command timeout (ms) for this run. */
  readonly timeoutMs: number;
  /** argv that runs a program on a side's host, reached the way its agent is (for qemu-io, qemu-img). */
  commandOn(side: SideName, argv: string[]): string[];
  /** After a stale read: poll inside b's agent until fresh or --window runs out; undefined when --window is off. */
  window(side: SideName, h: string, gen: number, first?: number, count?: number): Promise<StalenessWindow | undefined>;
  /**
   * Poll inside a side's agent until [first, first+count) reads all fresh against gen or boundMs runs out (every
   * intervalMs): a probe's own staleness window, whatever --window says. The reply is kept for gapUs.
   */
  pollFresh(side: SideName, h: string, gen: number, o: { boundMs: number; intervalMs: number; first?: number; count?: number }): Promise<{ reply: Reply<PollResult> & { ok: true }; window: StalenessWindow }>;
  /** A generation number never used before in this run. */
  nextGen(): number;
  /**
   * Open the probe's scratch file (or the device) on a side in a mode; `as` opens it as that user (setfsuid/setfsgid,
   * needs a root agent and capability openAs: EUIDSWITCH or EOPNOTSUPP are UNSUPPORTED).
   */
  open(side: SideName, h: string, mode: IoMode, create?: boolean, as?: { uid: number; gid: number }): Promise<void>;
  /** Write generation gen over the region (or part of it). */
  write(side: SideName, h: string, gen: number, first?: number, count?: number): Promise<void>;
  /** fsync (skipped by the agent in mode unsafe). */
  flush(side: SideName, h: string): Promise<Reply<FlushResult> & { ok: true }>;
  /**
   * Read and classify the region against generation gen; opts.proof samples the storage-side counters around the read
   * (ReadSummary.counters, or countersUnavailable saying why not).
   */
  read(side: SideName, h: string, gen: number, first?: number, count?: number, opts?: { proof?: boolean }): Promise<Reply<ReadSummary> & { ok: true }>;
  close(side: SideName, h: string): Promise<void>;
  /** Any command; the scratch file name is filled in for file commands. Failure is a value. */
  call<K extends CommandName>(side: SideName, cmd: K, args: Omit<Args<K>, 'file'>): Promise<Reply<unknown>>;
  /** Any command that must succeed. */
  step<K extends CommandName>(side: SideName, cmd: K, args: Omit<Args<K>, 'file'>): Promise<Reply<unknown> & { ok: true }>;
  /** µs between the end of one agent entry (a's fsync) and the start of another (b's read). */
  gapUs(from: Reply<unknown>, to: Reply<unknown>): number;
  /** Run a shell command on the coordinator's host (not a side's), killed with its process group after timeoutMs. */
  hostCommand(command: string, timeoutMs: number): Promise<HostCommandResult>;
  /**
   * Close every handle on a side and connect its agent to its target again (a new libiscsi/libnfs session; a fresh
   * look at a kernel path), retrying until it answers or boundMs passes (then StepFailure naming the last error).
   */
  reconnect(side: SideName, boundMs: number): Promise<Reconnected>;
}

/**
 * A required step failed: the probe run is FAIL with this observation (UNSUPPORTED when the stack refused what the
 * variant needs; OMIT when the probe finds before any step that it has nothing to run with, e.g. an option not given).
 */
export class StepFailure extends Error {
  override name = 'StepFailure';
  constructor(message: string, readonly outcome: 'FAIL' | 'UNSUPPORTED' | 'OMIT' = 'FAIL') {
    super(message);
  }
}
