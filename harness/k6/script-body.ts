/**
 * The part of a generated k6 script that is the same for every suite: metrics, the request mix,
 * one request per iteration and what is recorded about its answer. It refers to the constants
 * the header defines (BASE_URL, API_KEY, STREAM, OFFERED_RPS, REQUESTS, CEILINGS, TIMEOUT).
 */
export const SCRIPT_BODY = `// Only 2xx answers are expected: http_req_failed counts every other answer and every non-answer.
http.setResponseCallback(http.expectedStatuses({ min: 200, max: 299 }));

const costUsd = new Trend('cost_usd');
const answeredOk = new Rate('answered_ok');
const metSla = new Rate('met_sla');
const transportErrors = new Counter('transport_errors');
const offeredRps = new Gauge('bench_target_rps');
const ttftMs = new Trend('ttft_ms', true);

const TOTAL_WEIGHT = REQUESTS.reduce((sum, request) => sum + request.weight, 0);
const GOLDEN_RATIO = 0.6180339887498949;

/** The request for iteration n of the whole test: each takes its weight's share, evenly spread. */
function requestFor(iteration: number): SuiteRequest {
  let point = ((iteration * GOLDEN_RATIO) % 1) * TOTAL_WEIGHT;
  for (const request of REQUESTS) {
    if (point < request.weight) return request;
    point -= request.weight;
  }
  return REQUESTS[REQUESTS.length - 1] as SuiteRequest;
}

/** A fraction as k6 writes execution segments: 1/4, 25% or 0.25. */
function fraction(text: string): number {
  const trimmed = text.trim();
  if (trimmed.endsWith('%')) return Number(trimmed.slice(0, -1)) / 100;
  const [numerator = '', denominator] = trimmed.split('/');
  return denominator === undefined ? Number(numerator) : Number(numerator) / Number(denominator);
}

/**
 * This k6 instance's share of the test. k6-operator starts each of its runners with an execution
 * segment (1/4:2/4 and so on) and k6 divides the arrival rate and the VUs by it itself.
 */
function segmentShare(segment: string | undefined): number {
  if (segment === undefined || segment === '') return 1;
  const [from = '0', to] = segment.split(':');
  const share = to === undefined ? fraction(from) : fraction(to) - fraction(from);
  return share > 0 && share <= 1 ? share : 1;
}

function header(headers: Record<string, string>, name: string): string | undefined {
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name) return value;
  }
  return undefined;
}

interface Completion {
  choices?: { message?: { content?: string | null }; delta?: { content?: string | null } }[];
}

/** The answer of a chat.completion body, or of a stream of chat.completion.chunk events. */
function answerOf(body: string): string {
  try {
    if (!STREAM) return (JSON.parse(body) as Completion).choices?.[0]?.message?.content ?? '';
    let text = '';
    for (const line of body.split('\\n')) {
      const data = line.startsWith('data:') ? line.slice(5).trim() : '';
      if (data === '' || data === '[DONE]') continue;
      text += (JSON.parse(data) as Completion).choices?.[0]?.delta?.content ?? '';
    }
    return text;
  } catch {
    return '';
  }
}

export function setup(): void {
  if (API_KEY === '') throw new Error('Set HB_API_KEY to an API key of the bridge server.');
}

export default function (): void {
  const request = requestFor(exec.scenario.iterationInTest);
  const tags = { path: request.path };
  if (OFFERED_RPS !== null) {
    offeredRps.add(OFFERED_RPS * segmentShare(exec.test.options.executionSegment));
  }
  const body = { model: 'hybrid-bench', messages: request.messages, ...(STREAM ? { stream: true } : {}) };
  const res = http.post(\`\${BASE_URL}/chat/completions\`, JSON.stringify(body), {
    headers: {
      authorization: \`Bearer \${API_KEY}\`,
      'content-type': 'application/json',
      'x-bench-path': request.path,
    },
    tags,
    timeout: TIMEOUT,
  });
  if (res.status === 0) transportErrors.add(1, tags);
  const answer = res.status === 200 && typeof res.body === 'string' ? answerOf(res.body) : '';
  const answered = res.status === 200 && answer.trim() !== '';
  check(
    res,
    {
      'status is 200': (r) => r.status === 200,
      'answer is not empty': () => answer.trim() !== '',
    },
    tags,
  );
  answeredOk.add(answered, tags);
  const cost = Number(header(res.headers, 'x-bench-cost-usd'));
  if (res.status === 200 && Number.isFinite(cost)) costUsd.add(cost, tags);
  const ceiling = CEILINGS[request.path];
  metSla.add(answered && res.timings.duration < ceiling.latencyMs && cost < ceiling.costUsd, tags);
  if (STREAM && res.status === 200) ttftMs.add(res.timings.waiting, tags);
}
`;
