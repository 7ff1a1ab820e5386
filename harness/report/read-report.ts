import { readFile } from 'node:fs/promises';
import { ConfigError } from '../../src/index.js';
import { type Report, ReportSchema } from './report-schema.js';

/** Reads a report.json, validated, naming the file on any problem. */
export async function readReport(file: string): Promise<Report> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(
      'HB_REPORT_INVALID',
      `Cannot read report ${file}: ${(error as Error).message}`,
    );
  }
  const parsed = ReportSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new ConfigError(
      'HB_REPORT_INVALID',
      `${file} is not a report this version reads (${first?.path.join('.') || '(root)'}: ${first?.message ?? 'invalid'}). Re-run \`bench run\`.`,
    );
  }
  return parsed.data;
}
