/**
 * The answering policy: what a scripted model does with a conversation. The engine
 * ({@link decideNextTurn}) knows nothing of any domain; a policy is plain data.
 */

/** A pattern over the user's words and the tools a real model would reach for when it matches. */
export interface PolicyIntent {
  name: string;
  /** Tested against all user messages joined; flags such as `g` are harmless. */
  match: RegExp;
  /** Tool names in the order a model would use them. */
  tools: readonly string[];
}

/** See the module comment. Intents are tried in order; earlier ones win ties. */
export interface AnsweringPolicy {
  intents: readonly PolicyIntent[];
  /** Length of final answers in tokens: log-normal, capped by the request's `max_tokens`. */
  outputTokens: { median: number; sigma: number };
  /**
   * Tool-result fields worth repeating in a final answer, most important first. Other scalar
   * fields follow them up to a small limit.
   */
  salientKeys?: readonly string[];
}

/** One message as the policy sees it: content flattened to text. */
export interface ConversationMessage {
  role: 'system' | 'developer' | 'user' | 'assistant' | 'tool';
  text: string;
  /** Tool calls an assistant message made; empty otherwise. */
  toolCalls: readonly { name: string; arguments: string }[];
}

/** A tool the request offers, with its JSON-schema parameters. */
export interface OfferedTool {
  name: string;
  description?: string;
  parameters?: Record<string, unknown>;
}

/** Everything the engine looks at for one model call. */
export interface PolicyInput {
  messages: readonly ConversationMessage[];
  tools: readonly OfferedTool[];
  /** At most three calls per turn when true, one when false. */
  parallelToolCalls: boolean;
}

/** One tool call the scripted model makes. */
export interface PlannedToolCall {
  name: string;
  arguments: Record<string, unknown>;
}

/** The scripted model's next turn: call tools, or answer in text. */
export type PolicyDecision =
  | { kind: 'tool_calls'; calls: readonly PlannedToolCall[] }
  | { kind: 'answer'; text: string };
