import type { Redis } from 'ioredis';

// The compare-and-set runs as one Lua script, so Redis checks the version and writes the value,
// the new version and the expiry in one atomic step however many processes call at once.

/**
 * KEYS[1] context hash {v, doc}; ARGV expectedVersion, draft JSON, ttlMs.
 * -> {1, newVersion} written | {0, currentVersion, doc or nil} stale | {-1} corrupt version
 */
const CAS_CONTEXT = `
local stored = redis.call('HGET', KEYS[1], 'v')
local current = 0
if stored then
  current = tonumber(stored)
  if not current or current < 1 or current % 1 ~= 0 then return {-1} end
end
if current ~= tonumber(ARGV[1]) then
  return {0, current, redis.call('HGET', KEYS[1], 'doc') or false}
end
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], 'v', string.format('%d', current + 1), 'doc', ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return {1, current + 1}
`;

const COMMAND = 'hbContextCas' as const;

export type CasReply =
  | { kind: 'written'; version: number }
  | { kind: 'stale'; version: number; doc: string | null }
  | { kind: 'corruptVersion' }
  | { kind: 'unreadable'; reply: unknown };

export type ContextCas = (
  key: string,
  expectedVersion: number,
  json: string,
  ttlMs: number,
) => Promise<CasReply>;

/** Registers the script on `client` (EVALSHA, falling back to EVAL after a restart). */
export function defineContextCas(client: Redis): ContextCas {
  client.defineCommand(COMMAND, { lua: CAS_CONTEXT, numberOfKeys: 1 });
  const command = (
    client as unknown as Record<typeof COMMAND, (...a: string[]) => Promise<unknown>>
  )[COMMAND];
  return async (key, expectedVersion, json, ttlMs) =>
    readReply(await command.call(client, key, String(expectedVersion), json, String(ttlMs)));
}

function readReply(reply: unknown): CasReply {
  if (!Array.isArray(reply) || !reply.every((item) => item === null || typeof item !== 'object'))
    return { kind: 'unreadable', reply };
  const [flag, version, doc] = reply as unknown[];
  const isVersion = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n);
  if (flag === 1 && reply.length === 2 && isVersion(version) && version >= 1)
    return { kind: 'written', version };
  if (flag === 0 && isVersion(version) && version >= 0 && (doc === null || typeof doc === 'string'))
    return { kind: 'stale', version, doc: doc };
  if (flag === -1 && reply.length === 1) return { kind: 'corruptVersion' };
  return { kind: 'unreadable', reply };
}
