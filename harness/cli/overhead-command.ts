import { Command, Option } from 'commander';
import { planPinning } from '../perf/cpu-pinning.js';
import { type HttpClientComparison, measureHttpClients } from '../perf/measure-http-clients.js';
import { measureOverhead } from '../perf/measure-overhead.js';
import {
  measureServerOverhead,
  type ServerOverheadResult,
} from '../perf/measure-server-overhead.js';
import { UsageError } from './cli-error.js';
import { integerFlag, positiveNumberFlag } from './parse-flags.js';

interface OverheadFlags {
  inProcess: boolean;
  iterations: number;
  rate: number;
  duration: number;
  connections: number;
  rounds: number;
  workers: number;
  pacedRate: number;
  pin: boolean;
  json: boolean;
}

const ms = (v: number) => `${v.toFixed(3)} ms`;
const signed = (v: number) => `${v >= 0 ? '+' : ''}${v.toFixed(3)} ms`;

function serverTable(r: ServerOverheadResult): string {
  const row = (name: string, f: ServerOverheadResult['proxy']) =>
    `  ${name.padEnd(22)} ${f.maxRps.toFixed(0).padStart(7)} req/s   p50 ${ms(f.latencyMs.p50)}  p99 ${ms(f.latencyMs.p99)}   first event p50 ${ms(f.ttftMs.p50)}  p99 ${ms(f.ttftMs.p99)}   failed ${f.failed}`;
  return [
    `closed-loop throughput; latency at ${r.rate} requests/s (open loop); zero-latency mock server (alone: ${r.mockMaxRps.toFixed(0)} req/s)${r.cpus ? `; server under test on CPU ${r.cpus.server}, mock and load on ${r.cpus.others}` : ''}:`,
    row('pass-through proxy', r.proxy),
    row(`bridge server${r.workers > 1 ? ` ×${r.workers}` : ''}`, r.bridge),
    `  throughput ratio ${r.throughputRatio.toFixed(3)} × the proxy; added latency p50 ${signed(r.addedLatencyMs.p50)}, p99 ${signed(r.addedLatencyMs.p99)}; streaming first event p50 ${signed(r.addedTtftMs.p50)}, p99 ${signed(r.addedTtftMs.p99)}`,
    ...(r.cpuRatio === undefined ? [] : [cpuLine(r)]),
    ...(r.chunkRelay ? [relayLine(r.chunkRelay)] : []),
    '',
  ].join('\n');
}

function cpuLine(r: ServerOverheadResult): string {
  const cpu = (f: ServerOverheadResult['proxy']) => ms(f.cpuMsPerRequest ?? Number.NaN);
  return `  CPU per request at ${r.rate} requests/s (server processes): proxy ${cpu(r.proxy)}, bridge ${cpu(r.bridge)}; ${r.cpuRatio?.toFixed(2)} × the proxy's`;
}

function relayLine(relay: NonNullable<ServerOverheadResult['chunkRelay']>): string {
  const share = (relay.within.share * 100).toFixed(2);
  return `  streamed chunk in the bridge (${relay.chunks} chunks, ${relay.rate} paced streams/s): p50 ${ms(relay.p50Ms)}, p99 ${ms(relay.p99Ms)}; ${share}% within ${relay.within.limitMs} ms`;
}

function httpClientTable(r: HttpClientComparison): string {
  const sdk = r.sdk === 'openai' ? 'openai SDK' : 'Anthropic SDK';
  const row = (name: string, f: HttpClientComparison['fetch']) =>
    `  ${name.padEnd(36)} ${f.cpuUsPerCall.toFixed(0).padStart(5)} µs CPU/call  ${f.callsPerSecond.toFixed(0).padStart(6)} calls/s   p50 ${ms(f.latencyMs.p50)}  p99 ${ms(f.latencyMs.p99)}`;
  return [
    `provider HTTP client (${sdk}, streamed → loopback mock server), ${r.calls} calls × ${r.rounds} rounds, ${r.concurrency} in flight:`,
    row('global fetch (msw can intercept)', r.fetch),
    row('undici request, keep-alive pool', r.undici),
    `  undici costs ${r.cpuRatio.toFixed(3)} × fetch's CPU per call`,
    '',
  ].join('\n');
}

async function inProcess(flags: OverheadFlags): Promise<void> {
  const result = await measureOverhead(flags.iterations);
  const httpClients = await measureHttpClients();
  if (flags.json) {
    process.stdout.write(`${JSON.stringify({ ...result, httpClients })}\n`);
    return;
  }
  const { medianMs: m, p95Ms: p, addedMs: a } = result;
  process.stdout.write(
    [
      `per request, median (p95), ${result.iterations} requests per layer, zero-latency in-process mock:`,
      `  provider call (openai SDK → msw mock) ${ms(m.providerCall)} (${ms(p.providerCall)})`,
      `  bridge.run (route + simple path)      ${ms(m.bridgeRun)} (${ms(p.bridgeRun)})   adds ${ms(a.bridge)}`,
      `  harness job (runner + record)          ${ms(m.harnessJob)} (${ms(p.harnessJob)})   adds ${ms(a.harness)}`,
      `  harness + bridge over a direct call:   ${ms(a.total)} (${((m.harnessJob / m.providerCall - 1) * 100).toFixed(1)}%)`,
      '',
      ...httpClients.map(httpClientTable),
    ].join('\n'),
  );
}

/** `bench overhead`: what the bridge server adds over a bare proxy (or, in process, per layer). */
export function overheadCommand(): Command {
  return new Command('overhead')
    .description(
      'Measure what the bridge server adds over a bare pass-through proxy, both in front of one zero-latency mock server (--in-process: per layer, without HTTP in front)',
    )
    .option(
      '--in-process',
      'time provider call, bridge.run and harness job in this process, and the provider HTTP client (fetch or undici)',
      false,
    )
    .addOption(
      new Option('--rate <rps>', 'open-loop rate for the added latency')
        .argParser(positiveNumberFlag('--rate'))
        .default(500),
    )
    .addOption(
      new Option('--duration <seconds>', 'seconds per measurement')
        .argParser(integerFlag('--duration', 1))
        .default(10),
    )
    .addOption(
      new Option('--connections <n>', 'connections of the closed-loop throughput runs')
        .argParser(integerFlag('--connections', 1))
        .default(32),
    )
    .addOption(
      new Option('--rounds <n>', 'alternating rounds (each server measured once per round)')
        .argParser(integerFlag('--rounds', 1))
        .default(2),
    )
    .addOption(
      new Option('--workers <n>', 'processes of the bridge server (bench serve --workers)')
        .argParser(integerFlag('--workers', 1))
        .default(1),
    )
    .addOption(
      new Option(
        '--paced-rate <streams>',
        'streams per second on a modelled-latency mock, timing each chunk in the bridge (0: skip)',
      )
        .argParser(integerFlag('--paced-rate', 0))
        .default(20),
    )
    .addOption(
      new Option('--iterations <n>', '--in-process: measured requests per layer')
        .argParser(integerFlag('--iterations', 10))
        .default(300),
    )
    .option(
      '--pin',
      'run the server under test on a core of its own, the mock and the load on the others (taskset)',
      false,
    )
    .option('--json', 'print the figures as JSON on stdout', false)
    .action(async (flags: OverheadFlags) => {
      if (flags.inProcess) return inProcess(flags);
      const pinning = flags.pin ? planPinning() : undefined;
      if (pinning && 'reason' in pinning)
        throw new UsageError(`--pin: cannot pin here (${pinning.reason}); run without --pin.`);
      const result = await measureServerOverhead({
        ...(pinning && 'plan' in pinning ? { cpus: pinning.plan } : {}),
        rate: flags.rate,
        durationS: flags.duration,
        connections: flags.connections,
        rounds: flags.rounds,
        workers: flags.workers,
        pacedRate: flags.pacedRate,
        progress: (line) => process.stderr.write(`${line}\n`),
      });
      process.stdout.write(flags.json ? `${JSON.stringify(result)}\n` : serverTable(result));
    });
}
