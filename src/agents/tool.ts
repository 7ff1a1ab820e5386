import { z } from 'zod';
import { ConfigError, ErrorCodes } from '../errors.js';
import type { ToolSpec } from '../providers/provider.js';

/** What a tool sees of the request it serves. */
export interface ToolContext {
  /** Aborts when the request's deadline passes or the caller gives up. */
  signal: AbortSignal;
  /** Identifies the conversation; side-effecting tools key their idempotency on it. */
  conversationId: string;
  userId?: string;
  agent: string;
}

export interface Tool<Args = unknown, Result = unknown> {
  readonly name: string;
  readonly description: string;
  /** Validates the model's arguments before `execute` runs. */
  readonly parameters: z.ZodType;
  /** The JSON Schema a model sees, derived once from `parameters`. */
  readonly spec: ToolSpec;
  /** True for tools that hand the case to people (tickets, escalations): the request counts as escalated. */
  readonly escalates: boolean;
  execute(args: Args, context: ToolContext): Promise<Result> | Result;
}

/** A tool with its argument type erased, as agents hold them. */
export type AnyTool = Tool<never, unknown>;

const TOOL_NAME = /^[a-zA-Z0-9_-]{1,64}$/;

/** JSON Schema for a model: input view, no `$schema`, closed objects. */
export function toToolJsonSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _ignored, ...json } = z.toJSONSchema(schema, { io: 'input' }) as Record<
    string,
    unknown
  >;
  return { ...json, additionalProperties: false };
}

/**
 * Defines a tool whose arguments are validated with zod before `execute` runs.
 *
 * @example
 * const lookupOrder = defineTool({
 *   name: 'lookup_order',
 *   description: 'Look up an order by its number',
 *   parameters: z.object({ order_id: z.string().regex(/^ORD-\d{5}$/) }),
 *   execute: ({ order_id }) => orders.get(order_id) ?? { error: 'not found' },
 * });
 */
export function defineTool<S extends z.ZodObject, Result>(definition: {
  name: string;
  description: string;
  parameters: S;
  escalates?: boolean;
  execute: (args: z.output<S>, context: ToolContext) => Promise<Result> | Result;
}): Tool<z.output<S>, Result> {
  if (!TOOL_NAME.test(definition.name)) {
    throw new ConfigError(
      ErrorCodes.toolDefinition,
      `Tool name "${definition.name}" is invalid: use 1-64 letters, digits, "_" or "-".`,
    );
  }
  const spec: ToolSpec = {
    name: definition.name,
    description: definition.description,
    parameters: toToolJsonSchema(definition.parameters),
  };
  return Object.freeze({
    name: definition.name,
    description: definition.description,
    parameters: definition.parameters,
    spec,
    escalates: definition.escalates ?? false,
    execute: definition.execute,
  });
}
