import type { AgnoMockAgent } from './agent-definition.js';
import { MODEL_PROVIDER } from './run-metrics.js';

/**
 * One entry of `GET /agents` (and the body of `GET /agents/{agent_id}`): agno 2.9's
 * `AgentResponse` with None fields excluded (libs/agno/agno/os/routers/agents/schema.py). Tools
 * are listed as `Function.to_dict()` writes them; the mock reports no other configuration.
 */
export function agentListing(agentId: string, agent: AgnoMockAgent) {
  return {
    id: agentId,
    name: agent.name ?? agentId,
    is_factory: false,
    model: { name: 'OpenAIChat', model: agent.model, provider: MODEL_PROVIDER },
    ...(agent.tools.length === 0
      ? {}
      : {
          tools: {
            tools: agent.tools.map(({ name, description, parameters }) => ({
              name,
              description,
              parameters,
            })),
          },
        }),
    ...(agent.instructions === '' ? {} : { system_message: { instructions: agent.instructions } }),
    is_component: false,
  };
}
