// Regenerates schemas/scenario.schema.json: npx tsx harness/scenario/write-json-schema.ts
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { SUITE_JSON_SCHEMA_PATH, suiteJsonSchemaText } from './json-schema.js';

const target = fileURLToPath(new URL(`../../${SUITE_JSON_SCHEMA_PATH}`, import.meta.url));
await writeFile(target, suiteJsonSchemaText());
process.stderr.write(`wrote ${SUITE_JSON_SCHEMA_PATH}\n`);
