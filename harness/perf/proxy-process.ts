// A pass-through proxy in a process of its own: `node --import tsx proxy-process.ts UPSTREAM`.
// Prints its URL on stdout once listening; stops on SIGTERM or SIGINT.
import { untilStopped } from '../cli/until-stopped.js';
import { startPassThroughProxy } from './pass-through-proxy.js';

const upstream = process.argv[2];
if (!upstream) {
  process.stderr.write('usage: proxy-process.ts UPSTREAM_URL\n');
  process.exit(2);
}
const proxy = await startPassThroughProxy(upstream);
process.stdout.write(`${proxy.url}\n`);
await untilStopped();
await proxy.close();
