// Schema of a check: one sentence a probe asserts, its outcome, what was observed and what it means for each claim.
import { z } from 'zod';
import { ACCESS_PATHS, type AccessProof, type Check, type ClaimEvidence, type StalenessWindow } from '../../checks.js';
import { claimIdSchema, claimStatusSchema, outcomeSchema } from './enums.js';
import { readSummarySchema } from './blocks.js';
import { count } from './common.js';
import type { Assert, Equal } from './link.js';

export const claimEvidenceSchema = z.strictObject({
  claim: claimIdSchema,
  status: claimStatusSchema,
  why: z.string().describe('Why the observation means this for the claim.'),
  condition: z.string().optional().describe('The condition the observation was made under ("O_DIRECT reader", "buffered reader after fadvise(DONTNEED)").'),
}).meta({ id: 'ClaimEvidence', description: 'What one observation says about one claim: the claim table is built from these, never from outcomes alone.' });

export const stalenessWindowSchema = z.strictObject({
  fresh: z.boolean().describe('Every block was fresh before the bound ran out.'),
  elapsedUs: count.describe('µs from the start of polling until every block was fresh, or until the bound ran out.'),
  polls: count.describe('Reads made.'),
  boundMs: count.describe('The --window bound (ms).'),
}).meta({ id: 'StalenessWindow', description: 'How long b took to see fresh data after a stale first read, polled inside b\'s agent.' });

export const accessProofSchema = z.strictObject({
  reached: z.enum(ACCESS_PATHS).describe('storage: every byte came from the storage; partial: some; cache: none (b\'s own cache served it); unproven: a buffered read with no counter.'),
  how: z.string().describe('How that is known (O_DIRECT, a backend without a page cache, counters before → after).'),
  counters: z.record(z.string(), z.tuple([z.number(), z.number()])).optional().describe('The counters sampled around the read, [before, after] by name.'),
}).meta({ id: 'AccessProof', description: 'Where the read a check judged was served from: the storage or the reader\'s own cache, with the proof.' });

export const checkSchema = z.strictObject({
  claims: z.array(claimIdSchema).describe('The claims this check bears on.'),
  sentence: z.string().describe('What the probe asserts ("reader should see the new data after fsync on the writer with O_DIRECT").'),
  outcome: outcomeSchema,
  observed: z.string().describe('What was seen; on failure appended to the sentence in reports.'),
  read: readSummarySchema.optional().describe('The read the check judged, when it judged one.'),
  fsyncToReadUs: z.number().optional().describe('µs from the writer\'s fsync returning to the reader\'s read starting (the agents\' wall clocks).'),
  bears: z.array(claimEvidenceSchema).optional().describe('What the observation means for each claim it bears on.'),
  window: stalenessWindowSchema.optional().describe('Set when the first read was stale and a staleness window was measured (--window).'),
  access: accessProofSchema.optional().describe('Where the judged read was served from, with the counters that prove it.'),
  values: z.record(z.string(), z.union([z.number(), z.string(), z.boolean(), z.null()])).optional()
    .describe('Probe-specific measured values (sizes seen, pages left, RPC counts), by name.'),
}).meta({ id: 'Check', description: 'One sentence a probe asserts, with the claims it bears on, its outcome and what was observed.' });

type _evidence = Assert<Equal<z.infer<typeof claimEvidenceSchema>, ClaimEvidence>>;
type _window = Assert<Equal<z.infer<typeof stalenessWindowSchema>, StalenessWindow>>;
type _access = Assert<Equal<z.infer<typeof accessProofSchema>, AccessProof>>;
type _check = Assert<Equal<z.infer<typeof checkSchema>, Check>>;
