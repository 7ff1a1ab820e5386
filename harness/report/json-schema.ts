import { z } from 'zod';
import { ReportSchema } from './report-schema.js';

/** Where the published JSON Schema of report.json lives, relative to the repository root. */
export const REPORT_JSON_SCHEMA_PATH = 'schemas/report.schema.json';

export function reportJsonSchema(): string {
  return `${JSON.stringify(z.toJSONSchema(ReportSchema, { io: 'output' }), null, 2)}\n`;
}
