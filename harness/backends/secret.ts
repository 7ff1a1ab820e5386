import { inspect } from 'node:util';

const REDACTED = '[redacted]';

/**
 * A key read from the environment. Printing, logging or serialising it shows `[redacted]`;
 * only {@link Secret.reveal} gives the value, at the one place that sends it.
 */
export class Secret {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  reveal(): string {
    return this.#value;
  }

  /** `text` with every occurrence of the key replaced, for messages that came from outside. */
  redact(text: string): string {
    return text.includes(this.#value) ? text.replaceAll(this.#value, REDACTED) : text;
  }

  toString(): string {
    return REDACTED;
  }

  toJSON(): string {
    return REDACTED;
  }

  [inspect.custom](): string {
    return `Secret(${REDACTED})`;
  }
}
