import type { RequestBlock, RequestMessage } from './request-schema.js';

interface Turn {
  role: RequestMessage['role'];
  blocks: RequestBlock[];
}

/** The API joins consecutive turns of one role before checking them, and counts indices after. */
function mergedTurns(messages: readonly RequestMessage[]): Turn[] {
  const turns: Turn[] = [];
  for (const message of messages) {
    const blocks: RequestBlock[] =
      typeof message.content === 'string'
        ? [{ type: 'text', text: message.content }]
        : message.content;
    const last = turns.at(-1);
    if (last && last.role === message.role) last.blocks.push(...blocks);
    else turns.push({ role: message.role, blocks: [...blocks] });
  }
  return turns;
}

function toolUseIds(turn: Turn | undefined): string[] {
  if (turn?.role !== 'assistant') return [];
  return turn.blocks.flatMap((block) => (block.type === 'tool_use' ? [block.id] : []));
}

/**
 * The API's own pairing rule, with its messages: every `tool_result` answers a `tool_use` of the
 * turn just before, and every `tool_use` is answered in the turn just after. A client that maps
 * tool messages wrongly gets the 400 the real API gives (see recorded_toolrunner_400_*.json).
 */
export function checkToolPairing(messages: readonly RequestMessage[]): string[] {
  const problems: string[] = [];
  const turns = mergedTurns(messages.filter((message) => message.role !== 'system'));
  turns.forEach((turn, index) => {
    const asked = new Set(toolUseIds(turns[index - 1]));
    turn.blocks.forEach((block, position) => {
      if (block.type !== 'tool_result' || asked.has(block.tool_use_id)) return;
      problems.push(
        `messages.${index}.content.${position}: unexpected \`tool_use_id\` found in \`tool_result\` blocks: ${block.tool_use_id}. Each \`tool_result\` block must have a corresponding \`tool_use\` block in the previous message.`,
      );
    });
    const next = turns[index + 1];
    if (!next) return;
    const answered = new Set(
      next.blocks.flatMap((block) => (block.type === 'tool_result' ? [block.tool_use_id] : [])),
    );
    const unanswered = toolUseIds(turn).filter((id) => !answered.has(id));
    if (unanswered.length > 0) {
      problems.push(
        `messages.${index}: \`tool_use\` ids were found without \`tool_result\` blocks immediately after: ${unanswered.join(', ')}. Each \`tool_use\` block must have a corresponding \`tool_result\` block in the next message.`,
      );
    }
  });
  return problems;
}
