/** Values a rule's parameters take when a profile leaves them out. */
export const FAULT_DEFAULTS = {
  /** `rate_limit`: what `retry-after-ms` says (and `retry-after`, rounded up to seconds). */
  retryAfterMs: 1_000,
  /** Stalls: two minutes, longer than any sensible deadline, so the client's timeout decides. */
  stallMs: 120_000,
  /** Stream faults: events passed through first (the role delta and a couple of tokens). */
  afterEvents: 3,
  /** `slow_drip`: extra wait before each event. */
  chunkDelayMs: 200,
  /** `flapping`: up 20 s, down 10 s. */
  upMs: 20_000,
  downMs: 10_000,
  /** `wrong_content_type`. */
  wrongContentTypeStatus: 200,
  /** `context_length`: gpt-4o's window; Anthropic's is 200k. */
  maxContextTokens: { openai: 128_000, anthropic: 200_000, agno: 128_000 },
  /** Request keys whose attempts are counted; the least recently seen are forgotten first. */
  maxTrackedRequests: 10_000,
} as const;
