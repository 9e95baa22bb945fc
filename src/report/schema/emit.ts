// Print the run document's JSON Schema: `node dist/src/report/schema/emit.js > schema/coprobe-run-v2.schema.json` (the file name carries RESULT_SCHEMA_VERSION).
import { runDocumentJsonSchemaText } from './json-schema.js';

process.stdout.write(runDocumentJsonSchemaText());
