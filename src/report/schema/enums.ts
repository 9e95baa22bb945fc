// The closed vocabularies of the records as zod enums, built from the code's own constant lists (never retyped here).
import { z } from 'zod';
import { OUTCOMES, type Outcome } from '../../outcome.js';
import { IO_MODES, type IoMode } from '../../modes.js';
import { CLAIMS, type ClaimId } from '../../claims.js';
import { BLOCK_CLASSES, type BlockClass } from '../../blocks/classify.js';
import { CLAIM_ROW_STATUSES, QEMU_BEHAVIOURS, VERDICTS, type ClaimRowStatus, type ModePrediction, type QemuBehaviour, type Verdict } from '../../verdict/types.js';
import { PROFILE_KEYS, type ProfileKey } from '../../verdict/scope.js';
import type { ClaimStatus } from '../../checks.js';
import type { StackClass } from '../../stack.js';
import type { Assert, Equal } from './link.js';

export const outcomeSchema = z.enum(OUTCOMES).meta({
  id: 'Outcome',
  description: 'How a probe run (or one check) ended. PASS: the claim held. WARN: a documented hazard was observed. UNSUPPORTED: the stack '
    + 'cannot do what the variant needs. FAIL: a claim expected to hold was violated. KNOWN: a FAIL a known-issues entry matches. '
    + 'OMIT: not run, with the reason. HUNG: a side did not answer within the timeout. LOST: a side\'s agent went away.',
});
export const ioModeSchema = z.enum(IO_MODES).meta({ id: 'IoMode', description: 'The QEMU cache mode a side\'s I/O imitates.' });
export const claimIdSchema = z.enum(Object.keys(CLAIMS) as ClaimId[]).meta({ id: 'ClaimId', description: 'A claim id of CLAIMS.md.' });
export const blockClassSchema = z.enum(BLOCK_CLASSES).meta({ id: 'BlockClass', description: 'What a block read back turned out to be.' });
export const verdictSchema = z.enum(VERDICTS).meta({ id: 'Verdict', description: 'Whether migration is safe in a QEMU cache mode on this stack.' });
export const behaviourSchema = z.enum(QEMU_BEHAVIOURS).meta({
  id: 'QemuBehaviour',
  description: 'drop-cache: QEMU >= 4.0 fadvises DONTNEED on activation (buffered opens only); no-drop-cache: older QEMU.',
});
export const claimRowStatusSchema = z.enum(CLAIM_ROW_STATUSES).meta({ id: 'ClaimRowStatus', description: 'What the run says about a claim. mixed: some checks say it holds and others that it is violated, under different conditions (result schema 2).' });
export const claimStatusSchema = claimRowStatusSchema.exclude(['mixed', 'not-checked']).meta({
  id: 'ClaimStatus', description: 'What one observation says about one claim.',
});
export const profileKeySchema = z.enum(PROFILE_KEYS).meta({
  id: 'ProfileKey', description: 'A stack class, or one of QEMU\'s userspace drivers (iscsi://, nfs://, gluster://, rbd:), or krbd (Ceph RBD through the kernel client).',
});
export const stackClassSchema = profileKeySchema.exclude(['iscsi-user', 'nfs-user', 'gluster-user', 'rbd-user', 'krbd']).meta({
  id: 'StackClass', description: 'The kind of storage the claims distinguish.',
});
export const predictedVerdictSchema = verdictSchema.exclude(['UNKNOWN']);

type _outcome = Assert<Equal<z.infer<typeof outcomeSchema>, Outcome>>;
type _mode = Assert<Equal<z.infer<typeof ioModeSchema>, IoMode>>;
type _claim = Assert<Equal<z.infer<typeof claimIdSchema>, ClaimId>>;
type _class = Assert<Equal<z.infer<typeof blockClassSchema>, BlockClass>>;
type _verdict = Assert<Equal<z.infer<typeof verdictSchema>, Verdict>>;
type _behaviour = Assert<Equal<z.infer<typeof behaviourSchema>, QemuBehaviour>>;
type _row = Assert<Equal<z.infer<typeof claimRowStatusSchema>, ClaimRowStatus>>;
type _status = Assert<Equal<z.infer<typeof claimStatusSchema>, ClaimStatus>>;
type _profile = Assert<Equal<z.infer<typeof profileKeySchema>, ProfileKey>>;
type _stack = Assert<Equal<z.infer<typeof stackClassSchema>, StackClass>>;
type _predicted = Assert<Equal<z.infer<typeof predictedVerdictSchema>, ModePrediction['verdict']>>;
