export type {
  AnsweringPolicy,
  ConversationMessage,
  OfferedTool,
  PlannedToolCall,
  PolicyDecision,
  PolicyInput,
  PolicyIntent,
} from './answering-policy.js';
export { customerSupportPolicy } from './customer-support-policy.js';
export { decideNextTurn } from './decide-next-turn.js';
