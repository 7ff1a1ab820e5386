import { z } from 'zod';
import { PATH_NAMES } from '../../src/index.js';
import { messageSchema } from './schema.js';

/** One line of recorded traffic (JSON Lines): a request as it arrived. */
export const recordedRequestSchema = z.strictObject({
  atMs: z
    .number()
    .min(0)
    .optional()
    .describe('When the request arrived, in ms from the start of the recording'),
  userId: z.string().min(1).optional(),
  messages: z.array(messageSchema).min(1),
  expectedPath: z.enum(PATH_NAMES).optional().describe('The path a person labelled it with'),
});

export type RecordedRequest = z.output<typeof recordedRequestSchema>;
