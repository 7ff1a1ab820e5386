import type { Clock } from '../clock.js';
import type {
  CallOptions,
  ChatMessage,
  ModelOutcome,
  ModelRequest,
  ToolCall,
} from '../providers/provider.js';
import { noTelemetry, type Telemetry } from '../telemetry/telemetry.js';
import { type Agent, HandoffArgs } from './agent.js';
import type { ModelCallRecord, RunFailure, ToolRunRecord } from './run-records.js';
import type { AnyTool, ToolContext } from './tool.js';

/**
 * The request header naming the agent a model call is made for: backends (and the mocks' fault
 * rules) can tell one agent's calls from another's. Never a secret: only the agent's name.
 */
export const AGENT_LABEL_HEADER = 'x-bench-agent';

/** How an agent reaches a model: the raw provider, or the bridge's wrapped dispatch. */
export type ModelCaller = (request: ModelRequest, options: CallOptions) => Promise<ModelOutcome>;

export interface RunAgentOptions {
  call: ModelCaller;
  clock: Clock;
  signal: AbortSignal;
  requestId: string;
  userId?: string;
  /** Upper bound on model calls in this run; the loop stops with `max_steps` beyond it. */
  maxSteps: number;
  maxOutputTokens?: number;
  stream?: boolean;
  /** Spans for tool calls (model calls are traced by the pipeline's meter). */
  telemetry?: Telemetry;
}

interface RunTrail {
  messages: ChatMessage[];
  calls: ModelCallRecord[];
  toolRuns: ToolRunRecord[];
}

export type AgentRunResult =
  | (RunTrail & { state: 'completed'; text: string; finalCall: ModelCallRecord })
  | (RunTrail & { state: 'handoff'; to: string; reason: string; summary: string })
  | (RunTrail & { state: 'failed'; error: RunFailure });

/**
 * Runs one agent's tool loop: call the model; run the tools it asks for (arguments validated,
 * errors given back to the model as tool results); repeat until it answers in text, hands the
 * conversation to another agent, fails, or uses up `maxSteps` model calls.
 */
export async function runAgent(
  agent: Agent,
  input: readonly ChatMessage[],
  options: RunAgentOptions,
): Promise<AgentRunResult> {
  const trail: RunTrail = { messages: [...input], calls: [], toolRuns: [] };
  const tools = new Map(agent.tools.map((t) => [t.name, t]));
  const specs = agent.tools.map((t) => t.spec);
  const context: ToolContext = {
    signal: options.signal,
    conversationId: options.requestId,
    agent: agent.name,
    ...(options.userId === undefined ? {} : { userId: options.userId }),
  };

  // One object for the run's calls: middleware copies headers, never changes them.
  const headers = Object.freeze({ [AGENT_LABEL_HEADER]: agent.name });
  for (let step = 0; step < options.maxSteps; step++) {
    const startedMs = options.clock.now();
    const outcome = await options.call(
      {
        model: agent.model,
        // A snapshot: the trail keeps growing, and middleware (retries, caches) may hold the request.
        messages: [...trail.messages],
        ...(specs.length > 0 ? { tools: specs } : {}),
        ...(options.maxOutputTokens === undefined
          ? {}
          : { maxOutputTokens: options.maxOutputTokens }),
        ...(options.stream === undefined ? {} : { stream: options.stream }),
      },
      {
        signal: options.signal,
        requestId: options.requestId,
        headers,
      },
    );
    const record = toCallRecord(agent, startedMs, outcome);
    trail.calls.push(record);
    if (outcome.state === 'error') {
      const { code } = outcome.error;
      const failureCode =
        code === 'timeout' || code === 'aborted' || code === 'budget_exceeded'
          ? code
          : 'model_error';
      return {
        ...trail,
        state: 'failed',
        error: { code: failureCode, message: outcome.error.message, provider: outcome.error },
      };
    }
    const { response } = outcome;
    // A remote agent (e.g. AgentOS) ran its tools itself: record them like our own.
    for (const call of response.serverToolCalls ?? []) {
      trail.toolRuns.push({
        agent: agent.name,
        name: call.name,
        ok: !call.isError,
        latencyMs: call.durationMs ?? 0,
        output: call.result,
      });
    }
    trail.messages.push({
      role: 'assistant',
      content: response.text,
      ...(response.toolCalls.length > 0 ? { toolCalls: response.toolCalls } : {}),
    });
    if (response.toolCalls.length === 0) {
      return { ...trail, state: 'completed', text: response.text, finalCall: record };
    }
    let handoff: Awaited<ReturnType<typeof runToolCalls>>;
    try {
      handoff = await runToolCalls(
        response.toolCalls,
        tools,
        agent,
        context,
        options.clock,
        trail,
        (options.telemetry ?? noTelemetry).span,
      );
    } catch (error) {
      if (!options.signal.aborted) throw error;
      return { ...trail, state: 'failed', error: stoppedBy(options.signal) };
    }
    if (handoff) return { ...trail, state: 'handoff', ...handoff };
  }
  return {
    ...trail,
    state: 'failed',
    error: {
      code: 'max_steps',
      message: `Agent "${agent.name}" made ${options.maxSteps} model calls without finishing`,
    },
  };
}

/** The failure for a run its signal stopped: a passed deadline or a caller that gave up. */
export function stoppedBy(signal: AbortSignal): RunFailure {
  const reason: unknown = signal.reason;
  return reason instanceof Error && reason.name === 'TimeoutError'
    ? { code: 'timeout', message: 'The request deadline passed' }
    : { code: 'aborted', message: 'The request was aborted' };
}

function toCallRecord(agent: Agent, startedMs: number, outcome: ModelOutcome): ModelCallRecord {
  if (outcome.state === 'error') {
    return {
      agent: agent.name,
      model: agent.model,
      state: 'error',
      usage: { inputTokens: 0, outputTokens: 0 },
      usageEstimated: false,
      startedMs,
      latencyMs: outcome.latencyMs,
      error: outcome.error,
    };
  }
  const r = outcome.response;
  return {
    agent: agent.name,
    model: agent.model,
    answeredBy: r.model,
    state: 'ok',
    usage: r.usage,
    usageEstimated: r.usageEstimated,
    startedMs,
    latencyMs: r.latencyMs,
    ...(r.ttftMs === undefined ? {} : { ttftMs: r.ttftMs }),
    finishReason: r.finishReason,
    ...(r.cached ? { cached: true } : {}),
  };
}

/** Runs the calls in order; returns the handoff if one was asked for (it ends this agent's turn). */
async function runToolCalls(
  calls: readonly ToolCall[],
  tools: ReadonlyMap<string, AnyTool>,
  agent: Agent,
  context: ToolContext,
  clock: Clock,
  trail: RunTrail,
  span: Telemetry['span'],
): Promise<{ to: string; reason: string; summary: string } | undefined> {
  const regular = calls.filter((c) => !agent.handoffTools.has(c.name));
  const outputs = await Promise.all(
    regular.map((call) =>
      span('tool_call', { tool: call.name, agent: agent.name }, () =>
        runTool(call, tools, context, clock),
      ),
    ),
  );
  regular.forEach((call, i) => {
    const run = outputs[i] as ToolRunRecord;
    trail.toolRuns.push({ ...run, agent: agent.name });
    trail.messages.push({ role: 'tool', toolCallId: call.id, content: JSON.stringify(run.output) });
  });
  const handoffCall = calls.find((c) => agent.handoffTools.has(c.name));
  if (!handoffCall) return undefined;
  const to = agent.handoffTools.get(handoffCall.name) as string;
  const args = HandoffArgs.safeParse(safeJson(handoffCall.arguments));
  const reason = args.success ? args.data.reason : 'unspecified';
  const summary = args.success ? args.data.summary : '';
  trail.toolRuns.push({
    agent: agent.name,
    name: handoffCall.name,
    ok: true,
    latencyMs: 0,
    output: { transferredTo: to },
  });
  return { to, reason, summary };
}

async function runTool(
  call: ToolCall,
  tools: ReadonlyMap<string, AnyTool>,
  context: ToolContext,
  clock: Clock,
): Promise<Omit<ToolRunRecord, 'agent'>> {
  const startedMs = clock.now();
  const done = (ok: boolean, output: unknown) => ({
    name: call.name,
    ok,
    output,
    latencyMs: clock.now() - startedMs,
  });
  const tool = tools.get(call.name);
  if (!tool)
    return done(false, {
      error: `Unknown tool "${call.name}". Available: ${[...tools.keys()].join(', ')}`,
    });
  const parsed = tool.parameters.safeParse(safeJson(call.arguments));
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (i) => `${i.path.join('.') || '(arguments)'}: ${i.message}`,
    );
    return done(false, { error: `Invalid arguments for ${call.name}: ${problems.join('; ')}` });
  }
  try {
    return done(true, await tool.execute(parsed.data as never, context));
  } catch (error) {
    if (context.signal.aborted) throw error;
    return done(false, {
      error: `${call.name} failed: ${error instanceof Error ? error.message : String(error)}`,
    });
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
