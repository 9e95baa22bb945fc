// The result model: what a run writes, one JSON line per record (run header, each probe run, end).
import type { Check } from './checks.js';
import type { Confounder } from './detect/types.js';
import type { VerdictsRecord } from './verdict/types.js';
import type { ClaimId } from './claims.js';
import type { Outcome } from './outcome.js';
import type { Variant } from './probe.js';
import type { HelloResult, TargetInfo } from './protocol/results.js';
import type { TranscriptEntry } from './protocol/messages.js';
import type { SideName } from './transport/spec.js';

/**
 * 2: claim rows may be mixed (with their split by condition), claim evidence names its condition, checks carry access
 * proofs. Readers read every version from 1 up to this one (READABLE_SCHEMA_VERSIONS in src/report/schema/common.ts).
 */
export const RESULT_SCHEMA_VERSION = 2;

/** How one side was reached and what it turned out to be. */
export interface SideDescription {
  arg: string;
  transport: string;
  host: HelloResult;
  target: TargetInfo;
  direct: boolean;
  /** This side's clock against the coordinator's, measured at connect (absent when the agent could not answer `clock`). */
  clock?: ClockOffset;
}

/** A side's wall clock against the coordinator's, measured over the agent channel at connect (src/run/clock.ts). */
export interface ClockOffset {
  /** The agent's wall clock minus the coordinator's, in µs: an agent time minus offsetUs is coordinator time. */
  offsetUs: number;
  /** Half the best round trip, in µs: the true offset lies within offsetUs ± uncertaintyUs. */
  uncertaintyUs: number;
  /** Round trips measured. */
  samples: number;
}

/**
 * Where a run was made by `coprobe lab`: the guest's kernel and packages and how its storage was set up, so a report
 * says which Linux NFS server and client (or iSCSI initiator) it measured. Absent for runs on the user's own hosts.
 */
export interface LabFacts {
  /** Scenario name (`coprobe lab --list`). */
  scenario: string;
  /** What the scenario sets up, in one sentence. */
  summary: string;
  /** Set when the scenario is a deliberately confounded case, saying why. */
  confounded?: string;
  /** The Debian kernel package booted (linux-image-…) and its version. */
  kernelPackage: string;
  /** The guest's `uname -r`. */
  kernel: string;
  /** qemu accelerator used: tcg or kvm. */
  accel: string;
  /** Versions of the guest's storage packages (nfs-kernel-server, open-iscsi, tgt), as dpkg reports them. */
  packages: Record<string, string>;
  /** The export line given to exportfs (NFS scenarios). */
  exports?: string;
  /** Each side's mount or login command as run in the guest. */
  setup: Partial<Record<SideName, string>>;
  /** How the two sides are two clients (network and UTS namespaces, iface records), or why they are not. */
  clients: string;
}

/** First record of a run. */
export interface RunRecord {
  type: 'run';
  schema: number;
  runId: string;
  version: string;
  startedAt: string;
  argv: string[];
  sides: Record<SideName, SideDescription>;
  blockSize: number;
  blocks: number;
  /** Confounders: why this run may say nothing about two hosts (messages of `confounders`). */
  warnings: string[];
  confounders: Confounder[];
  probes: string[];
  /** Set when `coprobe lab` made the run: the guest's kernel, packages and storage set-up. */
  lab?: LabFacts;
}

/** One run of one probe variant, with its evidence. */
export interface ProbeRunRecord {
  type: 'probe';
  runId: string;
  probe: string;
  title: string;
  claims: ClaimId[];
  variant: Variant;
  /** Which repetition of the variant this is (1-based), when --repeat was above 1. */
  repeat?: number;
  outcome: Outcome;
  /** Why it was omitted, unsupported, hung or lost, or what failed. */
  reason?: string;
  /**
   * Set on an OMIT whose I/O would repeat an earlier run's exactly (1-based position among the probe records): on a side
   * without a host page cache O_DIRECT and buffered are one mode, so none≡writeback and directsync≡writethrough there.
   */
  sameAs?: number;
  checks: Check[];
  startedAt: string;
  durationMs: number;
  transcripts: Record<SideName, TranscriptEntry[]>;
}

/** Last record: counts per outcome and the exit code. */
export interface EndRecord {
  type: 'end';
  runId: string;
  finishedAt: string;
  counts: Partial<Record<Outcome, number>>;
  exitCode: number;
  interrupted?: boolean;
  /** Sides whose storage (or agent) stopped answering for good: the run OMITted every variant after, without retrying. */
  deadSides?: DeadSide[];
}

/**
 * A side declared dead mid-run: DEAD_AFTER restarts of its agent in a row got no answer within the timeout
 * (src/run/dead-side.ts), so the variants after it were OMIT at once instead of each waiting out another timeout.
 */
export interface DeadSide {
  side: SideName;
  /** storage: the target did not answer (init, or a command after it); agent: the agent did not start and answer (hello, clock: the host or the connection to it). */
  what: 'storage' | 'agent';
  /** The side's argument as reported (secrets redacted). */
  target: string;
  /** The command that got no answer on the last restart, and the bound it had (ms). */
  command: string;
  timeoutMs: number;
  /** When the side's first unanswered command was sent (the hang that started it): it has not answered since. */
  since: string;
  /** When it was declared dead (the last failed restart ended). */
  declaredAt: string;
  /** Restarts of its agent that got no answer, in a row. */
  restarts: number;
  /** Variants OMIT because of it. */
  omitted: number;
}

export type { VerdictsRecord };
export type ResultRecord = RunRecord | ProbeRunRecord | VerdictsRecord | EndRecord;
