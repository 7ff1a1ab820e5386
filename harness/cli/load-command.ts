import { Command, Option } from 'commander';
import { k6Available } from '../k6/run-k6.js';
import {
  type LoadProgress,
  type LoadServer,
  loadSummaryText,
  runLoad,
  stepHeader,
  stepRow,
} from '../load/index.js';
import { runK6Load } from '../load/run-k6-load.js';
import { formatMsFine } from '../report/format.js';
import { EXIT_CODES } from '../verdict/index.js';
import { UsageError } from './cli-error.js';
import { choiceFlag, durationFlag, integerFlag, positiveNumberFlag } from './parse-flags.js';

interface LoadFlags {
  suite: string;
  rate?: number;
  connections?: number;
  duration?: number;
  warmup?: number;
  stream: boolean;
  workers?: number;
  latency?: 'realistic' | 'zero';
  seed?: number;
  config?: string;
  out: string;
  json: boolean;
  target?: string;
  sweep: boolean;
  from?: number;
  step?: number;
  to?: number;
  soak?: number;
  timeout: number;
  engine: 'autocannon' | 'k6';
  cache: boolean;
}

/** The flag combinations `bench load` refuses, each with what to do instead. */
function checkFlags(flags: LoadFlags): void {
  if (flags.engine === 'k6') {
    const autocannonOnly = (
      [
        ['--connections', flags.connections],
        ['--sweep', flags.sweep || undefined],
        ['--soak', flags.soak],
        ['--warmup', flags.warmup],
      ] as const
    ).filter(([, value]) => value !== undefined);
    if (autocannonOnly.length > 0)
      throw new UsageError(
        `${autocannonOnly.map(([name]) => name).join(', ')} ${autocannonOnly.length === 1 ? 'is' : 'are'} for the autocannon engine; --engine k6 runs one open-loop step (--rate, --duration, or the suite's load).`,
      );
    if (!k6Available())
      throw new UsageError(
        'No k6 on PATH: install k6 for --engine k6, or use the default --engine autocannon (bench k6 generate writes a script to run where k6 is).',
      );
  }
  if (flags.rate !== undefined && flags.connections !== undefined)
    throw new UsageError(
      '--rate (open loop: a fixed arrival rate, connections sized to keep it) and --connections (closed loop: N connections as fast as answers come) exclude each other; give one.',
    );
  if (flags.sweep && (flags.rate !== undefined || flags.connections !== undefined))
    throw new UsageError(
      '--sweep raises an open-loop rate from --from to --to by --step; drop --rate and --connections.',
    );
  if (flags.sweep && flags.soak !== undefined)
    throw new UsageError('--sweep and --soak are separate runs; give one.');
  if (!flags.sweep && (flags.from ?? flags.step ?? flags.to) !== undefined)
    throw new UsageError('--from, --step and --to set the rates of a sweep; add --sweep.');
  if (flags.sweep && (flags.to ?? 2000) < (flags.from ?? 50))
    throw new UsageError(
      `--to (${flags.to ?? 2000}) must be at least --from (${flags.from ?? 50}).`,
    );
  if (flags.soak !== undefined && flags.duration !== undefined)
    throw new UsageError('--soak sets how long the soak runs; drop --duration.');
  if (!flags.cache && flags.config !== undefined)
    throw new UsageError(
      '--no-cache applies without --config; with a deployment set HB__spec__runtime__resilience__cache__enabled=false.',
    );
  if (flags.target !== undefined) {
    const own = (
      [
        ['--latency', flags.latency],
        ['--seed', flags.seed],
        ['--workers', flags.workers],
        ['--config', flags.config],
        ['--no-cache', flags.cache ? undefined : false],
      ] as const
    ).filter(([, value]) => value !== undefined);
    if (own.length > 0)
      throw new UsageError(
        `${own.map(([name]) => name).join(', ')} configure the server bench load starts; with --target the running server has its own. Drop ${own.length === 1 ? 'it' : 'them'} or drop --target.`,
      );
  }
}

function serverOf(flags: LoadFlags): LoadServer {
  if (flags.target === undefined)
    return {
      kind: 'child',
      latency: flags.latency ?? 'realistic',
      seed: flags.seed ?? 42,
      ...(flags.workers === undefined ? {} : { workers: flags.workers }),
      ...(flags.cache ? {} : { cache: false }),
      ...(flags.config === undefined ? {} : { config: flags.config }),
    };
  const apiKey = process.env.HB_API_KEY?.trim();
  if (!apiKey)
    throw new UsageError(
      `--target ${flags.target} needs an API key: set HB_API_KEY to a key of that server (role=admin, to force paths and read /metrics).`,
    );
  return { kind: 'url', url: flags.target, apiKey };
}

/** Progress lines on stderr while the load runs. */
function progressLine(event: LoadProgress, state: { header: boolean }): string | undefined {
  switch (event.type) {
    case 'server':
      return `server: ${event.url}${event.pid === undefined ? '' : ` (bench serve, pid ${event.pid})`}`;
    case 'probe':
      return `probe: slowest answer ${formatMsFine(event.slowestMs)}; warm-up ${event.warmupMs / 1000} s per step`;
    case 'step-start':
      return `${event.rate === undefined ? 'closed loop' : `${event.rate}/s`} · ${event.connections} connections · ${event.warmupMs / 1000} s warm-up + ${event.durationMs / 1000} s…`;
    case 'step': {
      // A single step's row is in the summary; a sweep's rows show its progress.
      if (!event.verdict) return undefined;
      const lines = state.header ? [] : [stepHeader()];
      state.header = true;
      lines.push(stepRow(event.step));
      if (event.verdict?.saturated) lines.push(`  saturated: ${event.verdict.reasons.join('; ')}`);
      return lines.join('\n');
    }
    case 'sample': {
      const s = event.sample;
      return `  ${s.atS.toFixed(0)} s: RSS ${(s.rssBytes / 1_048_576).toFixed(1)} MB · heap ${(s.heapUsedBytes / 1_048_576).toFixed(1)} MB · event-loop delay p99 ${formatMsFine(s.eventLoopP99Ms)}`;
    }
  }
}

/** `bench load`: drive the bridge server with autocannon (a step, a sweep or a soak). */
export function loadCommand(onExit: (code: number) => void): Command {
  return new Command('load')
    .description(
      'Drive the bridge server (bench serve, started in a child process, or --target) with autocannon: one open- or closed-loop step, a rate sweep to saturation, or a soak watching the server process',
    )
    .option(
      '--suite <path>',
      'suite whose requests (and labelled paths) make the traffic',
      'scenarios/customer-support.yaml',
    )
    .addOption(
      new Option(
        '--rate <rps>',
        'open loop: requests per second, on a fixed schedule (default 50; soak 100)',
      ).argParser(positiveNumberFlag('--rate')),
    )
    .addOption(
      new Option(
        '--connections <n>',
        'closed loop: connections sending as fast as answers come',
      ).argParser(integerFlag('--connections', 1)),
    )
    .addOption(
      new Option('--duration <time>', 'measured time per step (default 30s; sweep 10s)').argParser(
        durationFlag('--duration'),
      ),
    )
    .addOption(
      new Option(
        '--warmup <time>',
        'unmeasured load before each step (default 5s, sweep 2s, soak 30s; raised for slow answers)',
      ).argParser(durationFlag('--warmup', { allowZero: true })),
    )
    .option('--stream', 'ask for SSE answers and time the first content chunk', false)
    .option('--sweep', 'raise the open-loop rate step by step until the server saturates', false)
    .addOption(
      new Option('--from <rps>', 'sweep: first rate (default 50)').argParser(
        positiveNumberFlag('--from'),
      ),
    )
    .addOption(
      new Option('--step <rps>', 'sweep: rate increase per step (default 50)').argParser(
        positiveNumberFlag('--step'),
      ),
    )
    .addOption(
      new Option('--to <rps>', 'sweep: highest rate (default 2000)').argParser(
        positiveNumberFlag('--to'),
      ),
    )
    .addOption(
      new Option(
        '--soak <time>',
        'one long step, sampling the server’s RSS, heap and event-loop delay',
      ).argParser(durationFlag('--soak')),
    )
    .addOption(
      new Option(
        '--workers <n>',
        'bench serve --workers: server processes sharing the port',
      ).argParser(integerFlag('--workers', 1)),
    )
    .addOption(
      new Option(
        '--latency <model>',
        'mock latency of the server started (default realistic)',
      ).argParser(choiceFlag('--latency', ['realistic', 'zero'] as const)),
    )
    .addOption(
      new Option('--seed <n>', 'mock seed of the server started (default 42)').argParser(
        integerFlag('--seed', 0),
      ),
    )
    .option('--config <file>', 'deployment config for the server started')
    .option(
      '--no-cache',
      'the server started answers every request from the backend (the suite repeats its questions, which the response cache would answer)',
    )
    .option(
      '--target <url>',
      'drive a running server instead (its API base, e.g. http://host:8080/v1; key in $HB_API_KEY)',
    )
    .addOption(
      new Option('--timeout <time>', 'a request with no answer after this long fails')
        .argParser(durationFlag('--timeout'))
        .default(120_000, '120s'),
    )
    .addOption(
      new Option('--engine <name>', 'load generator: autocannon here, or k6 when it is on PATH')
        .argParser(choiceFlag('--engine', ['autocannon', 'k6'] as const))
        .default('autocannon'),
    )
    .option('--out <dir>', 'report root folder: the run goes to <dir>/<run-id>/', 'reports')
    .option('--json', 'print the load report JSON on stdout (and nothing else)', false)
    .action(async (flags: LoadFlags) => {
      checkFlags(flags);
      const server = serverOf(flags);
      const kind = flags.sweep ? 'sweep' : flags.soak !== undefined ? 'soak' : 'step';
      const controller = new AbortController();
      const onSigint = () => {
        if (controller.signal.aborted) process.exit(EXIT_CODES.interrupted);
        process.stderr.write(
          '\nInterrupted: stopping the load and writing the report (Ctrl-C again to quit at once)\n',
        );
        controller.abort(new Error('interrupted'));
      };
      process.on('SIGINT', onSigint);
      const state = { header: false };
      try {
        const { report, dir } =
          flags.engine === 'k6'
            ? await runK6Load({
                suitePath: flags.suite,
                ...(flags.rate === undefined ? {} : { rate: flags.rate }),
                ...(flags.duration === undefined ? {} : { durationMs: flags.duration }),
                stream: flags.stream,
                server,
                outDir: flags.out,
                signal: controller.signal,
                onServer: (url, pid) =>
                  process.stderr.write(
                    `${progressLine({ type: 'server', url, ...(pid === undefined ? {} : { pid }) }, state)}\n`,
                  ),
                onOutput: (chunk) => process.stderr.write(chunk),
              })
            : await runLoad({
                suitePath: flags.suite,
                kind,
                ...(flags.connections === undefined
                  ? kind === 'sweep'
                    ? {}
                    : { rate: flags.rate ?? (kind === 'soak' ? 100 : 50) }
                  : { connections: flags.connections }),
                durationMs: flags.soak ?? flags.duration ?? (kind === 'sweep' ? 10_000 : 30_000),
                ...(flags.warmup === undefined ? {} : { warmupMs: flags.warmup }),
                ...(kind === 'sweep'
                  ? {
                      sweep: {
                        from: flags.from ?? 50,
                        step: flags.step ?? 50,
                        to: flags.to ?? 2000,
                      },
                    }
                  : {}),
                stream: flags.stream,
                server,
                timeoutS: Math.ceil(flags.timeout / 1000),
                outDir: flags.out,
                signal: controller.signal,
                onProgress: (event) => {
                  const line = progressLine(event, state);
                  if (line) process.stderr.write(`${line}\n`);
                },
              });
        if (flags.json) process.stdout.write(`${JSON.stringify(report)}\n`);
        else process.stdout.write(loadSummaryText(report.load, dir));
        onExit(report.load.interrupted ? EXIT_CODES.interrupted : EXIT_CODES.ok);
      } finally {
        process.off('SIGINT', onSigint);
      }
    });
}
