// Schema of the end record: the last line of a run, with counts per outcome and the exit code.
import { z } from 'zod';
import type { EndRecord } from '../../result.js';
import { outcomeSchema } from './enums.js';
import { count, isoTime, runIdSchema } from './common.js';
import type { Assert, Equal } from './link.js';

export const endRecordSchema = z.strictObject({
  type: z.literal('end'),
  runId: runIdSchema,
  finishedAt: isoTime,
  counts: z.partialRecord(outcomeSchema, count).describe('Probe records per outcome (outcomes that did not occur are absent).'),
  exitCode: z.int().describe('The exit code: 1 when a probe failed, hung or lost its agent, 130 when interrupted, else 0.'),
  interrupted: z.boolean().optional().describe('Set when the run was stopped (SIGINT) before its end.'),
}).meta({ id: 'EndRecord', description: 'The last record of a run: counts per outcome and the exit code.' });

type _end = Assert<Equal<z.infer<typeof endRecordSchema>, EndRecord>>;
