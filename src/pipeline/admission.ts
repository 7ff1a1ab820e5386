import type { ResilienceConfig } from '../config/resilience-schema.js';
import type { StateStore } from '../state/state-store.js';

export type Admission =
  | { admitted: true }
  | {
      admitted: false;
      reason: 'rate_limited' | 'budget_exceeded';
      scope: string;
      retryAfterMs?: number;
    };

const DAY_MS = 86_400_000;
const MICRO = 1e6;

/** The key of a user's spend today (UTC): budgets reset at midnight UTC. */
export function dailySpendKey(userId: string | undefined, nowMs: number): string {
  return `spend:${userId ?? 'anonymous'}:${utcDay(nowMs)}`;
}

// The day's name is computed once per day, not per request.
let cachedDay = { number: Number.NaN, name: '' };
function utcDay(nowMs: number): string {
  const number = Math.floor(nowMs / DAY_MS);
  if (number !== cachedDay.number)
    cachedDay = { number, name: new Date(nowMs).toISOString().slice(0, 10) };
  return cachedDay.name;
}

/**
 * Whether a request may start: the global and per-user rate limits (token buckets in the shared
 * store) and the user's daily budget. A refusal is a value with the scope that refused it and,
 * for rate limits, when to come back.
 */
export async function admitRequest(
  store: StateStore,
  config: Pick<ResilienceConfig, 'rateLimits' | 'budgets'>,
  userId: string | undefined,
  nowMs: number,
): Promise<Admission> {
  const { global, perUser } = config.rateLimits;
  if (global) {
    const take = await store.takeTokens('requests:global', global, 1, nowMs);
    if (!take.allowed)
      return {
        admitted: false,
        reason: 'rate_limited',
        scope: 'global',
        retryAfterMs: take.retryAfterMs,
      };
  }
  if (perUser) {
    const take = await store.takeTokens(
      `requests:user:${userId ?? 'anonymous'}`,
      perUser,
      1,
      nowMs,
    );
    if (!take.allowed)
      return {
        admitted: false,
        reason: 'rate_limited',
        scope: 'user',
        retryAfterMs: take.retryAfterMs,
      };
  }
  const daily = config.budgets.perUserDailyUsd;
  if (daily !== undefined) {
    const spentMicro = await store.readCounter(dailySpendKey(userId, nowMs));
    if (spentMicro >= daily * MICRO) {
      const nextDayMs = Math.ceil((nowMs + 1) / DAY_MS) * DAY_MS;
      return {
        admitted: false,
        reason: 'budget_exceeded',
        scope: 'user-daily',
        retryAfterMs: nextDayMs - nowMs,
      };
    }
  }
  return { admitted: true };
}

/** Adds a finished request's cost to its user's spend today (kept two days, then forgotten). */
export async function recordSpend(
  store: StateStore,
  userId: string | undefined,
  costUsd: number,
  nowMs: number,
): Promise<void> {
  const micro = Math.round(costUsd * MICRO);
  if (micro > 0) await store.addToCounter(dailySpendKey(userId, nowMs), micro, 2 * DAY_MS);
}
