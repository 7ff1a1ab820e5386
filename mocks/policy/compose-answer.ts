import type { Random } from '../random/seeded-random.js';
import type { TokenCounter } from '../tokens/token-counter.js';
import type { AnsweringPolicy } from './answering-policy.js';
import { bestMatchingLine } from './best-matching-line.js';
import type { ConversationFacts } from './conversation-facts.js';
import type { MissingParameter } from './fill-arguments.js';

const OPENINGS = [
  'Thanks for reaching out.',
  'Happy to help with that.',
  'Thanks for getting in touch.',
] as const;
const OPENINGS_AFTER_TOOLS = [
  'Thanks for your patience while I checked.',
  'I have looked into this for you.',
  'Here is what I found.',
] as const;
const FILLERS = [
  'Let me know if there is anything else I can do for you.',
  'If anything here is unclear, just reply and I will explain further.',
  'I appreciate your patience while we sort this out.',
  'You can reply to this message at any time if something changes.',
  'I have noted the details of this conversation for future reference.',
  'Please keep this message for your records.',
  'If you have any further questions, I am here to help.',
  'Thank you for choosing us, and have a great day.',
  'Should you need anything else, we are always glad to hear from you.',
  'I will keep an eye on this in case anything else comes up.',
  'Your satisfaction matters a great deal to us.',
  'Feel free to reach out again through this chat whenever it suits you.',
] as const;
/** Most facts an answer repeats; real answers summarise rather than dump every field. */
const MAX_FACTS = 6;
/** Hard stop for the filler loop, whatever length was sampled. */
const MAX_ANSWER_TOKENS = 4096;

/** Scalar tool-result fields, salient keys first, each key once (the most recent value). */
function renderFacts(facts: ConversationFacts, salientKeys: readonly string[]): string {
  const latest = new Map<string, string | number | boolean>();
  for (const [key, value] of facts.resultFields) if (!latest.has(key)) latest.set(key, value);
  const keys = [
    ...salientKeys.filter((key) => latest.has(key)),
    ...[...latest.keys()].filter((key) => !salientKeys.includes(key)),
  ].slice(0, MAX_FACTS);
  return keys.map((key) => `${key}: ${String(latest.get(key))}`).join(', ');
}

function askFor(missing: MissingParameter): string {
  const label = (missing.description ?? missing.name.replace(/_/g, ' '))
    .trim()
    .replace(/[.!?]+$/, '')
    .replace(/^(?:the|a|an|your)\s+/i, '');
  return `Could you please share your ${label.charAt(0).toLowerCase()}${label.slice(1)}?`;
}

function shuffled<T>(items: readonly T[], random: Random): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = random.int(0, i);
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

/** Answer length in tokens: log-normal around the policy's median. */
function sampleLength(policy: AnsweringPolicy, random: Random): number {
  const { median, sigma } = policy.outputTokens;
  return Math.min(
    MAX_ANSWER_TOKENS,
    Math.max(1, Math.round(median * Math.exp(sigma * random.normal()))),
  );
}

/**
 * A final text answer: an opening, the salient facts of the tool results (or, with none, the
 * instruction line closest to the question), a request for any missing parameter, then filler
 * up to the sampled length.
 */
export function composeAnswer(
  policy: AnsweringPolicy,
  facts: ConversationFacts,
  missing: MissingParameter | undefined,
  deps: { random: Random; tokens: TokenCounter },
): string {
  const { random, tokens } = deps;
  const targetTokens = sampleLength(policy, random);
  const parts: string[] = [];
  if (facts.toolResults.length > 0) {
    parts.push(random.pick(OPENINGS_AFTER_TOOLS));
    const rendered = renderFacts(facts, policy.salientKeys ?? []);
    if (rendered !== '') parts.push(`Here are the details: ${rendered}.`);
  } else {
    parts.push(random.pick(OPENINGS));
    const line = bestMatchingLine(facts.instructions, facts.userText);
    if (line !== undefined) parts.push(line);
  }
  if (missing) parts.push(askFor(missing));

  // Fillers come in a per-answer shuffled order and only repeat once the pool is used up.
  const fillers = shuffled(FILLERS, random);
  let used = parts.reduce((sum, part) => sum + tokens.count(` ${part}`), 0);
  for (let index = 0; used < targetTokens; index += 1) {
    const filler = fillers[index % fillers.length] ?? '';
    parts.push(filler);
    used += tokens.count(` ${filler}`);
  }
  return parts.join(' ');
}
