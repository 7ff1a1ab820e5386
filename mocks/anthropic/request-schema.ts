import { z } from 'zod';

// Blocks keep fields the mock has no use for (cache_control, citations, ...), as the API does.
const textBlock = z.looseObject({ type: z.literal('text'), text: z.string() });
const toolUseBlock = z.looseObject({
  type: z.literal('tool_use'),
  id: z.string().min(1),
  name: z.string().min(1),
  input: z.record(z.string(), z.unknown()),
});
const toolResultBlock = z.looseObject({
  type: z.literal('tool_result'),
  tool_use_id: z.string().min(1),
  content: z.union([z.string(), z.array(z.looseObject({ type: z.string() }))]).optional(),
  is_error: z.boolean().optional(),
});
// Accepted so real conversations validate (the SDK's ContentBlockParam types); the scripted
// model reads none of them.
const opaqueBlock = <T extends string>(type: T) => z.looseObject({ type: z.literal(type) });

const contentBlock = z.discriminatedUnion('type', [
  textBlock,
  toolUseBlock,
  toolResultBlock,
  opaqueBlock('image'),
  opaqueBlock('document'),
  opaqueBlock('search_result'),
  opaqueBlock('thinking'),
  opaqueBlock('redacted_thinking'),
  opaqueBlock('server_tool_use'),
  opaqueBlock('web_search_tool_result'),
  opaqueBlock('web_fetch_tool_result'),
  opaqueBlock('code_execution_tool_result'),
  opaqueBlock('bash_code_execution_tool_result'),
  opaqueBlock('text_editor_code_execution_tool_result'),
  opaqueBlock('tool_search_tool_result'),
  opaqueBlock('container_upload'),
]);
const content = z.union([z.string(), z.array(contentBlock)]);

// API version 2026-10-21 (the SDK's default from 1.0) also allows system turns among messages.
const message = z.object({ role: z.enum(['user', 'assistant', 'system']), content });

const tool = z.looseObject({
  type: z.literal('custom').optional(),
  name: z.string().regex(/^[a-zA-Z0-9_-]{1,128}$/),
  description: z.string().optional(),
  input_schema: z.looseObject({ type: z.literal('object') }),
});

const parallel = { disable_parallel_tool_use: z.boolean().optional() };
const toolChoice = z.discriminatedUnion('type', [
  z.object({ type: z.literal('auto'), ...parallel }),
  z.object({ type: z.literal('any'), ...parallel }),
  z.object({ type: z.literal('tool'), name: z.string(), ...parallel }),
  z.object({ type: z.literal('none') }),
]);

/**
 * The Messages API body fields the mock understands. Unknown top-level fields are accepted and
 * ignored (`metadata`, `top_k`, `stop_sequences`, ...), so any SDK version gets through.
 */
export const messagesRequestSchema = z.object({
  model: z.string().min(1),
  max_tokens: z.number().int().min(1),
  messages: z.array(message).min(1),
  system: z.union([z.string(), z.array(textBlock)]).optional(),
  tools: z.array(tool).optional(),
  tool_choice: toolChoice.optional(),
  stream: z.boolean().optional(),
  temperature: z.number().min(0).max(1).optional(),
});

/** A validated Messages API request. */
export type MessagesRequest = z.infer<typeof messagesRequestSchema>;
/** One validated message of a request. */
export type RequestMessage = MessagesRequest['messages'][number];
/** One validated content block. */
export type RequestBlock = z.infer<typeof contentBlock>;
