// Print the run document's JSON Schema: `node dist/src/report/schema/emit.js > schema/coprobe-run-v1.schema.json`.
import { runDocumentJsonSchemaText } from './json-schema.js';

process.stdout.write(runDocumentJsonSchemaText());
