// Schemas of the transcripts: every command an agent ran for a probe run, with the libc (or library) calls inside it.
import { z } from 'zod';
import type { CallRecord, TranscriptEntry } from '../../protocol/messages.js';
import { unansweredSchema } from './unions.js';
import { count } from './common.js';
import type { Assert, Equal } from './link.js';

export const callRecordSchema = z.strictObject({
  call: z.string().describe('The call ("pwrite", "fsync", "READ(16)").'),
  at: count.describe('µs from the entry\'s t0 to the call\'s start.'),
  dur: count.describe('µs the call took.'),
  ret: z.int().describe('Its return value (-1 on failure).'),
  errno: z.string().optional().describe('errno name on failure.'),
  detail: z.string().optional().describe('The library\'s own message on failure (libiscsi sense data, libnfs\'s error string).'),
}).meta({ id: 'CallRecord', description: 'One call inside a command: offset from the command\'s start, duration, return value, errno.' });

export const transcriptEntrySchema = z.strictObject({
  seq: count.describe('The agent\'s command sequence number (0 for a command the agent never answered).'),
  cmd: z.string().describe('The protocol command.'),
  args: z.record(z.string(), z.unknown()).describe('Its arguments (secrets redacted).'),
  t0: count.describe('Wall-clock µs at the start, on the agent\'s host.'),
  t1: count.describe('Wall-clock µs at the end.'),
  ok: z.boolean(),
  errno: z.string().optional(),
  calls: z.array(callRecordSchema),
  callsOmitted: z.strictObject({ count, failed: count }).optional().describe('Calls past the per-entry cap: how many, and how many failed.'),
  unanswered: unansweredSchema.optional(),
}).meta({ id: 'TranscriptEntry', description: 'One command an agent ran, as its transcript keeps it.' });

type _call = Assert<Equal<z.infer<typeof callRecordSchema>, CallRecord>>;
type _entry = Assert<Equal<z.infer<typeof transcriptEntrySchema>, TranscriptEntry>>;
