import { readFile } from 'node:fs/promises';
import { ScenarioErrorCodes, SuiteFileError, SuiteValidationError } from './errors.js';
import { parseSuite } from './parse-suite.js';
import type { Suite, SuiteLoadResult } from './types.js';

function errnoCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;
}

async function readBytes(file: string): Promise<Uint8Array> {
  try {
    return await readFile(file);
  } catch (error: unknown) {
    const code = errnoCode(error);
    if (code === 'ENOENT') {
      const message = `scenario suite not found: ${file} (check the path; suites live in scenarios/)`;
      throw new SuiteFileError(ScenarioErrorCodes.notFound, file, message, { cause: error });
    }
    const reason = code === 'EISDIR' ? 'it is a directory, not a file' : (code ?? String(error));
    const message = `cannot read scenario suite ${file}: ${reason}`;
    throw new SuiteFileError(ScenarioErrorCodes.unreadable, file, message, { cause: error });
  }
}

/**
 * Reads and validates a suite file. Problems in its content come back as issues; only a file
 * that is missing or unreadable throws (`SuiteFileError`, codes HB_SCENARIO_NOT_FOUND and
 * HB_SCENARIO_UNREADABLE).
 */
export async function validateSuiteFile(file: string): Promise<SuiteLoadResult> {
  const bytes = await readBytes(file);
  let text: string;
  try {
    // fatal: a stray Latin-1 byte would otherwise become U+FFFD and change a test silently.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const message = 'the file is not valid UTF-8 text';
    const issue = { file, line: 1, column: 1, path: '', message, fix: 'save the file as UTF-8' };
    return { state: 'invalid', issues: [issue] };
  }
  return parseSuite(text, file);
}

/**
 * Loads a suite ready to run, with defaults applied.
 * @throws SuiteValidationError (HB_SCENARIO_INVALID) listing every problem, or SuiteFileError.
 * @example
 * const suite = await loadSuite('scenarios/customer-support.yaml');
 * for (const request of suite.requests) console.log(request.id, request.expect.path);
 */
export async function loadSuite(file: string): Promise<Suite> {
  const result = await validateSuiteFile(file);
  if (result.state === 'invalid') throw new SuiteValidationError(file, result.issues);
  return result.suite;
}
