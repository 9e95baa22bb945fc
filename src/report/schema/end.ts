// Schema of the end record: the last line of a run, with counts per outcome and the exit code.
import { z } from 'zod';
import type { EndRecord } from '../../result.js';
import { outcomeSchema } from './enums.js';
import { count, isoTime, runIdSchema } from './common.js';
import type { Assert, Equal } from './link.js';

/** A side declared dead mid-run (src/run/dead-side.ts). */
export const deadSideSchema = z.strictObject({
  side: z.enum(['a', 'b']),
  what: z.enum(['storage', 'agent']).describe('storage: the target did not answer (init or later); agent: the agent did not start and answer (hello, clock).'),
  target: z.string().describe('The side argument as reported, secrets redacted.'),
  command: z.string().describe('The command that got no answer on the last restart.'),
  timeoutMs: count.describe('The bound that command had, in ms.'),
  since: isoTime.describe('When the side\'s first unanswered command was sent: no answer since.'),
  declaredAt: isoTime.describe('When the side was declared dead (its last failed restart ended).'),
  restarts: count.describe('Restarts of its agent in a row that got no answer.'),
  omitted: count.describe('Variants OMIT because of it.'),
}).meta({ id: 'DeadSide', description: 'A side whose storage or agent stopped answering for good during the run.' });

export const endRecordSchema = z.strictObject({
  type: z.literal('end'),
  runId: runIdSchema,
  finishedAt: isoTime,
  counts: z.partialRecord(outcomeSchema, count).describe('Probe records per outcome (outcomes that did not occur are absent).'),
  exitCode: z.int().describe('The exit code: 1 when a probe failed, hung or lost its agent or a side died, 130 when interrupted, else 0.'),
  interrupted: z.boolean().optional().describe('Set when the run was stopped (SIGINT) before its end.'),
  deadSides: z.array(deadSideSchema).optional().describe('Sides whose storage (or agent) stopped answering for good; the variants after were OMIT without restarting them.'),
}).meta({ id: 'EndRecord', description: 'The last record of a run: counts per outcome and the exit code.' });

type _end = Assert<Equal<z.infer<typeof endRecordSchema>, EndRecord>>;
