// Regenerates schemas/report.schema.json: npx tsx harness/report/write-json-schema.ts
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { REPORT_JSON_SCHEMA_PATH, reportJsonSchema } from './json-schema.js';

const target = fileURLToPath(new URL(`../../${REPORT_JSON_SCHEMA_PATH}`, import.meta.url));
await writeFile(target, reportJsonSchema());
process.stderr.write(`wrote ${REPORT_JSON_SCHEMA_PATH}\n`);
