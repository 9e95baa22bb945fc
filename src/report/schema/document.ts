// Schema of the run document (run.json: the run's records gathered, read by every renderer) and of one JSON-lines record.
import { z } from 'zod';
import { RESULT_SCHEMA_VERSION, type ResultRecord } from '../../result.js';
import type { RunDocument } from '../document.js';
import { runRecordSchema } from './run.js';
import { probeRunRecordSchema } from './probe.js';
import { verdictsRecordSchema } from './verdicts.js';
import { endRecordSchema } from './end.js';
import { checkConsistency } from './consistency.js';
import { schemaVersionSchema } from './common.js';
import type { AnySchemaVersion, Assert, Equal } from './link.js';

export const runDocumentSchema = z.strictObject({
  format: z.literal('coprobe-run').describe('Always "coprobe-run": what this JSON is.'),
  schema: schemaVersionSchema('The result schema version (the run record\'s `schema`). Readers read every version up to their own and refuse a newer one.'),
  run: runRecordSchema,
  probes: z.array(probeRunRecordSchema).describe(
    'Every probe record in report order; the `record` numbers in verdict evidence are 1-based positions in this list.',
  ),
  verdicts: verdictsRecordSchema.optional().describe('Absent when the run was cut short (SIGINT, crash): renderers say so rather than invent them.'),
  end: endRecordSchema.optional().describe('Absent when the run was cut short before its end record.'),
}).superRefine(checkConsistency).meta({
  id: 'RunDocument',
  title: `coprobe run document, result schema ${RESULT_SCHEMA_VERSION}`,
  description: 'One coprobe run: the run record, every probe record, the verdicts and the end record.',
});

/** One line of a run's JSON-lines file (coprobe-<runid>.jsonl), told apart by `type`. */
export const resultRecordSchema = z.discriminatedUnion('type', [runRecordSchema, probeRunRecordSchema, verdictsRecordSchema, endRecordSchema]);

type _document = Assert<Equal<AnySchemaVersion<z.infer<typeof runDocumentSchema>>, RunDocument>>;
type _record = Assert<Equal<AnySchemaVersion<z.infer<typeof resultRecordSchema>>, ResultRecord>>;
