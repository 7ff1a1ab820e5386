import { z } from 'zod';
import { defineTool } from '../tool.js';
import { ACCOUNTS } from './dataset.js';

const ACTIONS = {
  reset_password:
    'A password reset link was sent to the email address on file; it expires in 30 minutes',
  unlock_account: 'The account was unlocked; the customer can sign in again',
  update_email: 'A verification link was sent to confirm the new email address',
  delete_account: 'Deletion requested; it completes in 14 days unless the customer signs in',
} as const;

export const accountHelp = defineTool({
  name: 'account_help',
  description:
    'Account actions for a customer identified by email: reset password, unlock, update email, delete.',
  parameters: z.object({
    email: z.string().email().describe('The email address of the account'),
    action: z.enum(['reset_password', 'unlock_account', 'update_email', 'delete_account']),
  }),
  execute: ({ email, action }) => {
    const account = ACCOUNTS.find((a) => a.email === email.toLowerCase());
    if (!account) return { error: `No account for ${email}`, email };
    if (action === 'unlock_account' && !account.locked) {
      return {
        email,
        action,
        status: 'not_locked',
        detail: 'The account is not locked; try a password reset',
      };
    }
    return { email, action, status: 'done', detail: ACTIONS[action] };
  },
});
