/** The run a tool call belongs to, as Agno's tools can see it (`run_context`). */
export interface AgnoMockToolContext {
  runId: string;
  /** The session (conversation) id: the client's `session_id`, or the one the run was given. */
  sessionId: string;
  agentId: string;
  userId?: string;
}

/** One tool of a mocked Agno agent: what the model sees, and the code that runs server-side. */
export interface AgnoMockTool {
  name: string;
  description: string;
  /** JSON Schema of the arguments; the answering policy fills them from the conversation. */
  parameters: Record<string, unknown>;
  /**
   * Runs the call. A string is the result as is, anything else is sent as JSON; a throw is a
   * failed tool call (`tool_call_error: true`), as in Agno. Default: `{"ok":true}`.
   */
  execute?: (args: Record<string, unknown>, context: AgnoMockToolContext) => unknown;
}

/** One agent served by the mock, as an `Agent(...)` in an AgentOS app would be configured. */
export interface AgnoMockAgent {
  /** Display name (`agent_name`); defaults to the agent id. */
  name?: string;
  /** Model id, e.g. `gpt-4o`; it must have a latency profile. */
  model: string;
  /** Becomes the system message the policy reads (an FAQ line can answer a question). */
  instructions: string;
  tools: readonly AgnoMockTool[];
}

/** Agents keyed by agent id (the `{agent_id}` of `/agents/{agent_id}/runs`). */
export type AgnoMockAgents = Readonly<Record<string, AgnoMockAgent>>;
