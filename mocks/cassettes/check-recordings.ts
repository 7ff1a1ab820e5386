// Replays public recordings of real provider traffic through the project's transports and
// clients and prints what was read. A development check, not a test (the recordings are not
// part of the project):  npx tsx mocks/cassettes/check-recordings.ts <dir of llm_api recordings>
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createAnthropicProvider } from '../../src/providers/anthropic.js';
import { createOpenAICompatibleProvider } from '../../src/providers/openai-compatible.js';
import type { ModelOutcome, Provider } from '../../src/providers/provider.js';
import type { Cassette } from './cassette.js';
import { importRecording } from './import-recordings.js';
import { createReplayHandler } from './replay.js';

type Check = { file: string; item: string; pass: boolean; detail: string };
const checks: Check[] = [];
const dir = process.argv[2];
if (!dir) {
  process.stderr.write('usage: check-recordings.ts <llm_api directory>\n');
  process.exit(2);
}

function providerFor(cassette: Cassette): Provider {
  const replay = createReplayHandler(cassette, { timeScale: 0, ignoreBody: true });
  return createOpenAICompatibleProvider({
    baseURL: 'http://replay.invalid/v1',
    apiKey: 'k',
    fetch: (input, init) => replay(new Request(input, init)),
  });
}

function describeOutcome(o: ModelOutcome): string {
  if (o.state === 'error')
    return `error ${o.error.code} status=${o.error.status ?? '-'} retryAfterMs=${o.error.retryAfterMs ?? '-'}`;
  const r = o.response;
  const tools = r.toolCalls.map((c) => `${c.name}(${c.arguments})`).join(' ');
  return `ok finish=${r.finishReason} usage=${r.usage.inputTokens}/${r.usage.outputTokens} text=${JSON.stringify(r.text.slice(0, 40))}${tools ? ` tools=${tools}` : ''}`;
}

// 1. OpenAI streams (raw SSE recorded from the API), compared with their own summaries.
const streams = JSON.parse(
  await readFile(join(dir, 'openai/openai_chat_completions_stream_recorded.json'), 'utf8'),
) as Array<{
  summary: {
    finish_reasons: string[];
    has_tool_calls: boolean;
    usage: { prompt_tokens: number; completion_tokens: number };
  };
  raw_sse: string;
  chunks: unknown[];
}>;
for (const [i, s] of streams.entries()) {
  const outcome = await providerFor(importRecording(s.raw_sse, 'raw-sse', `stream ${i}`)).complete({
    model: 'gpt-4o',
    messages: [{ role: 'user', content: 'x' }],
    stream: true,
  });
  const expectedText = (
    s.chunks as Array<
      { choices?: Array<{ index: number; delta?: { content?: string | null } }> } | string
    >
  )
    .flatMap((c) =>
      typeof c === 'string'
        ? []
        : (c.choices ?? []).filter((x) => x.index === 0).map((x) => x.delta?.content ?? ''),
    )
    .join('');
  const pass =
    outcome.state === 'ok' &&
    outcome.response.text === expectedText &&
    outcome.response.usage.inputTokens === s.summary.usage.prompt_tokens &&
    outcome.response.usage.outputTokens === s.summary.usage.completion_tokens &&
    outcome.response.finishReason === s.summary.finish_reasons[0] &&
    outcome.response.toolCalls.length > 0 === s.summary.has_tool_calls &&
    outcome.response.toolCalls.every(
      (c) => c.id !== '' && c.name !== '' && JSON.parse(c.arguments) !== undefined,
    );
  checks.push({ file: 'openai stream', item: String(i), pass, detail: describeOutcome(outcome) });
}

// 2. VCR cassettes of OpenAI chat completions (JSON, streams, tool calls, a 400).
for (const name of (await readdir(join(dir, 'cassettes'))).filter(
  (f) => f.includes('openai_') || f.includes('openrouter'),
)) {
  const cassette = importRecording(
    await readFile(join(dir, 'cassettes', name), 'utf8'),
    'vcr-yaml',
    name,
  );
  // Gateways put the API under their own prefix (e.g. /api/v1): serve it where the client asks.
  for (const i of cassette.interactions) i.request.path = '/v1/chat/completions';
  const provider = providerFor(cassette);
  for (const [i, interaction] of cassette.interactions.entries()) {
    const body = interaction.request.body as { stream?: boolean } | undefined;
    const outcome = await provider.complete({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'x' }],
      stream: body?.stream === true,
    });
    const status = interaction.response.status;
    const pass =
      status === 200
        ? outcome.state === 'ok'
        : outcome.state === 'error' && outcome.error.status === status;
    checks.push({
      file: name,
      item: String(i),
      pass,
      detail: `recorded ${status}: ${describeOutcome(outcome)}`,
    });
  }
}

// 3. Error payloads reported in public issues, served with their status and headers.
const categories: Record<string, string> = {
  rate_limit: 'rate_limited',
  context_length_exceeded: 'context_length_exceeded',
  server_error: 'server_error',
  overloaded: 'overloaded',
};
const payloads = JSON.parse(
  await readFile(join(dir, 'errors/provider_error_payloads_from_issues.json'), 'utf8'),
) as Array<{
  id: string;
  http_status: number | null;
  category: string;
  body: unknown;
  headers: Record<string, string> | null;
}>;
for (const p of payloads) {
  const cassette: Cassette = {
    format: 'hybrid-bench-cassette',
    version: 1,
    recordedAt: '',
    source: p.id,
    interactions: [
      {
        request: { method: 'POST', path: '/v1/chat/completions', headers: {} },
        response:
          p.http_status === null
            ? {
                status: 200,
                headers: { 'content-type': 'text/event-stream' },
                chunks: [{ atMs: 0, data: `data: ${JSON.stringify(p.body)}\n\n` }],
              }
            : {
                status: p.http_status,
                headers: { 'content-type': 'application/json', ...(p.headers ?? {}) },
                chunks: p.body === null ? [] : [{ atMs: 0, data: JSON.stringify(p.body) }],
              },
      },
    ],
  };
  const outcome = await providerFor(cassette).complete({
    model: 'gpt-4o',
    messages: [{ role: 'user', content: 'x' }],
    stream: p.http_status === null,
  });
  const pass = outcome.state === 'error' && outcome.error.code === categories[p.category];
  checks.push({ file: 'error payloads', item: p.id, pass, detail: describeOutcome(outcome) });
}

// 4. Anthropic: recorded exchanges (SDK snapshots, nock) and SSE fixtures, through the Anthropic client.
function anthropicFor(cassette: Cassette): Provider {
  for (const i of cassette.interactions) i.request.path = '/v1/messages';
  const replay = createReplayHandler(cassette, { timeScale: 0, ignoreBody: true });
  return createAnthropicProvider({
    baseURL: 'http://replay.invalid',
    apiKey: 'k',
    fetch: (input, init) => replay(new Request(input, init)),
  });
}
for (const name of (await readdir(join(dir, 'anthropic'))).filter(
  (f) => f.startsWith('recorded_') || f.startsWith('ts_sdk_nock'),
)) {
  const cassette = importRecording(
    await readFile(join(dir, 'anthropic', name), 'utf8'),
    name.startsWith('ts_sdk') ? 'nock' : 'sdk-snapshot',
    name,
  );
  const provider = anthropicFor(cassette);
  for (const [i, interaction] of cassette.interactions.entries()) {
    const body = interaction.request.body as { stream?: boolean } | undefined;
    const outcome = await provider.complete({
      model: 'claude-sonnet-4-5',
      messages: [{ role: 'user', content: 'x' }],
      stream: body?.stream === true,
    });
    const status = interaction.response.status;
    const pass =
      status === 200
        ? outcome.state === 'ok'
        : outcome.state === 'error' && outcome.error.status === status;
    checks.push({
      file: name,
      item: String(i),
      pass,
      detail: `recorded ${status}: ${describeOutcome(outcome)}`,
    });
  }
}
const fixtures = JSON.parse(
  await readFile(join(dir, 'anthropic/anthropic_messages_sse_fixtures.json'), 'utf8'),
) as Array<{ raw_sse: string }>;
for (const [i, f] of fixtures.entries()) {
  // The stored strings lack the blank line after the last event; a server sends it.
  const outcome = await anthropicFor(
    importRecording(`${f.raw_sse}\n\n`, 'raw-sse', `fixture ${i}`),
  ).complete({
    model: 'claude-sonnet-4-5',
    messages: [{ role: 'user', content: 'x' }],
    stream: true,
  });
  checks.push({
    file: 'anthropic SSE fixture',
    item: String(i),
    pass: outcome.state === 'ok',
    detail: describeOutcome(outcome),
  });
}

for (const c of checks)
  process.stdout.write(`${c.pass ? 'PASS' : 'FAIL'} ${c.file} #${c.item}: ${c.detail}\n`);
const failed = checks.filter((c) => !c.pass).length;
process.stdout.write(`\n${checks.length - failed}/${checks.length} recordings read correctly\n`);
process.exitCode = failed === 0 ? 0 : 1;
