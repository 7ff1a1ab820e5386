import type { Random } from '../random/seeded-random.js';

const HEX = '0123456789abcdef';

/**
 * A version-4 UUID drawn from `random`, the form AgentOS gives run, session and message ids
 * (`str(uuid4())` in Python).
 */
export function uuidFrom(random: Random): string {
  let hex = '';
  for (let i = 0; i < 32; i += 1) hex += HEX.charAt(random.int(0, 15));
  const variant = HEX.charAt(8 + random.int(0, 3));
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
