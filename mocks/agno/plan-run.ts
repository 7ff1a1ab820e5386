import type { LatencyPlan, LatencyProfile } from '../latency/latency-profile.js';
import { sampleLatency } from '../latency/sample-latency.js';
import { toolCallId } from '../openai/ids.js';
import type { AnsweringPolicy, ConversationMessage } from '../policy/answering-policy.js';
import { decideNextTurn } from '../policy/decide-next-turn.js';
import { createSeededRandom } from '../random/seeded-random.js';
import { countPromptTokens, toolCallTokens } from '../tokens/prompt-tokens.js';
import type { TokenCounter } from '../tokens/token-counter.js';
import type { AgnoMockAgent } from './agent-definition.js';
import { type ExecutedToolCall, executeToolCalls } from './execute-tool-calls.js';
import type { RunIdentity } from './identify-run.js';
import { uuidFrom } from './ids.js';
import type { RunForm } from './run-form.js';

/** Agno's loop has no cap by default; the mock stops offering tools after this many calls. */
const MAX_MODEL_CALLS = 10;

/** One model call of the run: its tokens, its wait, and what it produced. */
export interface PlannedModelCall {
  promptTokens: number;
  completionTokens: number;
  latency: LatencyPlan;
  /** The calls this turn made, already run; empty for the answering turn. */
  toolCalls: readonly ExecutedToolCall[];
  /** The final answer in pieces of about one token; empty for a tool-calling turn. */
  contentPieces: readonly string[];
}

/** Everything a run will say and how long each part takes, decided before any waiting. */
export interface PlannedRun {
  runId: string;
  sessionId: string;
  userId?: string;
  agentId: string;
  agentName: string;
  agent: AgnoMockAgent;
  message: string;
  metadata?: Record<string, unknown>;
  calls: readonly PlannedModelCall[];
  content: string;
  inputTokens: number;
  outputTokens: number;
  /** Sum of the model calls' latencies: the tools take no time. */
  durationMs: number;
  /** Ids for the run's messages, in order (system, user, then one per assistant or tool). */
  messageIds: readonly string[];
}

/** What stays fixed across the runs of one mock. */
export interface RunPlanContext {
  seed: number;
  policy: AnsweringPolicy;
  tokens: TokenCounter;
  profile: LatencyProfile;
  timeScale: number;
}

const said = (role: ConversationMessage['role'], text: string): ConversationMessage => ({
  role,
  text,
  toolCalls: [],
});

/**
 * Plays the agent's tool loop with the answering policy: each model call decides tool calls or
 * the answer, tool calls run on the agent's tools, their results join the conversation. Each call draws
 * from streams seeded by (seed, request key, agent, call index, purpose).
 */
export async function planRun(
  identity: RunIdentity,
  agentId: string,
  agent: AgnoMockAgent,
  form: RunForm,
  context: RunPlanContext,
): Promise<PlannedRun> {
  const { tokens } = context;
  const { ids } = identity;
  const streamFor = (index: number, purpose: string) =>
    createSeededRandom([context.seed, identity.requestKey, agentId, index, purpose]);

  const toolsByName = new Map(agent.tools.map((tool) => [tool.name, tool]));
  const toolContext = {
    runId: identity.runId,
    sessionId: identity.sessionId,
    agentId,
    ...(form.user_id === undefined ? {} : { userId: form.user_id }),
  };
  const offered = agent.tools.map(({ name, description, parameters }) => ({
    name,
    description,
    parameters,
  }));
  const toolsJson = offered.length > 0 ? JSON.stringify(offered) : undefined;
  const conversation: ConversationMessage[] = [
    ...(agent.instructions === '' ? [] : [said('system', agent.instructions)]),
    said('user', form.message),
  ];
  const calls: PlannedModelCall[] = [];
  let content = '';
  for (let index = 0; index < MAX_MODEL_CALLS; index += 1) {
    const lastChance = index === MAX_MODEL_CALLS - 1;
    const decision = decideNextTurn(
      context.policy,
      { messages: conversation, tools: lastChance ? [] : offered, parallelToolCalls: true },
      { random: streamFor(index, 'answer'), tokens },
    );
    const promptTokens = countPromptTokens(tokens, conversation, toolsJson);
    let toolCalls: ExecutedToolCall[] = [];
    let contentPieces: readonly string[] = [];
    let completionTokens: number;
    if (decision.kind === 'tool_calls') {
      toolCalls = await executeToolCalls(
        decision.calls,
        toolsByName,
        () => toolCallId(ids),
        toolContext,
      );
      completionTokens = toolCalls.reduce(
        (sum, call) =>
          sum + toolCallTokens(tokens, { name: call.name, arguments: call.argumentsJson }),
        0,
      );
    } else {
      const split = tokens.split(decision.text);
      content = decision.text;
      contentPieces = split.pieces;
      completionTokens = split.tokenCount;
    }
    const latency = sampleLatency(context.profile, streamFor(index, 'latency'), {
      promptTokens,
      completionTokens,
      timeScale: context.timeScale,
    });
    calls.push({ promptTokens, completionTokens, latency, toolCalls, contentPieces });
    if (decision.kind === 'answer') break;
    conversation.push({
      role: 'assistant',
      text: '',
      toolCalls: toolCalls.map((call) => ({ name: call.name, arguments: call.argumentsJson })),
    });
    for (const call of toolCalls) conversation.push(said('tool', call.result));
  }

  const messageCount = conversation.length + 1; // the final assistant message
  return {
    runId: identity.runId,
    sessionId: identity.sessionId,
    ...(form.user_id === undefined ? {} : { userId: form.user_id }),
    agentId,
    agentName: agent.name ?? agentId,
    agent,
    message: form.message,
    ...(form.metadata === undefined ? {} : { metadata: form.metadata }),
    calls,
    content,
    inputTokens: calls.reduce((sum, call) => sum + call.promptTokens, 0),
    outputTokens: calls.reduce((sum, call) => sum + call.completionTokens, 0),
    durationMs: calls.reduce((sum, call) => sum + call.latency.totalMs, 0),
    messageIds: Array.from({ length: messageCount }, () => uuidFrom(ids)),
  };
}
