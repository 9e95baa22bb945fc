// The run document's JSON Schema (draft 2020-12), generated from the zod schema: what schema/coprobe-run-v2.schema.json holds (schema/coprobe-run-v1.schema.json stays, frozen, for version 1 documents).
import { z } from 'zod';
import { RESULT_SCHEMA_VERSION } from '../../result.js';
import { runDocumentSchema } from './document.js';

/** Where the published schema lives in the repository, relative to its root. */
export const JSON_SCHEMA_FILE = `schema/coprobe-run-v${RESULT_SCHEMA_VERSION}.schema.json`;

/** The record types a JSON-lines file holds, by their `$defs` names. */
const RECORD_DEFS = ['RunRecord', 'ProbeRunRecord', 'VerdictsRecord', 'EndRecord'];

type Json = Record<string, unknown>;

/** Drop the ±(2^53 - 1) bounds zod puts on every integer: JSON numbers say nothing useful with them. */
function dropSafeIntegerBounds(json: Json): void {
  if (json.minimum === Number.MIN_SAFE_INTEGER) delete json.minimum;
  if (json.maximum === Number.MAX_SAFE_INTEGER) delete json.maximum;
}

/** The JSON Schema of the run document; `$defs.ResultRecord` validates one line of a run's JSON-lines file. */
export function runDocumentJsonSchema(): Json {
  const json = z.toJSONSchema(runDocumentSchema, {
    target: 'draft-2020-12', unrepresentable: 'throw', override: (ctx) => dropSafeIntegerBounds(ctx.jsonSchema as Json),
  }) as Json;
  const root: Json = {
    $schema: json.$schema,
    title: `coprobe run document (result schema ${RESULT_SCHEMA_VERSION})`,
    $comment: `Generated from src/report/schema by src/report/schema/emit.ts; do not edit. See docs/result-schema.md.`,
    ...json,
  };
  const defs = root.$defs as Json;
  defs.ResultRecord = {
    description: 'One line of a run\'s JSON-lines file (coprobe-<runid>.jsonl), told apart by `type`.',
    oneOf: RECORD_DEFS.map((name) => ({ $ref: `#/$defs/${name}` })),
  };
  return root;
}

/** The schema file's text, exactly as committed (two-space indent, final newline). */
export function runDocumentJsonSchemaText(): string {
  return JSON.stringify(runDocumentJsonSchema(), null, 2) + '\n';
}
