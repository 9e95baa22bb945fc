// The matrix's columns: every QEMU cache mode with both QEMU behaviours, then the claims that tell stacks apart.
import type { ClaimId } from '../../claims.js';
import { IO_MODES } from '../../modes.js';
import { QEMU_BEHAVIOURS, type QemuBehaviour } from '../../verdict/types.js';
import type { Column } from './types.js';

/**
 * Claims whose status differs from stack to stack (block vs NFS vs userspace drivers), so a column of them compares
 * stacks: the page cache's incoherence over shared block storage, the wiki's "cache=none only" and NFS rules, close-to-open,
 * the early 64 KiB read, the remedies QEMU and the thread rely on, NFS's unlink semantics (v3 vs v4), and the wiki's
 * clustered-filesystem sentence (GlusterFS, CephFS: holds, mixed by QEMU behaviour, or violated).
 */
export const KEY_CLAIMS: readonly ClaimId[] = [
  'BLOCK-PAGECACHE-INCOHERENT', 'BLOCK-CACHE-NONE-ONLY', 'CLUSTER-FS-ANY-CACHE', 'NFS-CTO', 'NFS-CACHE-NONE-SAFE',
  'EARLY-READ-64K', 'INVALIDATE-REMEDY', 'QEMU-DROP-CACHE', 'NFS-UNLINK-AFTER-OPEN',
];

/** How a QEMU behaviour heads a matrix column (short: the mode is in the header above it). */
export const BEHAVIOUR_SHORT: Record<QemuBehaviour, string> = { 'drop-cache': 'QEMU ≥ 4.0', 'no-drop-cache': 'QEMU < 4.0' };

/** The columns: modes in IO_MODES order, each with drop-cache then no-drop-cache, then the given claims. */
export function matrixColumns(claims: readonly ClaimId[] = KEY_CLAIMS): Column[] {
  return [
    ...IO_MODES.flatMap((mode) => QEMU_BEHAVIOURS.map((behaviour): Column => ({ id: `${mode}/${behaviour}`, kind: 'mode', mode, behaviour }))),
    ...claims.map((claim): Column => ({ id: claim, kind: 'claim', claim })),
  ];
}

/** A column in words: "writeback, QEMU ≥ 4.0" or the claim id. */
export function columnName(c: Column): string {
  return c.kind === 'mode' ? `${c.mode}, ${BEHAVIOUR_SHORT[c.behaviour]}` : c.claim;
}
