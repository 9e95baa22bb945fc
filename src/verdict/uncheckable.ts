// Claims no probe checks, with the reason, and parts of probed claims that no probe can observe.
import type { ClaimId } from '../claims.js';

/**
 * Claims that are not cited by any probe, by design. Kept small: a claim a probe could check belongs to a probe.
 * The claim-coverage test fails for a claim that is neither cited by a probe nor listed here, and for one that is both.
 */
export const UNCHECKABLE: Partial<Record<ClaimId, string>> = {
  'LIBVIRT-POLICY': 'it describes libvirt\'s code (qemuMigrationSrcIsSafe), not the storage, so no probe can observe it; '
    + 'the verdict table instead sets libvirt\'s decision beside each measured verdict and flags where they disagree',
};

/** Parts of a probed claim that no probe can observe: shown beside the claim's row. */
export const UNCHECKABLE_PARTS: Partial<Record<ClaimId, string>> = {
  HANDOFF: 'that the source frees nothing and the destination starts the guest at once is QEMU\'s migration protocol, not the storage\'s; '
    + 'probes check only the consequence: what b reads after the handoff equals what a last flushed',
};
