import { createSeededRandom, hashText, type Random } from '../random/seeded-random.js';
import { uuidFrom } from './ids.js';
import type { RunForm } from './run-form.js';

/** A run's ids and the key its randomness derives from, known before anything can fail. */
export interface RunIdentity {
  requestKey: string;
  runId: string;
  sessionId: string;
  /** Draws the run's remaining ids (tool calls, messages). */
  ids: Random;
}

/**
 * Names a run. The request key is the client's `x-client-request-id`, or else a hash of session
 * and message, so a repeated request gets the same run.
 */
export function identifyRun(
  seed: number,
  agentId: string,
  form: RunForm,
  clientRequestId: string | null,
): RunIdentity {
  const requestKey = clientRequestId ?? hashText(JSON.stringify([form.session_id, form.message]));
  const ids = createSeededRandom([seed, requestKey, agentId, 'ids']);
  const runId = uuidFrom(ids);
  return { requestKey, runId, sessionId: form.session_id ?? uuidFrom(ids), ids };
}
