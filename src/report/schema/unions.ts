// Vocabularies the code names only as union types (no constant list to build from): listed here, each list checked
// at compile time to hold exactly the members of its union, so adding a member to the type fails `tsc` until added here.
import { z } from 'zod';
import type { HandoffRemedy } from '../../verdict/types.js';
import type { BackendName } from '../../../native-bindings/backend.js';
import type { Confounder } from '../../detect/types.js';
import type { TargetInfo } from '../../protocol/results.js';
import type { TranscriptEntry } from '../../protocol/messages.js';
import type { Assert, Equal } from './link.js';

const HANDOFF_REMEDIES = ['none', 'fadvise', 'reopen', 'fcntl', 'invalidate'] as const;
const BACKEND_NAMES = ['libc', 'libiscsi', 'libnfs', 'librbd', 'libgfapi'] as const;
const CONFOUNDER_CODES = ['ONE-PAGE-CACHE', 'NFS-SHARECACHE', 'NFSV4-ONE-CLIENT', 'NFS-LOCALIO', 'READ-DELEGATION', 'MIXED-STACKS', 'MIXED-ACCESS', 'NO-ODIRECT'] as const;
const CONFOUNDER_SEVERITIES = ['voids', 'weakens', 'info'] as const;
const TARGET_KINDS = ['dir', 'device'] as const;
const UNANSWERED = ['timeout', 'lost'] as const;

type _remedies = Assert<Equal<(typeof HANDOFF_REMEDIES)[number], HandoffRemedy>>;
type _backends = Assert<Equal<(typeof BACKEND_NAMES)[number], BackendName>>;
type _codes = Assert<Equal<(typeof CONFOUNDER_CODES)[number], Confounder['code']>>;
type _severities = Assert<Equal<(typeof CONFOUNDER_SEVERITIES)[number], Confounder['severity']>>;
type _kinds = Assert<Equal<(typeof TARGET_KINDS)[number], TargetInfo['kind']>>;
type _unanswered = Assert<Equal<(typeof UNANSWERED)[number], NonNullable<TranscriptEntry['unanswered']>>>;

export const handoffRemedySchema = z.enum(HANDOFF_REMEDIES).meta({
  id: 'HandoffRemedy', description: 'HAND1\'s parameter: what b does after a\'s final flush and before reading the image.',
});
export const backendNameSchema = z.enum(BACKEND_NAMES).meta({ id: 'BackendName', description: 'How an agent reaches the storage: libc (the kernel), libiscsi, libnfs, librbd or libgfapi.' });
export const confounderCodeSchema = z.enum(CONFOUNDER_CODES).describe('Which confounder.');
export const confounderSeveritySchema = z.enum(CONFOUNDER_SEVERITIES).describe(
  'voids: a SAFE verdict cannot stand on this run; weakens: real, but not the two-host case; info: worth knowing.',
);
export const targetKindSchema = z.enum(TARGET_KINDS).describe('A directory holding scratch files, or a block device (or LUN) written in place.');
export const unansweredSchema = z.enum(UNANSWERED).describe('Written by the coordinator when the agent never answered: the command hung (timeout) or the agent went away (lost).');
