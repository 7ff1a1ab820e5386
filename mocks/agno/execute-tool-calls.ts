import type { PlannedToolCall } from '../policy/answering-policy.js';
import type { AgnoMockTool, AgnoMockToolContext } from './agent-definition.js';

/** One tool call the agent made and ran server-side, as its ToolExecution will report it. */
export interface ExecutedToolCall {
  /** The model's call id (`call_...`), which Agno passes through as `tool_call_id`. */
  id: string;
  name: string;
  args: Record<string, unknown>;
  /** The arguments as the model wrote them. */
  argumentsJson: string;
  /** `str()` of the tool's return value in Agno; JSON here unless the tool returned a string. */
  result: string;
  isError: boolean;
}

function resultText(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? 'null');
}

/**
 * Runs one turn's tool calls with the agent's tools, each told which run it serves. Agno runs a turn's calls concurrently and
 * reports a throwing tool as a failed call whose result is the error text, not as a failed run.
 */
export async function executeToolCalls(
  calls: readonly PlannedToolCall[],
  tools: ReadonlyMap<string, AgnoMockTool>,
  nextCallId: () => string,
  context: AgnoMockToolContext,
): Promise<ExecutedToolCall[]> {
  const withIds = calls.map((call) => ({ ...call, id: nextCallId() }));
  return Promise.all(
    withIds.map(async (call): Promise<ExecutedToolCall> => {
      const base = {
        id: call.id,
        name: call.name,
        args: call.arguments,
        argumentsJson: JSON.stringify(call.arguments),
      };
      const execute = tools.get(call.name)?.execute;
      try {
        const value: unknown = execute ? await execute(call.arguments, context) : { ok: true };
        return { ...base, result: resultText(value), isError: false };
      } catch (error) {
        const text = error instanceof Error ? error.message : String(error);
        return { ...base, result: `Error in ${call.name}: ${text}`, isError: true };
      }
    }),
  );
}
