import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSuite } from '../scenario/index.js';
import { writeK6Files } from './write-k6-files.js';

const SUITE = fileURLToPath(new URL('../../scenarios/customer-support.yaml', import.meta.url));

/** Stand-ins for the k6 modules, recording what the script does into `globalThis.k6Fake`. */
const FAKE_MODULES: Record<string, string> = {
  k6: `export function check(value, sets, tags) {
  for (const [name, fn] of Object.entries(sets)) globalThis.k6Fake.checks.push({ name, ok: fn(value), tags });
  return true;
}`,
  'k6/execution': `export default {
  scenario: { get iterationInTest() { return globalThis.k6Fake.iteration; } },
  test: { get options() { return globalThis.k6Fake.options; } },
};`,
  'k6/http': `export default {
  expectedStatuses: (...statuses) => ({ statuses }),
  setResponseCallback: (callback) => { globalThis.k6Fake.responseCallback = callback; },
  post: (url, body, params) => {
    globalThis.k6Fake.requests.push({ url, body: JSON.parse(body), params });
    return globalThis.k6Fake.response;
  },
};`,
  'k6/metrics': `class Metric {
  constructor(name) { this.name = name; }
  add(value, tags) { globalThis.k6Fake.samples.push({ metric: this.name, value, tags }); }
}
export class Counter extends Metric {}
export class Gauge extends Metric {}
export class Rate extends Metric {}
export class Trend extends Metric {}`,
};

interface Fake {
  iteration: number;
  options: { executionSegment?: string };
  response: unknown;
  responseCallback?: unknown;
  requests: { url: string; body: Record<string, unknown>; params: Record<string, unknown> }[];
  samples: { metric: string; value: number | boolean; tags?: Record<string, string> }[];
  checks: { name: string; ok: boolean; tags: Record<string, string> }[];
}

const fake: Fake = {
  iteration: 0,
  options: {},
  response: {},
  requests: [],
  samples: [],
  checks: [],
};
Object.assign(globalThis, {
  k6Fake: fake,
  __ENV: { HB_API_KEY: 'sk-test', HB_BASE_URL: 'http://bridge:9000/v1/' },
});

function reset(iteration: number, response: unknown) {
  Object.assign(fake, { iteration, response, requests: [], samples: [], checks: [] });
}

const samplesOf = (metric: string) => fake.samples.filter((s) => s.metric === metric);

const ok = (body: string, extra: Record<string, string> = {}) => ({
  status: 200,
  body,
  headers: { 'X-Bench-Cost-Usd': '0.00400000', 'X-Bench-Path': 'simple', ...extra },
  timings: { duration: 1200, waiting: 900 },
});

/** The script as k6 would load it: types stripped, its k6 imports pointed at the fakes. */
async function loadScript(dir: string, name: string, stream: boolean) {
  const suite = await loadSuite(SUITE);
  const { script } = await writeK6Files(
    suite,
    { baseUrl: 'http://unused/v1', stream, runners: 2 },
    join(dir, name),
  );
  let js = ts.transpileModule(await readFile(script, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  }).outputText;
  for (const [specifier, source] of Object.entries(FAKE_MODULES)) {
    const file = join(dir, `${specifier.replace('/', '-')}.mjs`);
    await writeFile(file, source);
    js = js.replaceAll(`from '${specifier}'`, `from '${pathToFileURL(file).href}'`);
  }
  const file = join(dir, `${name}.mjs`);
  await writeFile(file, js);
  return {
    module: (await import(pathToFileURL(file).href)) as { default: () => void; setup: () => void },
    requests: suite.requests,
  };
}

describe('generated k6 script, run against stand-in k6 modules', () => {
  let dir: string;
  let plain: Awaited<ReturnType<typeof loadScript>>;
  let streamed: Awaited<ReturnType<typeof loadScript>>;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hb-k6-run-'));
    plain = await loadScript(dir, 'plain', false);
    streamed = await loadScript(dir, 'streamed', true);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('posts the labelled request with the key, the path header and the path tag', () => {
    reset(0, ok(JSON.stringify({ choices: [{ message: { content: '3-5 business days' } }] })));
    plain.module.default();
    expect(fake.requests).toEqual([
      {
        url: 'http://bridge:9000/v1/chat/completions',
        body: { model: 'hybrid-bench', messages: plain.requests[0]?.messages },
        params: {
          headers: {
            authorization: 'Bearer sk-test',
            'content-type': 'application/json',
            'x-bench-path': 'simple',
          },
          tags: { path: 'simple' },
          timeout: '90s',
        },
      },
    ]);
    expect(fake.responseCallback).toEqual({ statuses: [{ min: 200, max: 299 }] });
  });

  it('records an answer: checks, answered, cost from the header, SLA met, the offered rate', () => {
    reset(0, ok(JSON.stringify({ choices: [{ message: { content: '3-5 business days' } }] })));
    plain.module.default();
    const tags = { path: 'simple' };
    expect(fake.checks).toEqual([
      { name: 'status is 200', ok: true, tags },
      { name: 'answer is not empty', ok: true, tags },
    ]);
    expect(fake.samples).toEqual([
      { metric: 'bench_target_rps', value: 10, tags: undefined },
      { metric: 'answered_ok', value: true, tags },
      { metric: 'cost_usd', value: 0.004, tags },
      { metric: 'met_sla', value: true, tags },
    ]);
  });

  it("offers its runner's share of the rate under k6-operator's execution segments", () => {
    fake.options = { executionSegment: '1/4:2/4' };
    reset(0, ok('{}'));
    plain.module.default();
    fake.options = {};
    expect(samplesOf('bench_target_rps')).toEqual([
      { metric: 'bench_target_rps', value: 2.5, tags: undefined },
    ]);
  });

  it('counts a slow answer as answered but not within the SLA', () => {
    const slow = {
      ...ok(JSON.stringify({ choices: [{ message: { content: 'yes' } }] })),
      timings: { duration: 3001, waiting: 1 },
    };
    reset(0, slow);
    plain.module.default();
    expect(samplesOf('answered_ok')[0]?.value).toBe(true);
    expect(samplesOf('met_sla')[0]?.value).toBe(false);
  });

  it('records a refusal and a request without an answer as not answered, without cost', () => {
    reset(0, {
      status: 503,
      body: '{"error":{}}',
      headers: {},
      timings: { duration: 5, waiting: 5 },
    });
    plain.module.default();
    expect(samplesOf('answered_ok')[0]?.value).toBe(false);
    expect(samplesOf('cost_usd')).toEqual([]);
    expect(samplesOf('transport_errors')).toEqual([]);
    reset(0, { status: 0, body: null, headers: {}, timings: { duration: 60_000, waiting: 0 } });
    plain.module.default();
    expect(samplesOf('transport_errors')).toEqual([
      { metric: 'transport_errors', value: 1, tags: { path: 'simple' } },
    ]);
    expect(fake.checks.map((c) => c.ok)).toEqual([false, false]);
  });

  it('treats an empty answer as not answered', () => {
    reset(0, ok(JSON.stringify({ choices: [{ message: { content: '  ' } }] })));
    plain.module.default();
    expect(samplesOf('answered_ok')[0]?.value).toBe(false);
    expect(samplesOf('met_sla')[0]?.value).toBe(false);
  });

  it('reads a streamed answer from its events and records the first byte', () => {
    const event = (content: string) =>
      `data: ${JSON.stringify({ choices: [{ index: 0, delta: { content }, finish_reason: null }] })}\n\n`;
    reset(0, ok(`${event('')}${event('Ships in ')}${event('3-5 days')}data: [DONE]\n\n`));
    streamed.module.default();
    expect(fake.requests[0]?.body.stream).toBe(true);
    expect(samplesOf('answered_ok')[0]?.value).toBe(true);
    expect(samplesOf('ttft_ms')).toEqual([
      { metric: 'ttft_ms', value: 900, tags: { path: 'simple' } },
    ]);
  });

  it('sends every request in proportion to its weight, spread over the iterations', () => {
    const counts = new Map<string, number>();
    const rounds = 100;
    const total = plain.requests.length * rounds;
    for (let i = 0; i < total; i++) {
      reset(i, ok('{}'));
      plain.module.default();
      const sent = JSON.stringify(fake.requests[0]?.body.messages);
      counts.set(sent, (counts.get(sent) ?? 0) + 1);
    }
    expect(counts.size).toBe(plain.requests.length);
    for (const count of counts.values()) expect(Math.abs(count - rounds)).toBeLessThanOrEqual(3);
  });

  it('refuses to start without an API key', async () => {
    expect(() => plain.module.setup()).not.toThrow();
    const env = (globalThis as unknown as { __ENV: Record<string, string> }).__ENV;
    env.HB_API_KEY = '';
    const keyless = await loadScript(dir, 'keyless', false);
    env.HB_API_KEY = 'sk-test';
    expect(() => keyless.module.setup()).toThrow(
      'Set HB_API_KEY to an API key of the bridge server.',
    );
  });
});
