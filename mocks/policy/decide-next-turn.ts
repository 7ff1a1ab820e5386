import type { Random } from '../random/seeded-random.js';
import type { TokenCounter } from '../tokens/token-counter.js';
import type {
  AnsweringPolicy,
  OfferedTool,
  PlannedToolCall,
  PolicyDecision,
  PolicyInput,
} from './answering-policy.js';
import { composeAnswer } from './compose-answer.js';
import { readConversation } from './conversation-facts.js';
import { fillArguments, type MissingParameter } from './fill-arguments.js';

/** Most tool calls in one turn when parallel calls are allowed. */
const MAX_PARALLEL_CALLS = 3;

/** Handoffs to another agent are tools by naming convention, and are always made alone. */
function isHandoff(name: string): boolean {
  return name.startsWith('transfer_to_');
}

/**
 * The scripted model: call the tools the user's words call for, in intent order, as long as their
 * arguments can be filled; otherwise answer in text.
 *
 * @example
 * const decision = decideNextTurn(customerSupportPolicy, {
 *   messages: [{ role: 'user', text: 'Where is my order ORD-10001?', toolCalls: [] }],
 *   tools: [lookupOrderTool],
 *   parallelToolCalls: true,
 * }, { random, tokens });
 * // { kind: 'tool_calls', calls: [{ name: 'lookup_order', arguments: { order_id: 'ORD-10001' } }] }
 */
export function decideNextTurn(
  policy: AnsweringPolicy,
  input: PolicyInput,
  deps: { random: Random; tokens: TokenCounter },
): PolicyDecision {
  const facts = readConversation(input.messages);
  const offered = new Map<string, OfferedTool>(input.tools.map((tool) => [tool.name, tool]));
  // search() ignores lastIndex, so a policy regex with the `g` flag still behaves.
  const wished = policy.intents
    .filter((intent) => facts.userText.search(intent.match) >= 0)
    .flatMap((intent) => intent.tools);
  const candidates = [...new Set(wished)].filter(
    (name) => offered.has(name) && !facts.called.has(name),
  );

  const maxCalls = input.parallelToolCalls ? MAX_PARALLEL_CALLS : 1;
  const batch: PlannedToolCall[] = [];
  let missing: MissingParameter | undefined;
  for (const name of candidates) {
    if (batch.length >= maxCalls || (isHandoff(name) && batch.length > 0)) break;
    const filled = fillArguments(offered.get(name)?.parameters, facts);
    if (filled.state === 'missing') {
      // With calls already planned, this one may need their results: wait for the next turn.
      if (batch.length > 0) break;
      missing ??= filled.parameter;
      continue;
    }
    batch.push({ name, arguments: filled.arguments });
    if (isHandoff(name)) break;
  }
  if (batch.length > 0) return { kind: 'tool_calls', calls: batch };
  return { kind: 'answer', text: composeAnswer(policy, facts, missing, deps) };
}
