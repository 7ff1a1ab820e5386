import { join } from 'node:path';
import { Command, Option } from 'commander';
import { ingestK6Summary } from '../k6/ingest-k6-summary.js';
import { loadStepTable } from '../k6/load-step-table.js';
import { writeK6Files } from '../k6/write-k6-files.js';
import type { LoadStep } from '../load/load-result.js';
import { writeLoadRun } from '../load/write-load-run.js';
import { loadSuite } from '../scenario/index.js';
import { resolveSla } from '../verdict/index.js';
import { UsageError } from './cli-error.js';
import { durationFlag, integerFlag } from './parse-flags.js';

interface GenerateFlags {
  suite: string;
  out: string;
  baseUrl: string;
  runners: number;
  rate?: number;
  duration?: number;
  stream: boolean;
}

/** The URL `bench serve` prints by default. */
const DEFAULT_BASE_URL = 'http://127.0.0.1:8080/v1';

function urlFlag(flag: string) {
  return (value: string): string => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      throw new UsageError(
        `${flag} must be an http(s) URL such as ${DEFAULT_BASE_URL}; got "${value}".`,
      );
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw new UsageError(`${flag} must be an http(s) URL; got "${value}".`);
    return value.replace(/\/+$/, '');
  };
}

function generateCommand(): Command {
  return new Command('generate')
    .description(
      "Write a k6 script (script.ts) sending a suite's requests to the bridge server, with its per-path SLAs as thresholds, and a k6-operator TestRun (testrun.yaml) running it",
    )
    .requiredOption('--suite <file>', 'scenario suite (YAML or JSONL)')
    .requiredOption('--out <dir>', 'directory to write script.ts and testrun.yaml into')
    .addOption(
      new Option(
        '--base-url <url>',
        "the bridge's OpenAI-compatible base URL ($HB_BASE_URL wins at run time)",
      )
        .argParser(urlFlag('--base-url'))
        .default(DEFAULT_BASE_URL),
    )
    .addOption(
      new Option('--runners <n>', 'k6-operator runner pods (TestRun parallelism)')
        .argParser(integerFlag('--runners', 1))
        .default(4),
    )
    .addOption(
      new Option(
        '--rate <rps>',
        "requests per second for the whole test, replacing the suite's load (default 10)",
      ).argParser(integerFlag('--rate', 1)),
    )
    .addOption(
      new Option(
        '--duration <d>',
        "how long to offer --rate, replacing the suite's load (default 2m)",
      ).argParser(durationFlag('--duration')),
    )
    .option('--stream', 'ask for streamed answers (SSE) and record time to first byte', false)
    .action(async (flags: GenerateFlags) => {
      const suite = await loadSuite(flags.suite);
      const files = await writeK6Files(
        suite,
        {
          baseUrl: flags.baseUrl,
          stream: flags.stream,
          runners: flags.runners,
          ...(flags.rate === undefined ? {} : { rate: flags.rate }),
          ...(flags.duration === undefined ? {} : { durationMs: flags.duration }),
        },
        flags.out,
      );
      const { plan } = files;
      const thresholds = Object.values(plan.thresholds).flat().length;
      process.stdout.write(
        [
          `wrote ${files.script}: ${plan.requests.length} requests, ${plan.load.description}, ${thresholds} thresholds`,
          `wrote ${files.testRun}: k6-operator TestRun on ${flags.runners} runners`,
          `run it:  HB_API_KEY=<key> k6 run --summary-export summary.json ${files.script}`,
          'then:    bench k6 ingest summary.json',
          '',
        ].join('\n'),
      );
      for (const note of files.notes) process.stderr.write(`note: ${note}\n`);
    });
}

/** The ingested steps as a load run's report folder, judged by the suite's SLAs. */
async function writeIngestedRun(
  ingested: Array<{ file: string; step: LoadStep; warnings: string[] }>,
  suitePath: string,
  outDir: string,
) {
  const suite = await loadSuite(suitePath);
  const targets = resolveSla(suite.sla);
  return writeLoadRun({
    suite,
    load: {
      kind: 'step',
      target: { kind: 'url', url: `k6 summaries: ${ingested.map((i) => i.file).join(', ')}` },
      stream: false,
      sla: {
        simple: targets.simple.latency,
        complex: targets.complex.latency,
        full: targets.full.latency,
      },
      steps: ingested.map((i) => i.step),
      interrupted: false,
      notes: ingested.flatMap((i) => i.warnings.map((w) => `${i.file}: ${w}`)),
    },
    createdAt: new Date(),
    wallTimeMs: 0,
    outDir,
  });
}

function ingestCommand(): Command {
  return new Command('ingest')
    .description(
      'Read k6 end-of-test summaries (handleSummary data, --summary-export, or the machine-readable summary) as load steps',
    )
    .argument('<files...>', 'k6 summary JSON files, one load step each')
    .option('--json', 'print the load steps as JSON on stdout', false)
    .option('--out <dir>', 'also write a load report (load.json, index.html) under <dir>/<run-id>/')
    .option(
      '--suite <file>',
      'with --out: the suite the script was generated from (its SLAs judge the steps)',
      'scenarios/customer-support.yaml',
    )
    .action(async (files: string[], flags: { json: boolean; out?: string; suite: string }) => {
      const ingested = [];
      for (const file of files) ingested.push(await ingestK6Summary(file));
      for (const { file, warnings } of ingested)
        for (const warning of warnings) process.stderr.write(`warning: ${file}: ${warning}\n`);
      if (flags.out !== undefined) {
        const { dir } = await writeIngestedRun(ingested, flags.suite, flags.out);
        process.stderr.write(`report: ${join(dir, 'index.html')}\n`);
      }
      if (flags.json) {
        const steps = ingested.map((i) => i.step);
        process.stdout.write(`${JSON.stringify(steps, null, 2)}\n`);
        return;
      }
      process.stdout.write(ingested.map(loadStepTable).join('\n'));
    });
}

/** `bench k6 generate|ingest`: k6 scripts for the bridge server, and k6 results as load steps. */
export function k6Command(): Command {
  return new Command('k6')
    .description('Generate k6 scripts for the bridge server and read k6 results as load steps')
    .addCommand(generateCommand().exitOverride())
    .addCommand(ingestCommand().exitOverride());
}
