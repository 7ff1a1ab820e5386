import { z } from 'zod';

// Message content is a string or a list of parts; only the text of text parts matters here.
const contentPart = z.looseObject({ type: z.string(), text: z.string().optional() });
const content = z.union([z.string(), z.array(contentPart)]);

const message = z.object({
  type: z.literal('message').optional(),
  role: z.enum(['user', 'assistant', 'system', 'developer']),
  content,
  id: z.string().optional(),
  status: z.string().optional(),
});

const functionCall = z.object({
  type: z.literal('function_call'),
  call_id: z.string(),
  name: z.string(),
  arguments: z.string(),
  id: z.string().optional(),
  status: z.string().optional(),
});

const functionCallOutput = z.object({
  type: z.literal('function_call_output'),
  call_id: z.string(),
  output: content,
  id: z.string().nullish(),
  status: z.string().nullish(),
});

const inputItem = z.union([message, functionCall, functionCallOutput]);

const functionTool = z.object({
  type: z.literal('function'),
  name: z.string().regex(/^[a-zA-Z0-9_-]{1,64}$/),
  description: z.string().nullish(),
  parameters: z.record(z.string(), z.unknown()).nullish(),
  strict: z.boolean().nullish(),
});

const toolChoice = z.union([
  z.enum(['none', 'auto', 'required']),
  z.object({ type: z.literal('function'), name: z.string() }),
]);

/**
 * The Responses API body fields the mock understands (function tools only). Unknown fields are
 * accepted and ignored, as an SDK may send ones the mock has no use for (`metadata`, `user`, …).
 */
export const responsesRequestSchema = z.object({
  model: z.string().min(1),
  input: z.union([z.string(), z.array(inputItem).min(1)]),
  instructions: z.string().nullish(),
  tools: z.array(functionTool).optional(),
  tool_choice: toolChoice.optional(),
  parallel_tool_calls: z.boolean().nullish(),
  stream: z.boolean().nullish(),
  store: z.boolean().nullish(),
  previous_response_id: z.string().nullish(),
  // The API's floor: "Expected a value >= 16".
  max_output_tokens: z.number().int().min(16).nullish(),
  temperature: z.number().min(0).max(2).nullish(),
});

/** A validated Responses API request. */
export type ResponsesRequest = z.infer<typeof responsesRequestSchema>;
/** One validated input item. */
export type ResponsesInputItem = z.infer<typeof inputItem>;
