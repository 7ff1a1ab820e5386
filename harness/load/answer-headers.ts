import { isPathName, type PathName } from '../../src/index.js';

/** What the bridge server says about an answer in its headers. */
export interface AnswerHeaders {
  /** `x-bench-path`, when it names a path (not `prototype`, `canned`…). */
  servedPath?: PathName;
  /** `x-bench-cost-usd`. */
  costUsd?: number;
}

/**
 * Reads `x-bench-path` and `x-bench-cost-usd` from headers as the HTTP parser hands them over:
 * a flat `[name, value, name, value, …]` list, names in any case.
 * @example answerHeadersOf(['X-Bench-Path', 'simple', 'x-bench-cost-usd', '0.0012']) // { servedPath: 'simple', costUsd: 0.0012 }
 */
export function answerHeadersOf(raw: readonly string[]): AnswerHeaders {
  const out: AnswerHeaders = {};
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = (raw[i] as string).toLowerCase();
    const value = (raw[i + 1] as string).trim();
    if (name === 'x-bench-path' && isPathName(value)) out.servedPath = value;
    else if (name === 'x-bench-cost-usd') {
      const cost = Number(value);
      if (value !== '' && Number.isFinite(cost) && cost >= 0) out.costUsd = cost;
    }
  }
  return out;
}

/** A streamed chunk that carries answer text: a `"content"` field that is not empty. */
const CONTENT_CHUNK = /"content":"(?!")/;

/** Whether raw bytes of an SSE stream hold a chunk with answer text (not the role-only opener). */
export function carriesContent(chunk: Buffer): boolean {
  return CONTENT_CHUNK.test(chunk.toString('latin1'));
}
