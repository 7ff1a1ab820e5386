import type {
  ContextChange,
  ContextStore,
  ConversationContext,
  UpdateOptions,
} from './context-store.js';
import { checkConversationId } from './context-store.js';
import {
  ContextStoreError,
  ContextStoreErrorCodes,
  ContextUpdateConflictError,
} from './context-store-error.js';

export const DEFAULT_MAX_ATTEMPTS = 5;

/**
 * The read-change-write loop both stores share: read, apply `change`, write against the version
 * read; on a conflict apply `change` again to the context the conflict returned.
 */
export async function updateContext(
  store: Pick<ContextStore, 'get' | 'put'>,
  conversationId: string,
  change: ContextChange,
  options: UpdateOptions = {},
): Promise<ConversationContext> {
  checkConversationId(conversationId);
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  if (!Number.isSafeInteger(maxAttempts) || maxAttempts < 1)
    throw new ContextStoreError(
      ContextStoreErrorCodes.badArgument,
      `maxAttempts must be a positive integer, got ${String(maxAttempts)}`,
    );
  let current = await store.get(conversationId);
  for (let attempt = 1; ; attempt++) {
    const next = await change(current);
    if (next.conversationId !== conversationId)
      throw new ContextStoreError(
        ContextStoreErrorCodes.badArgument,
        `update("${conversationId}") got a context for conversation "${String(next.conversationId)}"; the change must keep the conversation id`,
      );
    const result = await store.put(next, current?.version ?? 0);
    if (result.ok) return result.context;
    current = result.current;
    if (attempt >= maxAttempts)
      throw new ContextUpdateConflictError(conversationId, attempt, current?.version ?? 0);
  }
}
