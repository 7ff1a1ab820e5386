import { readFile, writeFile } from 'node:fs/promises';
import { formatPath } from '../../src/config/format-path.js';
import { MockSetupError, MockSetupErrorCodes } from '../errors.js';
import { type Cassette, CassetteSchema } from './cassette.js';

/** Reads and validates a cassette file; every problem is named with its field path. */
export async function loadCassette(file: string): Promise<Cassette> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new MockSetupError(
      MockSetupErrorCodes.invalidCassette,
      `Cannot read cassette ${file}: ${(error as Error).message}`,
    );
  }
  const parsed = CassetteSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (i) => `  ${formatPath(i.path) || '(root)'}: ${i.message}`,
    );
    throw new MockSetupError(
      MockSetupErrorCodes.invalidCassette,
      `${file} is not a valid cassette:\n${problems.join('\n')}`,
    );
  }
  return parsed.data;
}

export async function saveCassette(file: string, cassette: Cassette): Promise<void> {
  await writeFile(file, `${JSON.stringify(cassette, null, 2)}\n`);
}
