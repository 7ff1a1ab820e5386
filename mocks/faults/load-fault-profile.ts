import { readFile } from 'node:fs/promises';
import { parseDocument } from 'yaml';
import { formatPath } from '../../src/config/format-path.js';
import { MockSetupError, MockSetupErrorCodes } from '../errors.js';
import type { FaultProfile } from './fault-profile.js';
import { faultProfileSchema } from './schema.js';

/** One problem of a profile file, at its field path (`rules[2].params.stallMs`). */
export interface FaultProfileIssue {
  path: string;
  message: string;
}

/** A profile that cannot be used; `issues` lists every problem at once. */
export class FaultProfileError extends MockSetupError {
  readonly issues: readonly FaultProfileIssue[];

  constructor(source: string, issues: readonly FaultProfileIssue[]) {
    const lines = issues.map((issue) => `  ${issue.path}: ${issue.message}`);
    const count = `${issues.length} problem${issues.length === 1 ? '' : 's'}`;
    super(
      MockSetupErrorCodes.invalidFaultProfile,
      `Invalid fault profile ${source} (${count}):\n${lines.join('\n')}`,
    );
    this.issues = issues;
  }
}

/**
 * Validates a profile from any source (a parsed file, a config section). Defaults are applied
 * once here: a missing `description` becomes empty.
 */
export function parseFaultProfile(value: unknown, source = '(inline)'): FaultProfile {
  const parsed = faultProfileSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new FaultProfileError(
    source,
    parsed.error.issues.map((issue) => ({
      path: formatPath(issue.path) || '(root)',
      message: issue.message,
    })),
  );
}

function parseText(text: string, file: string): unknown {
  if (file.endsWith('.json')) {
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new FaultProfileError(file, [{ path: '(syntax)', message: (error as Error).message }]);
    }
  }
  const document = parseDocument(text);
  if (document.errors.length > 0) {
    throw new FaultProfileError(
      file,
      document.errors.map((error) => {
        const at = error.linePos?.[0];
        // The message's first line; the rest is a code frame that repeats the position.
        const message = error.message.split('\n')[0] ?? error.message;
        return { path: at ? `line ${at.line}:${at.col}` : '(syntax)', message };
      }),
    );
  }
  return document.toJS();
}

/**
 * Reads a fault profile from a YAML or JSON file (`.json` is read as JSON, anything else as
 * YAML) and validates it; every problem is reported at once, each with its path.
 *
 * @example
 * // profiles/peak-hour.yaml
 * // name: peak-hour
 * // rules:
 * //   - { fault: rate_limit, probability: 0.2, params: { retryAfterMs: 3000 } }
 * //   - { fault: overloaded, probability: 0.05, match: { providers: [anthropic] } }
 * const profile = await loadFaultProfile('profiles/peak-hour.yaml');
 */
export async function loadFaultProfile(file: string): Promise<FaultProfile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new FaultProfileError(file, [{ path: '(file)', message: (error as Error).message }]);
  }
  return parseFaultProfile(parseText(text, file), file);
}
