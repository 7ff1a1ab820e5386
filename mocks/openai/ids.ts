import type { Random } from '../random/seeded-random.js';

const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const HEX = '0123456789abcdef';

function randomString(random: Random, alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i += 1) out += alphabet.charAt(random.int(0, alphabet.length - 1));
  return out;
}

// Lengths copy the recordings: chatcmpl-ABfw4IfQfCCrcuybFm41wJyxjbkz7 (29 after the prefix),
// call_4XzlGBLtUe9dy3GVNV4jhq7h (24), fp_5050236cbd (10 hex), req_<32 hex>.

/** `chatcmpl-` followed by 29 base-62 characters. */
export function completionId(random: Random): string {
  return `chatcmpl-${randomString(random, BASE62, 29)}`;
}

/** `call_` followed by 24 base-62 characters. */
export function toolCallId(random: Random): string {
  return `call_${randomString(random, BASE62, 24)}`;
}

/** `req_` followed by 32 hex digits, as in the `x-request-id` header. */
export function requestId(random: Random): string {
  return `req_${randomString(random, HEX, 32)}`;
}

/** `fp_` followed by 10 hex digits. */
export function systemFingerprint(random: Random): string {
  return `fp_${randomString(random, HEX, 10)}`;
}
