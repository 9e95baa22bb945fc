// Schemas of what a read of a block range found: one block's finding, runs of non-fresh blocks, the counts per class.
import { z } from 'zod';
import type { BlockFinding } from '../../blocks/classify.js';
import type { BlockRange, ReadCounters, ReadSummary } from '../../blocks/tally.js';
import { blockClassSchema } from './enums.js';
import { count } from './common.js';
import type { Assert, Equal } from './link.js';

const headerValue = z.union([z.string(), z.number()]);

export const blockFindingSchema = z.strictObject({
  index: count.describe('Block index in the range read.'),
  cls: blockClassSchema,
  field: z.string().optional().describe('The header field that decided the class (generation, magic, crc, runId, length...).'),
  expected: headerValue.optional().describe('What the reader expected in that field.'),
  found: headerValue.optional().describe('What the block held there.'),
  writtenUs: count.optional().describe('Write timestamp (µs, the writer\'s wall clock) of the block found, when its header was readable.'),
}).meta({ id: 'BlockFinding', description: 'The verdict on one block, with the field that decided it and expected vs found.' });

export const blockRangeSchema = z.strictObject({
  start: count.describe('First block index.'),
  count: count.describe('How many consecutive blocks.'),
  cls: blockClassSchema,
}).meta({ id: 'BlockRange', description: '`count` consecutive blocks from `start` that all read back as `cls`.' });

export const readCountersSchema = z.strictObject({
  source: z.string().describe('Where the counters come from: "mountstats <mount point>" (NFS) or "sysfs <path>" (a block device\'s stat).'),
  values: z.record(z.string(), z.tuple([z.number(), z.number()])).describe('[before, after] by name: NFS READ, GETATTR (ops), serverReadBytes; block readIos, readSectors.'),
}).meta({ id: 'ReadCounters', description: 'Storage-side counters the agent sampled just before and just after a read.' });

export const readSummarySchema = z.strictObject({
  blocks: count.describe('Blocks read.'),
  counts: z.record(blockClassSchema, count).describe('Blocks per class (every class named, zeros included).'),
  findings: z.array(blockFindingSchema).describe('The first non-fresh findings (at most MAX_FINDINGS = 16), as evidence.'),
  findingsOmitted: count.describe('Non-fresh findings past those kept.'),
  ranges: z.array(blockRangeSchema).optional().describe(
    'Where the non-fresh blocks were: runs of consecutive indices of one class, in read order (the stale-block map), '
    + 'at most MAX_RANGES = 512 runs. Absent in records written before this field existed.',
  ),
  rangesOmitted: count.optional().describe('Non-fresh blocks past the runs kept in `ranges`.'),
  counters: readCountersSchema.optional().describe('Storage-side counters sampled around the read (the read command\'s proof argument).'),
  countersUnavailable: z.string().optional().describe('Why counters were asked for and none could be read.'),
}).meta({ id: 'ReadSummary', description: 'Counts per class over one read of a block range, with the first non-fresh findings as evidence.' });

type _finding = Assert<Equal<z.infer<typeof blockFindingSchema>, BlockFinding>>;
type _range = Assert<Equal<z.infer<typeof blockRangeSchema>, BlockRange>>;
type _counters = Assert<Equal<z.infer<typeof readCountersSchema>, ReadCounters>>;
type _summary = Assert<Equal<z.infer<typeof readSummarySchema>, ReadSummary>>;
