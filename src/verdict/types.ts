// The verdicts record: SAFE / UNSAFE / UNKNOWN per QEMU cache mode and QEMU behaviour, and the claim table, with evidence.
import type { BlockClass } from '../blocks/classify.js';
import type { ClaimStatus } from '../checks.js';
import type { ClaimId } from '../claims.js';
import type { IoMode } from '../modes.js';
import type { Outcome } from '../outcome.js';
import type { Variant } from '../probe.js';
import type { ProfileKey } from './scope.js';

export type Verdict = 'SAFE' | 'UNSAFE' | 'UNKNOWN';
export const VERDICTS: readonly Verdict[] = ['SAFE', 'UNSAFE', 'UNKNOWN'];

/** drop-cache: QEMU ≥ 4.0 fadvises DONTNEED on activation (buffered opens only); no-drop-cache: older QEMU. */
export type QemuBehaviour = 'drop-cache' | 'no-drop-cache';
export const QEMU_BEHAVIOURS: readonly QemuBehaviour[] = ['drop-cache', 'no-drop-cache'];

/** HAND1's parameter: what b does after a's final flush and before reading the image. */
export type HandoffRemedy = 'none' | 'fadvise' | 'reopen' | 'fcntl' | 'invalidate';

/** A probe record named by its position among the run's probe records (1-based, report order) and what it ran. */
export interface RunRef {
  record: number;
  probe: string;
  variant: Variant;
  /** Which repetition of the variant (--repeat), when the record says. */
  repeat?: number;
  outcome: Outcome;
  startedAt: string;
}

/** What one HAND1 run says about a mode. */
export interface HandoffEvidence extends RunRef {
  judged: Verdict;
  /** Counts and first finding, or why the run says nothing. */
  summary: string;
  read?: { blocks: number; counts: Record<BlockClass, number> };
  /** Indices of the blocks that were not fresh (those the probe kept), and how many more there were. */
  badBlocks: number[];
  badBlocksOmitted: number;
  /** b's early 64 KiB read and where the bad blocks were (head / rest), when the run recorded them. */
  early?: string;
}

/** A run of another probe with the same modes: listed, never deciding. */
export interface SecondaryEvidence extends RunRef { summary: string }

/** libvirt's static decision (LIBVIRT-POLICY) for one mode and behaviour. */
export interface LibvirtOpinion { allows: boolean; why: string }

/** What the documents predict for a mode on this stack, and the claim that says so. */
export interface ModePrediction { verdict: 'SAFE' | 'UNSAFE'; claim: ClaimId; says: string }

export interface ModeVerdict {
  mode: IoMode;
  behaviour: QemuBehaviour;
  /** The HAND1 remedy that models this QEMU. */
  remedy: HandoffRemedy;
  verdict: Verdict;
  /** One line: why this verdict. */
  why: string;
  evidence: HandoffEvidence[];
  secondary: SecondaryEvidence[];
  libvirt: LibvirtOpinion;
  /** Set when libvirt's decision and the measurement disagree. */
  disagreement?: string;
  predicted?: ModePrediction;
  /** Set when the measurement contradicts the prediction, in a plain sentence. */
  contradiction?: string;
}

/**
 * What the run says about a claim. mixed: some checks say it holds and others that it is violated, under different
 * conditions (reader class, NFS version, remedy); the row's `split` names each side.
 */
export type ClaimRowStatus = 'holds' | 'violated' | 'mixed' | 'not-applicable' | 'not-checked';
export const CLAIM_ROW_STATUSES: readonly ClaimRowStatus[] = ['holds', 'violated', 'mixed', 'not-applicable', 'not-checked'];

/** One `bears` entry of one check, with the record it came from. */
export interface ClaimEvidenceRef extends RunRef {
  status: ClaimStatus;
  sentence: string;
  observed: string;
  why: string;
  /**
   * The condition the observation was made under: the probe's own, else derived from the record ("O_DIRECT reader",
   * "buffered reader (through its page cache), FLUSH1 fadvise"); verdict evidence: "cache=none no-drop-cache".
   * Absent in reports written before result schema 2.
   */
  condition?: string;
}

/** One side of a mixed row: a condition and what the checks made under it say. */
export interface ClaimSplit {
  condition: string;
  status: 'holds' | 'violated';
  /** How many evidence entries (checks) say so under this condition. */
  checks: number;
}

export interface ClaimRow {
  claim: ClaimId;
  status: ClaimRowStatus;
  /** One line: what decided the status. */
  why: string;
  /** The evidence of the deciding status (both sides for mixed; all of it for not-applicable). */
  evidence: ClaimEvidenceRef[];
  /** A mixed row only: each condition × status, violated first. */
  split?: ClaimSplit[];
  /** Whether the documents make this claim about this stack. */
  applies: boolean;
  /** The documents assert the claim here (undefined: they predict nothing, e.g. "the stack's property"). */
  predicts?: 'holds';
  contradiction?: string;
  note?: string;
}

/** The record a run ends with, before its end record. */
export interface VerdictsRecord {
  type: 'verdicts';
  runId: string;
  /** The expectation profile used (the reader's stack). */
  stack: ProfileKey;
  stackNote?: string;
  /** Messages of confounders that void SAFE verdicts, and of those that weaken them. */
  voids: string[];
  weakens: string[];
  verdicts: ModeVerdict[];
  claims: ClaimRow[];
}
