export {
  type ConversationClient,
  type ConversationClientOptions,
  type ConversationOutcome,
  createConversationClient,
} from './conversation-client.js';
export { startTeamWorker, type TeamWorkerOptions, type WorkerEvent } from './team-worker.js';
export { ENDED_MESSAGE, REQUESTER, TURN_MESSAGE } from './turn-messages.js';
