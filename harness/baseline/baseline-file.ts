import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ConfigError, formatPath } from '../../src/index.js';
import {
  BASELINE_FORMAT,
  BASELINE_SCHEMA_VERSION,
  type Baseline,
  BaselineSchema,
} from './baseline-schema.js';

export const BaselineErrorCodes = {
  notFound: 'HB_BASELINE_NOT_FOUND',
  invalid: 'HB_BASELINE_INVALID',
} as const;

/** Where a suite's baseline for a mode and backend lives: `baselines/<suite>/<mode>-<backend>.json`. */
export function baselinePath(root: string, suite: string, mode: string, backend: string): string {
  return join(root, suite, `${mode}-${backend}.json`);
}

/**
 * Reads and validates a baseline. A missing file, bad JSON, another format or another schema
 * version is a `ConfigError` naming the file and the field — never a guess.
 */
export async function readBaseline(file: string): Promise<Baseline> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigError(
      code === 'ENOENT' ? BaselineErrorCodes.notFound : BaselineErrorCodes.invalid,
      code === 'ENOENT'
        ? `No baseline at ${file}. Create one with \`bench baseline update\`.`
        : `Cannot read baseline ${file}: ${code ?? (error as Error).message}`,
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(
      BaselineErrorCodes.invalid,
      `${file}: not valid JSON (${(error as Error).message})`,
    );
  }
  const head = raw as { format?: unknown; schemaVersion?: unknown } | null;
  if (head?.format === BASELINE_FORMAT && head.schemaVersion !== BASELINE_SCHEMA_VERSION) {
    throw new ConfigError(
      BaselineErrorCodes.invalid,
      `${file}: schemaVersion is ${JSON.stringify(head.schemaVersion)}, this version reads ${BASELINE_SCHEMA_VERSION}. ` +
        'Re-create the baseline with `bench baseline update` (the old file is left as it is).',
    );
  }
  const parsed = BaselineSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .slice(0, 10)
      .map((i) => `  ${formatPath(i.path) || '(root)'}: ${i.message}`);
    throw new ConfigError(
      BaselineErrorCodes.invalid,
      `${file} is not a valid baseline:\n${problems.join('\n')}`,
    );
  }
  return parsed.data;
}

/** Writes a baseline atomically (a temporary file renamed over the old), so a crash never leaves half a file. */
export async function writeBaseline(file: string, baseline: Baseline): Promise<void> {
  const valid = BaselineSchema.parse(baseline);
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(valid, null, 1)}\n`);
  await rename(temporary, file);
}
