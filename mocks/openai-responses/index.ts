export type {
  OpenAIResponsesHandler,
  OpenAIResponsesMockOptions,
} from './create-openai-responses-mock.js';
export { createOpenAIResponsesMock } from './create-openai-responses-mock.js';
