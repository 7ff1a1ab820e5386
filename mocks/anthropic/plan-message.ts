import type { LatencyPlan, LatencyProfile } from '../latency/latency-profile.js';
import { sampleLatency } from '../latency/sample-latency.js';
import type { AnsweringPolicy } from '../policy/answering-policy.js';
import { decideNextTurn } from '../policy/decide-next-turn.js';
import { createSeededRandom, hashText } from '../random/seeded-random.js';
import { countPromptTokens, toolCallTokens } from '../tokens/prompt-tokens.js';
import type { TokenCounter } from '../tokens/token-counter.js';
import { anthropicRequestId, messageId, toolUseId } from './ids.js';
import { policyInput } from './policy-input.js';
import type { MessagesRequest } from './request-schema.js';

/** One `tool_use` block of the answer; `json` is its input as streamed. */
export interface PlannedToolUse {
  id: string;
  name: string;
  input: Record<string, unknown>;
  json: string;
}

/** Everything one response will say and how long it will take, decided before any waiting. */
export interface PlannedMessage {
  id: string;
  requestId: string;
  /** As the request named it: the mock echoes the model. */
  model: string;
  /** Text of the answer in streamed pieces (about one per token); empty for tool use. */
  textPieces: readonly string[];
  toolUses: readonly PlannedToolUse[];
  stopReason: 'end_turn' | 'max_tokens' | 'tool_use';
  inputTokens: number;
  outputTokens: number;
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

/**
 * Decides one response, by the OpenAI mock's rule: each purpose draws from its own stream, seeded
 * by (seed, request key, model, message count, purpose). The request key is the client's
 * `x-client-request-id`, else a hash of the system prompt and messages.
 */
export function planMessage(
  request: MessagesRequest,
  clientRequestId: string | null,
  context: PlanContext,
): PlannedMessage {
  const { tokens } = context;
  const requestKey =
    clientRequestId ?? hashText(JSON.stringify([request.system ?? null, request.messages]));
  const streamFor = (purpose: string) =>
    createSeededRandom([context.seed, requestKey, request.model, request.messages.length, purpose]);

  const input = policyInput(request);
  const decision = decideNextTurn(context.policy, input, { random: streamFor('answer'), tokens });

  const ids = streamFor('ids');
  const id = messageId(ids);
  const requestId = anthropicRequestId(ids);
  let textPieces: readonly string[] = [];
  let toolUses: PlannedToolUse[] = [];
  let stopReason: PlannedMessage['stopReason'] = 'end_turn';
  let outputTokens: number;
  if (decision.kind === 'tool_calls') {
    toolUses = decision.calls.map((call) => ({
      id: toolUseId(ids),
      name: call.name,
      input: call.arguments,
      json: JSON.stringify(call.arguments),
    }));
    outputTokens = toolUses.reduce(
      (sum, use) => sum + toolCallTokens(tokens, { name: use.name, arguments: use.json }),
      0,
    );
    stopReason = 'tool_use';
  } else {
    let split = tokens.split(decision.text);
    if (split.tokenCount > request.max_tokens) {
      split = tokens.split(tokens.truncate(decision.text, request.max_tokens));
      stopReason = 'max_tokens';
    }
    textPieces = split.pieces;
    outputTokens = split.tokenCount;
  }

  const toolsJson = request.tools ? JSON.stringify(request.tools) : undefined;
  const inputTokens = countPromptTokens(tokens, input.messages, toolsJson);
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
    promptTokens: inputTokens,
    completionTokens: outputTokens,
    timeScale: context.timeScale,
  });
  return {
    id,
    requestId,
    model: request.model,
    textPieces,
    toolUses,
    stopReason,
    inputTokens,
    outputTokens,
    latency,
  };
}
