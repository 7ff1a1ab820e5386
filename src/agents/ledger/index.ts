export { createRedisLedger, type RedisLedgerOptions } from './redis-ledger.js';
export {
  createMemoryLedger,
  type LedgerEntry,
  type MemoryLedgerOptions,
  type SideEffectLedger,
} from './side-effect-ledger.js';
