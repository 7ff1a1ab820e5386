/** One message between agents. `body` is JSON: it is copied through JSON on send by every bus. */
export interface AgentMessage {
  /** Given by the bus on send; a broadcast keeps one id in every group it reaches. */
  id: string;
  conversationId: string;
  /** The sending agent's name. */
  from: string;
  /** The receiving agent's name, or {@link BROADCAST} for every subscribed agent. */
  to: string;
  type: string;
  body: unknown;
  /** 1 on the first delivery, incremented on each redelivery after an ack timeout. */
  attempt: number;
  /** Wall-clock milliseconds since the epoch when it was sent. */
  sentAtMs: number;
}

/** What `send` takes: the bus fills in `id`, `attempt` and `sentAtMs`. */
export type OutgoingMessage = Omit<AgentMessage, 'id' | 'attempt' | 'sentAtMs'>;

/** A message handed to one worker. Not acked within `ackTimeoutMs`, it is delivered again. */
export interface Delivery {
  message: AgentMessage;
  /** Marks the message done. A late ack (after redelivery began) is ignored. */
  ack(): Promise<void>;
}

/** A message that was delivered `maxAttempts` times without an ack. */
export interface DeadLetter {
  /** The agent (group) that failed to handle it. */
  agent: string;
  /** The message as last delivered (`attempt` = the number of deliveries). */
  message: AgentMessage;
  /** Wall-clock milliseconds since the epoch when it was given up. */
  deadAtMs: number;
}

export interface SubscribeOptions {
  /** Aborting it stops this worker; what it had not acked is redelivered to the others. */
  signal?: AbortSignal;
}

export type DeliveryHandler = (delivery: Delivery) => Promise<void>;

/**
 * Messages between agents, at least once. Every worker of one agent subscribes with the agent's
 * name as group; each message goes to one worker of the group, and each worker handles one
 * message at a time (in order).
 */
export interface AgentBus {
  /** Sends a direct (`to`: agent name) or broadcast (`to`: '*') message; resolves to its id. */
  send(message: OutgoingMessage): Promise<string>;
  /** Starts worker `consumer` of agent `agent`; resolves once it is subscribed. */
  subscribe(
    agent: string,
    consumer: string,
    handler: DeliveryHandler,
    options?: SubscribeOptions,
  ): Promise<void>;
  /** The dead letters, oldest first (at most `limit`, default 100). */
  deadLetters(limit?: number): Promise<DeadLetter[]>;
  /**
   * Forgets an agent group for good (a short-lived reply group, say): this bus's workers of it
   * stop, and its queue — unread and unacknowledged messages — is deleted, so broadcasts no
   * longer reach it. Workers of it on other processes should be stopped first.
   */
  removeAgent(agent: string): Promise<void>;
  /** Stops every worker and releases the bus; later calls fail with `HB_BUS_CLOSED`. Idempotent. */
  close(): Promise<void>;
}

/** Options every bus takes. */
export interface AgentBusOptions {
  /** How long a delivery may stay un-acked before it is redelivered. */
  ackTimeoutMs: number;
  /** Deliveries of one message before it becomes a dead letter. */
  maxAttempts: number;
  /** Told about failures the bus handles itself (a handler that threw, a lost connection). */
  onError?: (error: unknown) => void;
}

/** The `to` of a message for every subscribed agent. */
export const BROADCAST = '*';
