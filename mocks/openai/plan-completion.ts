import type { LatencyPlan, LatencyProfile } from '../latency/latency-profile.js';
import { sampleLatency } from '../latency/sample-latency.js';
import type {
  AnsweringPolicy,
  ConversationMessage,
  OfferedTool,
} from '../policy/answering-policy.js';
import { decideNextTurn } from '../policy/decide-next-turn.js';
import { createSeededRandom, hashText } from '../random/seeded-random.js';
import { countPromptTokens, toolCallTokens } from '../tokens/prompt-tokens.js';
import type { TokenCounter } from '../tokens/token-counter.js';
import { completionId, requestId, systemFingerprint, toolCallId } from './ids.js';
import { responseModelName } from './model-names.js';
import type { ChatCompletionRequest, RequestMessage } from './request-schema.js';

/** Everything one response will say and how long it will take, decided before any waiting. */
export interface PlannedCompletion {
  id: string;
  requestId: string;
  model: string;
  systemFingerprint: string;
  /** Text of the answer in streamed pieces (about one per token); empty for tool calls. */
  contentPieces: readonly string[];
  toolCalls: readonly { id: string; name: string; arguments: string }[];
  finishReason: 'stop' | 'length' | 'tool_calls';
  promptTokens: number;
  completionTokens: number;
  latency: LatencyPlan;
}

/** What stays fixed across the calls of one mock. */
export interface PlanContext {
  seed: number;
  policy: AnsweringPolicy;
  tokens: TokenCounter;
  profile: LatencyProfile;
  timeScale: number;
  /** How many times this same call was made before (0 the first time). */
  attempt?: number;
}

function textOf(content: RequestMessage['content']): string {
  if (content === null || content === undefined) return '';
  if (typeof content === 'string') return content;
  return content.map((part) => part.text ?? '').join('');
}

function toConversation(message: RequestMessage): ConversationMessage {
  const toolCalls =
    message.role === 'assistant' ? (message.tool_calls ?? []).map((call) => call.function) : [];
  return { role: message.role, text: textOf(message.content), toolCalls };
}

function offeredTools(request: ChatCompletionRequest): OfferedTool[] {
  const all = (request.tools ?? []).map((tool) => tool.function);
  const choice = request.tool_choice;
  if (choice === 'none') return [];
  if (typeof choice === 'object') return all.filter((tool) => tool.name === choice.function.name);
  return all;
}

/**
 * Decides one response. Each purpose draws from its own stream, seeded by (seed, request key,
 * model, message count, purpose), so the text never shifts the latency and call order never
 * matters.
 */
export function planCompletion(
  request: ChatCompletionRequest,
  clientRequestId: string | null,
  context: PlanContext,
): PlannedCompletion {
  const { tokens } = context;
  const requestKey = clientRequestId ?? hashText(JSON.stringify(request.messages));
  const streamFor = (purpose: string) =>
    createSeededRandom([context.seed, requestKey, request.model, request.messages.length, purpose]);

  const messages = request.messages.map(toConversation);
  const decision = decideNextTurn(
    context.policy,
    {
      messages,
      tools: offeredTools(request),
      parallelToolCalls: request.parallel_tool_calls !== false,
    },
    { random: streamFor('answer'), tokens },
  );

  const ids = streamFor('ids');
  const id = completionId(ids);
  const reqId = requestId(ids);
  let contentPieces: readonly string[] = [];
  let toolCalls: PlannedCompletion['toolCalls'] = [];
  let finishReason: PlannedCompletion['finishReason'] = 'stop';
  let completionTokens = 0;
  if (decision.kind === 'tool_calls') {
    toolCalls = decision.calls.map((call) => ({
      id: toolCallId(ids),
      name: call.name,
      arguments: JSON.stringify(call.arguments),
    }));
    completionTokens = toolCalls.reduce((sum, call) => sum + toolCallTokens(tokens, call), 0);
    finishReason = 'tool_calls';
  } else {
    // The same question gets the same answer: its split comes from the counter's cache.
    let split = tokens.split(decision.text);
    const maxTokens = request.max_completion_tokens ?? request.max_tokens;
    if (maxTokens != null && split.tokenCount > maxTokens) {
      split = tokens.split(tokens.truncate(decision.text, maxTokens));
      finishReason = 'length';
    }
    contentPieces = split.pieces;
    completionTokens = split.tokenCount;
  }

  const toolsJson = request.tools ? JSON.stringify(request.tools) : undefined;
  const promptTokens = countPromptTokens(tokens, messages, toolsJson);
  // A repeat of the same call (a retry, a hedge) is a new draw of timing, as on a real backend;
  // what the model says stays the same.
  const latencyStream = context.attempt
    ? createSeededRandom([
        context.seed,
        requestKey,
        request.model,
        request.messages.length,
        'latency',
        context.attempt,
      ])
    : streamFor('latency');
  const latency = sampleLatency(context.profile, latencyStream, {
    promptTokens,
    completionTokens,
    timeScale: context.timeScale,
  });
  return {
    id,
    requestId: reqId,
    model: responseModelName(request.model),
    // A fingerprint names a deployment, so it stays the same for every call to one model.
    systemFingerprint: systemFingerprint(createSeededRandom([context.seed, request.model, 'fp'])),
    contentPieces,
    toolCalls,
    finishReason,
    promptTokens,
    completionTokens,
    latency,
  };
}
