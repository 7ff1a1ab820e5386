import { AgentBusError, AgentBusErrorCodes } from './bus-error.js';
import { type AgentBusOptions, BROADCAST, type OutgoingMessage } from './types.js';

const NAME = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/;
/** Names the Redis bus uses for its own keys beside the agents' streams. */
const RESERVED = new Set(['agents', 'dead']);

function bad(message: string): AgentBusError {
  return new AgentBusError(AgentBusErrorCodes.badArgument, message);
}

/** Throws unless `name` can name an agent (a group) or a worker. */
export function checkName(what: 'agent' | 'consumer', name: string): void {
  if (typeof name !== 'string' || !NAME.test(name))
    throw bad(
      `The ${what} name ${JSON.stringify(name)} is not 1-128 letters, digits, '_', '.', ':' or '-' starting with a letter or digit.`,
    );
  if (what === 'agent' && RESERVED.has(name))
    throw bad(`The agent name ${JSON.stringify(name)} is reserved by the bus; choose another.`);
}

export function checkBusOptions(options: AgentBusOptions): void {
  if (!Number.isInteger(options.ackTimeoutMs) || options.ackTimeoutMs <= 0)
    throw bad(`ackTimeoutMs must be a positive integer, got ${String(options.ackTimeoutMs)}.`);
  if (!Number.isInteger(options.maxAttempts) || options.maxAttempts < 1)
    throw bad(`maxAttempts must be an integer of at least 1, got ${String(options.maxAttempts)}.`);
}

/** Checks an outgoing message and returns its body as JSON text. */
export function checkOutgoing(message: OutgoingMessage): string {
  if (message.to !== BROADCAST) checkName('agent', message.to);
  checkName('agent', message.from);
  if (typeof message.conversationId !== 'string' || message.conversationId === '')
    throw bad('conversationId must be a non-empty string.');
  if (typeof message.type !== 'string' || message.type === '')
    throw bad('type must be a non-empty string.');
  let json: string | undefined;
  try {
    json = JSON.stringify(message.body);
  } catch (error) {
    throw new AgentBusError(
      AgentBusErrorCodes.badArgument,
      `The body of a ${JSON.stringify(message.type)} message is not JSON: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
  if (json === undefined)
    throw bad(`The body of a ${JSON.stringify(message.type)} message is not JSON (undefined).`);
  return json;
}

export function closedError(): AgentBusError {
  return new AgentBusError(AgentBusErrorCodes.closed, 'The agent bus is closed.');
}
