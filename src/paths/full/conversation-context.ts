import type { HandoffRecord, ToolRunRecord } from '../../agents/run-records.js';
import type { ChatMessage } from '../../providers/provider.js';

type Fact = string | number | boolean;

/**
 * What the agents of one conversation share: the customer's transcript, the facts tools have
 * established, and the handoff history. A receiving agent gets a short note built from these
 * rather than the previous agent's whole tool-call history.
 */
export class ConversationContext {
  readonly transcript: readonly ChatMessage[];
  readonly #facts = new Map<string, Fact>();
  readonly #handoffs: HandoffRecord[] = [];

  constructor(transcript: readonly ChatMessage[]) {
    this.transcript = transcript;
  }

  get handoffs(): readonly HandoffRecord[] {
    return this.#handoffs;
  }

  get facts(): ReadonlyMap<string, Fact> {
    return this.#facts;
  }

  /** Keeps the top-level scalar fields of successful tool results as facts (latest wins). */
  absorb(toolRuns: readonly ToolRunRecord[]): void {
    for (const run of toolRuns) {
      if (!run.ok || typeof run.output !== 'object' || run.output === null) continue;
      for (const [key, value] of Object.entries(run.output)) {
        if (key === 'error') continue;
        if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
          this.#facts.set(key, value);
        }
      }
    }
  }

  recordHandoff(handoff: HandoffRecord): void {
    this.#handoffs.push(handoff);
  }

  /** The note a receiving agent reads in its system message; empty for the first agent. */
  handoffNote(): string {
    const last = this.#handoffs.at(-1);
    if (!last) return '';
    const facts = [...this.#facts].map(([k, v]) => `${k}=${String(v)}`).join(', ');
    return [
      `\n\nHandoff from ${last.from}: ${last.reason}.`,
      last.summary ? `Summary: ${last.summary}` : '',
      facts ? `Facts established so far: ${facts}.` : '',
      `Agents so far: ${this.#handoffs.map((h) => h.from).join(' → ')} → ${last.to}.`,
    ]
      .filter(Boolean)
      .join('\n');
  }
}
