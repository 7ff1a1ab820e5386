import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.js';
import { SuiteFileError, SuiteValidationError } from './errors.js';
import { loadSuite, validateSuiteFile } from './load-suite.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hb-scenario-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function write(name: string, content: string | Uint8Array): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, content);
  return file;
}

const valid =
  'suite: { name: tiny }\nrequests:\n  - { id: a, messages: hi, expect: { path: simple, outcome: resolved } }\n';

describe('loadSuite', () => {
  it('returns the resolved suite, labelled with its file', async () => {
    const file = await write('ok.yaml', valid);
    const suite = await loadSuite(file);
    expect(suite).toMatchObject({ file, name: 'tiny', repetitions: 1 });
    expect(suite.requests[0]?.line).toBe(3);
  });

  it('throws a user error carrying every issue', async () => {
    const file = await write(
      'bad.yaml',
      valid.replace('simple', 'simpel').replace('id: a', 'id: A'),
    );
    const error = await loadSuite(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SuiteValidationError);
    expect(error).toBeInstanceOf(ConfigError);
    const { code, isUserError, issues, message } = error as SuiteValidationError;
    expect(code).toBe('HB_SCENARIO_INVALID');
    expect(isUserError).toBe(true);
    expect(issues.map((i) => i.path)).toEqual(['requests[0].id', 'requests[0].expect.path']);
    expect(message).toBe(
      [
        `${file}: 2 problems`,
        `  ${file}:3:11 requests[0].id: "A" is not kebab-case (fix: use lowercase letters, digits and dashes, e.g. "a")`,
        `  ${file}:3:44 requests[0].expect.path: invalid value "simpel" (fix: did you mean "simple"? allowed: simple | complex | full)`,
      ].join('\n'),
    );
    expect(message).not.toMatch(/\n\s+at /);
  });

  it('reports a typo, a wrong value and a duplicate id in one go', async () => {
    const file = fileURLToPath(new URL('./fixtures/three-mistakes.yaml', import.meta.url));
    const error = await loadSuite(file).catch((e: unknown) => e);
    expect(
      (error as SuiteValidationError).issues.map((i) => `${i.line}:${i.column} ${i.path}`),
    ).toEqual(['6:5 requests[0].expcet', '12:13 requests[1].expect.path', '14:9 requests[2].id']);
  });

  it('says clearly when the file does not exist', async () => {
    const missing = join(dir, 'nope.yaml');
    const error = await loadSuite(missing).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SuiteFileError);
    expect(error).toMatchObject({
      code: 'HB_SCENARIO_NOT_FOUND',
      isUserError: true,
      file: missing,
    });
    expect((error as Error).message).toBe(
      `scenario suite not found: ${missing} (check the path; suites live in scenarios/)`,
    );
  });

  it('says a directory is not a suite file', async () => {
    await expect(loadSuite(dir)).rejects.toMatchObject({ code: 'HB_SCENARIO_UNREADABLE' });
  });
});

describe('validateSuiteFile', () => {
  it('returns problems as data instead of throwing', async () => {
    const file = await write('empty.yaml', '');
    const result = await validateSuiteFile(file);
    expect(result).toEqual({
      state: 'invalid',
      issues: [expect.objectContaining({ file, line: 1, column: 1, message: 'the file is empty' })],
    });
  });

  it('rejects bytes that are not UTF-8 rather than replacing them', async () => {
    const latin1 = Buffer.from(valid.replace('hi', 'caf\u00e9'), 'latin1');
    const result = await validateSuiteFile(await write('latin1.yaml', latin1));
    expect(result.state === 'invalid' && result.issues[0]?.message).toBe(
      'the file is not valid UTF-8 text',
    );
  });

  it('accepts a UTF-8 byte-order mark', async () => {
    const result = await validateSuiteFile(await write('bom.yaml', `\uFEFF${valid}`));
    expect(result.state).toBe('ok');
  });
});

describe('loadSuite on recorded traffic', () => {
  it('reads a .jsonl file as one request per line', async () => {
    const line = '{"atMs": 0, "messages": [{"role": "user", "content": "Where is ORD-10001?"}]}';
    const suite = await loadSuite(await write('peak-hour.jsonl', `${line}\n`));
    expect(suite).toMatchObject({ name: 'peak-hour', version: '1' });
    expect(suite.requests.map((r) => [r.id, r.atMs, r.expect.path])).toEqual([
      ['line-1', 0, 'complex'],
    ]);
  });

  it('throws every problem of the file, each at its line', async () => {
    const file = await write('bad.jsonl', '{"messages": []}\n\nnope\n');
    const error = await loadSuite(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SuiteValidationError);
    expect((error as SuiteValidationError).message).toBe(
      [
        `${file}: 2 problems`,
        `  ${file}:1:14 messages: must not be an empty array (fix: add at least 1 item)`,
        `  ${file}:3:1 not valid JSON: expected a value, got 'nope' (fix: write one JSON object per line: {"messages": [{"role": "user", "content": "…"}]})`,
      ].join('\n'),
    );
  });
});
