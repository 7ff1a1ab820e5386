import type { Redis } from 'ioredis';
import { StateStoreError, StateStoreErrorCodes } from './state-store-error.js';

// Each read-modify-write runs as one Lua script, so Redis executes it atomically however many
// replicas call at once. Numbers travel as decimal strings (String(n) in, tonumber() out), and
// fractional state is stored with %.17g so it reads back bit for bit. Lua numbers are doubles,
// like JavaScript's; the token arithmetic mirrors `token-bucket.ts` operation for operation.

/**
 * KEYS[1] bucket hash {t, at}; ARGV capacity, refillPerSecond, cost, nowMs.
 * -> {allowed, remaining, retryAfterMs or -1 for never}
 */
const TAKE_TOKENS = `
local capacity, refill = tonumber(ARGV[1]), tonumber(ARGV[2])
local cost, now, eps = tonumber(ARGV[3]), tonumber(ARGV[4]), 1e-9
local tokens, updated = capacity, now
local stored = redis.call('HMGET', KEYS[1], 't', 'at')
if stored[1] and stored[2] then
  local last = tonumber(stored[2])
  tokens = math.min(capacity, tonumber(stored[1]) + (math.max(0, now - last) * refill) / 1000)
  updated = math.max(last, now)
end
local allowed, retry = 0, 0
if cost > capacity then retry = -1
elseif tokens + eps >= cost then allowed = 1; tokens = math.max(0, tokens - cost)
elseif refill > 0 then retry = math.max(1, math.ceil((cost - tokens) * 1000 / refill - eps))
else retry = -1 end
if tokens >= capacity then
  redis.call('DEL', KEYS[1])
else
  local t, at = string.format('%.17g', tokens), string.format('%.17g', updated)
  redis.call('HSET', KEYS[1], 't', t, 'at', at)
  -- A bucket left alone refills to full, and a full bucket is the same as none: let it vanish.
  if refill > 0 then
    local fullInMs = math.ceil((capacity - tokens) * 1000 / refill) + 1
    redis.call('PEXPIRE', KEYS[1], string.format('%d', fullInMs))
  else
    redis.call('PERSIST', KEYS[1])
  end
end
return {allowed, math.floor(tokens + eps), retry}
`;

/** Sums the live buckets of a window hash with fields '<bucketIndex>:s' and '<bucketIndex>:f'. */
const SUM_WINDOW = (sweep: boolean) => `
local oldest = tonumber(ARGV[1]) - tonumber(ARGV[2])
local fields = redis.call('HGETALL', KEYS[1])
local s, f = 0, 0
for i = 1, #fields, 2 do
  local name = fields[i]
  local sep = string.find(name, ':', 1, true)
  if tonumber(string.sub(name, 1, sep - 1)) > oldest then
    if string.sub(name, sep + 1) == 's' then s = s + tonumber(fields[i + 1])
    else f = f + tonumber(fields[i + 1]) end
  ${sweep ? "else redis.call('HDEL', KEYS[1], name)" : ''}
  end
end
return {s, f}
`;

/** KEYS[1] window hash; ARGV bucketIndex, bucketCount, ok (1|0), windowMs. -> {s, f} */
const RECORD_OUTCOME = `
redis.call('HINCRBY', KEYS[1], ARGV[1] .. (ARGV[3] == '1' and ':s' or ':f'), 1)
redis.call('PEXPIRE', KEYS[1], ARGV[4])
${SUM_WINDOW(true)}`;

/** KEYS[1] window hash; ARGV bucketIndex, bucketCount. -> {s, f} */
const READ_OUTCOMES = SUM_WINDOW(false);

/** KEYS[1] breaker hash; ARGV expectedVersion, then field, value pairs. -> 1 written | 0 stale */
const CAS_BREAKER = `
local current = tonumber(redis.call('HGET', KEYS[1], 'version') or '0')
if current ~= tonumber(ARGV[1]) then return 0 end
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], 'version', string.format('%d', current + 1), unpack(ARGV, 2))
return 1
`;

/** KEYS[1] counter; ARGV amount, ttlMs. The expiry is set once, at creation. -> total */
const ADD_TO_COUNTER = `
local total = redis.call('INCRBY', KEYS[1], ARGV[1])
if redis.call('PTTL', KEYS[1]) < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return total
`;

const SCRIPTS = {
  hbTakeTokens: { lua: TAKE_TOKENS, numberOfKeys: 1 },
  hbRecordOutcome: { lua: RECORD_OUTCOME, numberOfKeys: 1 },
  hbReadOutcomes: { lua: READ_OUTCOMES, numberOfKeys: 1, readOnly: true },
  hbCasBreaker: { lua: CAS_BREAKER, numberOfKeys: 1 },
  hbAddToCounter: { lua: ADD_TO_COUNTER, numberOfKeys: 1 },
} as const;

type ScriptName = keyof typeof SCRIPTS;
type Arg = string | number;

/** The scripts as typed functions; each reply is checked before it is trusted. */
export interface StateScripts {
  takeTokens(key: string, ...args: [Arg, Arg, Arg, Arg]): Promise<[number, number, number]>;
  recordOutcome(key: string, ...args: [Arg, Arg, Arg, Arg]): Promise<[number, number]>;
  readOutcomes(key: string, ...args: [Arg, Arg]): Promise<[number, number]>;
  casBreaker(key: string, expectedVersion: number, fields: string[]): Promise<boolean>;
  addToCounter(key: string, amount: number, ttlMs: number): Promise<number>;
}

/** Registers the scripts on `client` (EVALSHA, falling back to EVAL once after a restart). */
export function defineStateScripts(client: Redis): StateScripts {
  for (const [name, definition] of Object.entries(SCRIPTS)) client.defineCommand(name, definition);
  const run = (name: ScriptName, key: string, args: Arg[]): Promise<unknown> => {
    const command = (client as unknown as Record<ScriptName, (...a: Arg[]) => Promise<unknown>>)[
      name
    ];
    return command.call(client, key, ...args);
  };
  return {
    takeTokens: async (key, ...args) => integers(await run('hbTakeTokens', key, args), 3),
    recordOutcome: async (key, ...args) => integers(await run('hbRecordOutcome', key, args), 2),
    readOutcomes: async (key, ...args) => integers(await run('hbReadOutcomes', key, args), 2),
    casBreaker: async (key, expected, fields) =>
      integers([await run('hbCasBreaker', key, [expected, ...fields])], 1)[0] === 1,
    addToCounter: async (key, amount, ttlMs) =>
      integers([await run('hbAddToCounter', key, [amount, ttlMs])], 1)[0],
  };
}

function integers(reply: unknown, count: 1): [number];
function integers(reply: unknown, count: 2): [number, number];
function integers(reply: unknown, count: 3): [number, number, number];
function integers(reply: unknown, count: number): number[] {
  if (
    Array.isArray(reply) &&
    reply.length === count &&
    reply.every((n) => typeof n === 'number' && Number.isSafeInteger(n))
  )
    return reply as number[];
  throw new StateStoreError(
    StateStoreErrorCodes.badReply,
    `Redis script replied ${JSON.stringify(reply)}, expected ${count} integer(s)`,
  );
}
