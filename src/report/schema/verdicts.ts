// Schema of the verdicts record: SAFE / UNSAFE / UNKNOWN per QEMU cache mode and behaviour, and the claim table, with evidence.
import { z } from 'zod';
import type {
  ClaimEvidenceRef, ClaimRow, ClaimSplit, HandoffEvidence, LibvirtOpinion, ModePrediction, ModeVerdict, RunRef, SecondaryEvidence, VerdictsRecord,
} from '../../verdict/types.js';
import {
  behaviourSchema, blockClassSchema, claimIdSchema, claimRowStatusSchema, claimStatusSchema, ioModeSchema, outcomeSchema,
  predictedVerdictSchema, profileKeySchema, verdictSchema,
} from './enums.js';
import { handoffRemedySchema } from './unions.js';
import { variantSchema } from './probe.js';
import { count, isoTime, position, probeCodeSchema, runIdSchema } from './common.js';
import type { Assert, Equal } from './link.js';

const runRefShape = {
  record: position.describe('The probe record\'s 1-based position in the document\'s `probes` (report order).'),
  probe: probeCodeSchema,
  variant: variantSchema,
  repeat: position.optional().describe('Which repetition of the variant (--repeat), when the record says.'),
  outcome: outcomeSchema,
  startedAt: isoTime,
};
export const runRefSchema = z.strictObject(runRefShape);

export const handoffEvidenceSchema = z.strictObject({
  ...runRefShape,
  judged: verdictSchema.describe('What this run says about the mode.'),
  summary: z.string().describe('Counts and first finding, or why the run says nothing.'),
  read: z.strictObject({ blocks: count, counts: z.record(blockClassSchema, count) }).optional(),
  badBlocks: z.array(count).describe('Indices of the blocks that were not fresh (those the probe kept).'),
  badBlocksOmitted: count.describe('How many more there were.'),
  early: z.string().optional().describe('b\'s early 64 KiB read and where the bad blocks were (head / rest), when the run recorded them.'),
}).meta({ id: 'HandoffEvidence', description: 'What one HAND1 run says about a mode.' });

export const secondaryEvidenceSchema = z.strictObject({ ...runRefShape, summary: z.string() })
  .meta({ id: 'SecondaryEvidence', description: 'A run of another probe with the same modes: listed, never deciding.' });

export const libvirtOpinionSchema = z.strictObject({ allows: z.boolean(), why: z.string() })
  .meta({ id: 'LibvirtOpinion', description: 'libvirt\'s static decision (LIBVIRT-POLICY) for one mode and behaviour.' });

export const modePredictionSchema = z.strictObject({ verdict: predictedVerdictSchema, claim: claimIdSchema, says: z.string() })
  .meta({ id: 'ModePrediction', description: 'What the documents predict for a mode on this stack, and the claim that says so.' });

export const modeVerdictSchema = z.strictObject({
  mode: ioModeSchema,
  behaviour: behaviourSchema,
  remedy: handoffRemedySchema.describe('The HAND1 remedy that models this QEMU.'),
  verdict: verdictSchema,
  why: z.string().describe('One line: why this verdict.'),
  evidence: z.array(handoffEvidenceSchema),
  secondary: z.array(secondaryEvidenceSchema),
  libvirt: libvirtOpinionSchema,
  disagreement: z.string().optional().describe('Set when libvirt\'s decision and the measurement disagree.'),
  predicted: modePredictionSchema.optional(),
  contradiction: z.string().optional().describe('Set when the measurement contradicts the prediction, in a plain sentence.'),
}).meta({ id: 'ModeVerdict', description: 'The verdict for one QEMU cache mode and behaviour, with its evidence.' });

export const claimEvidenceRefSchema = z.strictObject({
  ...runRefShape, status: claimStatusSchema, sentence: z.string(), observed: z.string(), why: z.string(),
  condition: z.string().optional().describe(
    'The condition the observation was made under ("O_DIRECT reader", "buffered reader (through its page cache), FLUSH1 fadvise", '
    + '"cache=none no-drop-cache"); absent in documents of result schema 1.',
  ),
}).meta({ id: 'ClaimEvidenceRef', description: 'One `bears` entry of one check, with the record it came from.' });

export const claimSplitSchema = z.strictObject({
  condition: z.string(),
  status: z.enum(['holds', 'violated']),
  checks: position.describe('How many evidence entries (checks) say so under this condition.'),
}).meta({ id: 'ClaimSplit', description: 'One side of a mixed claim row: a condition and what the checks made under it say.' });

export const claimRowSchema = z.strictObject({
  claim: claimIdSchema,
  status: claimRowStatusSchema,
  why: z.string().describe('One line: what decided the status.'),
  evidence: z.array(claimEvidenceRefSchema).describe('The evidence of the deciding status (both sides for mixed; all of it for not-applicable).'),
  split: z.array(claimSplitSchema).optional().describe('A mixed row only: each condition × status, violated first.'),
  applies: z.boolean().describe('Whether the documents make this claim about this stack.'),
  predicts: z.literal('holds').optional().describe('The documents assert the claim here (absent: they predict nothing).'),
  contradiction: z.string().optional(),
  note: z.string().optional(),
}).meta({ id: 'ClaimRow', description: 'One row of the claim table.' });

export const verdictsRecordSchema = z.strictObject({
  type: z.literal('verdicts'),
  runId: runIdSchema,
  stack: profileKeySchema.describe('The expectation profile used (the reader\'s stack).'),
  stackNote: z.string().optional(),
  voids: z.array(z.string()).describe('Messages of the confounders that void SAFE verdicts.'),
  weakens: z.array(z.string()).describe('Messages of the confounders that weaken them.'),
  verdicts: z.array(modeVerdictSchema),
  claims: z.array(claimRowSchema),
}).meta({ id: 'VerdictsRecord', description: 'The record a run ends with, before its end record: the verdicts and the claim table.' });

type _ref = Assert<Equal<z.infer<typeof runRefSchema>, RunRef>>;
type _handoff = Assert<Equal<z.infer<typeof handoffEvidenceSchema>, HandoffEvidence>>;
type _secondary = Assert<Equal<z.infer<typeof secondaryEvidenceSchema>, SecondaryEvidence>>;
type _libvirt = Assert<Equal<z.infer<typeof libvirtOpinionSchema>, LibvirtOpinion>>;
type _prediction = Assert<Equal<z.infer<typeof modePredictionSchema>, ModePrediction>>;
type _mode = Assert<Equal<z.infer<typeof modeVerdictSchema>, ModeVerdict>>;
type _claimRef = Assert<Equal<z.infer<typeof claimEvidenceRefSchema>, ClaimEvidenceRef>>;
type _split = Assert<Equal<z.infer<typeof claimSplitSchema>, ClaimSplit>>;
type _row = Assert<Equal<z.infer<typeof claimRowSchema>, ClaimRow>>;
type _verdicts = Assert<Equal<z.infer<typeof verdictsRecordSchema>, VerdictsRecord>>;
