export type { AgnoMockAgent, AgnoMockAgents, AgnoMockTool } from './agent-definition.js';
export type { AgnoAgentOSHandler, AgnoAgentOSMockOptions } from './create-agno-agentos-mock.js';
export { createAgnoAgentOSMock } from './create-agno-agentos-mock.js';
export { defaultAgnoAgents, supportAgent } from './support-agent.js';
