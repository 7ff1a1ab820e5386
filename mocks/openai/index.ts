export type { OpenAIChatHandler, OpenAIChatMockOptions } from './create-openai-chat-mock.js';
export { createOpenAIChatMock } from './create-openai-chat-mock.js';
export { modelSnapshots, responseModelName } from './model-names.js';
