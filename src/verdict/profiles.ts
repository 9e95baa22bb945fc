// Expectation profiles: for a stack, which claims apply and what the documents predict there, or why a claim does not apply.
import { CLAIMS, type ClaimId } from '../claims.js';
import type { TargetInfo } from '../protocol/results.js';
import { CLAIM_SCOPE, SOURCE_LABEL, STACK_LABEL, type ProfileKey } from './scope.js';

export interface ClaimExpectation {
  claim: ClaimId;
  applies: boolean;
  /** 'holds' where the source asserts the claim for this stack; absent where it predicts nothing. */
  predicts?: 'holds';
  /** What the source says here, or why the claim is not about this stack. */
  why: string;
}

/** What the documents expect of one claim on one stack. */
export function expectation(key: ProfileKey, claim: ClaimId): ClaimExpectation {
  const s = CLAIM_SCOPE[claim];
  const by = SOURCE_LABEL[s.source];
  const v = s.source === 'W, T' ? '' : 's';
  if (!s.stacks.includes(key)) {
    const why = key === 'local'
      ? `both sides reach a local filesystem through one kernel and one page cache, so a claim about ${s.about} cannot be tested here`
      : `${by} make${v} this claim about ${s.about}, not about ${STACK_LABEL[key]}`;
    return { claim, applies: false, why };
  }
  if (!s.predicts.includes(key)) return { claim, applies: true, why: `applies to ${STACK_LABEL[key]}; ${by} predict${v} nothing here: the stack decides` };
  return { claim, applies: true, predicts: 'holds', why: `${by}: ${CLAIMS[claim]}` };
}

/** The whole profile of a stack: one expectation per claim id, in CLAIMS order. */
export function profile(key: ProfileKey): ClaimExpectation[] {
  return (Object.keys(CLAIMS) as ClaimId[]).map((c) => expectation(key, c));
}

/** FUSE subtypes of clustered filesystems the wiki names (GlusterFS, Ceph). */
const CLUSTER_FUSE = new Set(['glusterfs', 'ceph', 'ceph-fuse']);

/** A FUSE target's subtype, from stack detection or from a "fuse.<subtype>" filesystem type. */
export function fuseSubtypeOf(t: TargetInfo): string | undefined {
  const named = [t.fsType, t.details?.mount?.fsType].find((f) => f?.startsWith('fuse.'));
  return t.details?.fuseSubtype ?? named?.slice('fuse.'.length);
}

/**
 * The profile for a reader's target: its stack class, except that a FUSE client of a clustered filesystem is judged as one,
 * a userspace side (libiscsi, libnfs, libgfapi, librbd) is judged as QEMU's userspace driver for it, and a kernel RBD device
 * (krbd) as Ceph RBD through the kernel: shared block storage over Ceph.
 */
export function profileKeyOf(t: TargetInfo): { key: ProfileKey; note?: string } {
  if (t.backend === 'libiscsi') return { key: 'iscsi-user', note: 'reader reaches the LUN through libiscsi (userspace, no host page cache), as QEMU\'s iscsi:// driver does' };
  if (t.backend === 'libnfs') return { key: 'nfs-user', note: 'reader reaches the export through libnfs (userspace, no host page cache), as QEMU\'s nfs:// driver does' };
  if (t.backend === 'libgfapi') return { key: 'gluster-user', note: 'reader reaches the volume through libgfapi (the volume\'s client translators, no host page cache), as QEMU\'s gluster:// driver does (deprecated since QEMU 9.2, still shipped)' };
  if (t.backend === 'librbd') return { key: 'rbd-user', note: 'reader reaches the image through librbd (its own client cache when rbd_cache is on), as QEMU\'s rbd: driver does' };
  if (t.kind === 'device' && t.details?.block?.transport === 'rbd') return { key: 'krbd', note: `kernel RBD device${t.details.block.backing ? ` of ${t.details.block.backing}` : ''}: shared block storage over Ceph, read through the host page cache` };
  const sub = t.stack === 'fuse' ? fuseSubtypeOf(t) : undefined;
  if (sub && CLUSTER_FUSE.has(sub)) return { key: 'cluster', note: `FUSE client of ${sub}: judged as the clustered filesystem the wiki names` };
  if (t.stack === 'cluster' && [t.fsType, t.details?.mount?.fsType].includes('gpfs')) {
    return { key: 'cluster', note: 'GPFS (IBM Storage Scale): judged as the clustered filesystem the wiki names; coprobe\'s own tests have never run on GPFS (proprietary, not available to them), so nothing here was cross-checked against a known result' };
  }
  return { key: t.stack };
}
