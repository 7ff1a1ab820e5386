export { AgentBusError, type AgentBusErrorCode, AgentBusErrorCodes } from './bus-error.js';
export { createMemoryBus, type MemoryBusOptions } from './memory-bus.js';
export { createRedisBus, type RedisBusOptions } from './redis-bus.js';
export {
  type AgentBus,
  type AgentBusOptions,
  type AgentMessage,
  BROADCAST,
  type DeadLetter,
  type Delivery,
  type DeliveryHandler,
  type OutgoingMessage,
  type SubscribeOptions,
} from './types.js';
