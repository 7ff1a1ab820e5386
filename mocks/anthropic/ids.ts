import type { Random } from '../random/seeded-random.js';

// The recorded ids use base-58 (no 0, O, I or l) after a fixed "01":
// msg_013nnniYDrJDocdy5nrMU7cH, toolu_013DU6hV4C1M8dJ32ybQFAFi, req_011CYK5n67SytMUxm8WMZUWY.
const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const ID_LENGTH = 22;

function opaqueId(prefix: string, random: Random): string {
  let out = `${prefix}01`;
  for (let i = 0; i < ID_LENGTH; i += 1) out += BASE58.charAt(random.int(0, BASE58.length - 1));
  return out;
}

/** `msg_01` followed by 22 base-58 characters. */
export function messageId(random: Random): string {
  return opaqueId('msg_', random);
}

/** `toolu_01` followed by 22 base-58 characters. */
export function toolUseId(random: Random): string {
  return opaqueId('toolu_', random);
}

/** `req_01` followed by 22 base-58 characters, as in the `request-id` header. */
export function anthropicRequestId(random: Random): string {
  return opaqueId('req_', random);
}
