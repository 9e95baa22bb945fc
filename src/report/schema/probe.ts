// Schema of a probe record: one run of one probe variant, with its checks and both agents' transcripts.
import { z } from 'zod';
import type { ProbeRunRecord } from '../../result.js';
import type { Variant } from '../../probe.js';
import { claimIdSchema, ioModeSchema, outcomeSchema } from './enums.js';
import { checkSchema } from './checks.js';
import { transcriptEntrySchema } from './transcript.js';
import { bySide, count, isoTime, position, probeCodeSchema, runIdSchema } from './common.js';
import type { Assert, Equal } from './link.js';

export const variantSchema = z.strictObject({
  a: ioModeSchema.describe('Side a\'s I/O mode.'),
  b: ioModeSchema.describe('Side b\'s I/O mode.'),
  param: z.string().optional().describe('The probe-specific parameter (a remedy, an action), when the probe has one.'),
}).meta({ id: 'Variant', description: 'One run of a probe: the modes of both sides and an optional probe-specific parameter.' });

export const probeRunRecordSchema = z.strictObject({
  type: z.literal('probe'),
  runId: runIdSchema,
  probe: probeCodeSchema.describe('The probe\'s stable code ("CTO1").'),
  title: z.string(),
  claims: z.array(claimIdSchema).describe('The claims the probe checks.'),
  variant: variantSchema,
  repeat: position.optional().describe('Which repetition of the variant this is (1-based), when --repeat was above 1.'),
  outcome: outcomeSchema,
  reason: z.string().optional().describe('Why it was omitted, unsupported, hung or lost, or what failed.'),
  sameAs: position.optional().describe(
    'On an OMIT whose I/O would repeat an earlier run\'s exactly: that run\'s 1-based position among the probe records '
    + '(without a host page cache O_DIRECT and buffered are one mode).',
  ),
  checks: z.array(checkSchema),
  startedAt: isoTime,
  durationMs: count.describe('Wall-clock ms this record took, set-up and checks included.'),
  transcripts: bySide(z.array(transcriptEntrySchema), 'the commands its agent ran for this record.'),
}).meta({ id: 'ProbeRunRecord', description: 'One run of one probe variant, with its evidence.' });

type _variant = Assert<Equal<z.infer<typeof variantSchema>, Variant>>;
type _probe = Assert<Equal<z.infer<typeof probeRunRecordSchema>, ProbeRunRecord>>;
