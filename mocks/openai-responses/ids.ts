import type { Random } from '../random/seeded-random.js';

const HEX = '0123456789abcdef';

function hex(random: Random, length: number): string {
  let out = '';
  for (let i = 0; i < length; i += 1) out += HEX.charAt(random.int(0, 15));
  return out;
}

// Item ids of the Responses API are a prefix and 50 hex digits
// (resp_67ccd2bed1ec8190b14f964abc0542670bb6a6b452d3795b, msg_…, fc_…).

/** `resp_` followed by 50 hex digits. */
export function responseId(random: Random): string {
  return `resp_${hex(random, 50)}`;
}

/** `msg_` followed by 50 hex digits: an output message item. */
export function messageItemId(random: Random): string {
  return `msg_${hex(random, 50)}`;
}

/** `fc_` followed by 50 hex digits: a function-call output item (its `call_id` is separate). */
export function functionCallItemId(random: Random): string {
  return `fc_${hex(random, 50)}`;
}
