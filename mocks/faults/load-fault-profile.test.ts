import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MockSetupError } from '../errors.js';
import { FaultProfileError, loadFaultProfile } from './load-fault-profile.js';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fault-profiles-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(name: string, text: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

async function issuesOf(path: string) {
  const error = await loadFaultProfile(path).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(FaultProfileError);
  expect(error).toBeInstanceOf(MockSetupError);
  return (error as FaultProfileError).issues;
}

describe('loadFaultProfile', () => {
  it('reads a YAML profile and fills in the description', async () => {
    const path = await file(
      'peak.yaml',
      [
        'name: peak-hour',
        'rules:',
        '  - { fault: rate_limit, probability: 0.2, params: { retryAfterMs: 3000 } }',
        '  - fault: overloaded',
        '    probability: 0.05',
        '    match: { providers: [anthropic], paths: [full] }',
      ].join('\n'),
    );
    expect(await loadFaultProfile(path)).toEqual({
      name: 'peak-hour',
      description: '',
      rules: [
        { fault: 'rate_limit', probability: 0.2, params: { retryAfterMs: 3000 } },
        {
          fault: 'overloaded',
          probability: 0.05,
          match: { providers: ['anthropic'], paths: ['full'] },
        },
      ],
    });
  });

  it('reports every problem at once, each at its path', async () => {
    const path = await file(
      'bad.json',
      JSON.stringify({
        name: 'bad',
        rules: [
          { fault: 'rate_limit', probability: 1.5 },
          { fault: 'stall_mid_stream', probability: 0.1, params: { stalMs: 10 } },
          { fault: 'slow_drip', probability: 0.1, params: { chunkDelayMs: -5 } },
          { fault: 'reset', probability: 0.1, match: { providers: ['gemini'] } },
          { fault: 'timeout', probability: 0.1 },
        ],
        extra: true,
      }),
    );
    expect((await issuesOf(path)).map((issue) => issue.path)).toEqual([
      'rules[0].probability',
      'rules[1].params',
      'rules[2].params.chunkDelayMs',
      'rules[3].match.providers[0]',
      'rules[4].fault',
      '(root)',
    ]);
  });

  it('reads agent and scenario matches, and names the field when one is not a list', async () => {
    const good = await file(
      'agent.yaml',
      [
        'name: one-agent',
        'rules:',
        '  - fault: server_error',
        '    probability: 1',
        '    match: { scenarios: [tech-agent-failure], agents: [technical-support] }',
      ].join('\n'),
    );
    expect((await loadFaultProfile(good)).rules[0]?.match).toEqual({
      scenarios: ['tech-agent-failure'],
      agents: ['technical-support'],
    });
    const bad = await file(
      'agent-bad.yaml',
      [
        'name: one-agent',
        'rules:',
        '  - { fault: server_error, probability: 1, match: { agents: technical-support } }',
        '  - { fault: reset, probability: 1, match: { scenarios: [""], agent: [x] } }',
      ].join('\n'),
    );
    const issues = await issuesOf(bad);
    expect(issues.map((issue) => issue.path)).toEqual([
      'rules[0].match.agents',
      'rules[1].match.scenarios[0]',
      'rules[1].match',
    ]);
    expect(issues[0]?.message).toMatch(/expected array, received string/);
    expect(issues[2]?.message).toMatch(/"agent"/);
  });

  it('names the line of a YAML syntax error', async () => {
    const path = await file('broken.yaml', 'name: x\nrules:\n  - { fault: reset, probability: 1\n');
    const [issue] = await issuesOf(path);
    expect(issue?.path).toMatch(/^line \d+:\d+$/);
  });

  it('reports JSON syntax and unreadable files as problems too', async () => {
    expect((await issuesOf(await file('broken.json', '{"name": ')))[0]?.path).toBe('(syntax)');
    expect((await issuesOf(join(dir, 'missing.yaml')))[0]?.path).toBe('(file)');
  });
});
