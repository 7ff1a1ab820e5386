import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ReportSchema } from '../../harness/report/index.js';
import { bench } from '../support/bench.js';

const EXAMPLE = 'examples/plugins/faq-deployment.yaml';
const SUITE = 'examples/plugins/faq-suite.yaml';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bench-plugins-'));
});

describe('bench run --config with plugins', () => {
  it('runs the example FAQ plugin end to end: its provider, tool set and router', async () => {
    const result = await bench([
      'run',
      '--config',
      EXAMPLE,
      '--backend',
      'plugin',
      '--provider',
      'faq',
      '--suite',
      SUITE,
      '--requests',
      '4',
      '--no-gate',
      '--json',
      '--out',
      dir,
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const report = ReportSchema.parse(JSON.parse(result.stdout));
    expect(report.options).toMatchObject({
      backend: 'plugin',
      provider: 'faq',
      deployment: EXAMPLE,
    });
    expect(report.records).toHaveLength(8);
    for (const record of report.records) expect(record.success).toBe(true);
    // The plugin's router decided the hybrid's paths.
    const hybrid = report.records.filter((r) => r.mode === 'hybrid');
    for (const record of hybrid) expect(record.routeRule).toMatch(/^faq:/);
  }, 60_000);

  it('a bad plugin: exit 2, the precise problems, no stack', async () => {
    await writeFile(
      join(dir, 'bad.mjs'),
      "export default { name: 'bad', version: 1, hybridBench: '^0.1.0', providers: { echo: 'createEcho' } };\n",
    );
    const config = join(dir, 'bad.yaml');
    await writeFile(
      config,
      [
        'apiVersion: hybrid-bench/v1',
        'kind: AgentDeployment',
        'metadata: { name: bad-plugin, environment: test }',
        'spec:',
        '  plugins:',
        '    - module: ./bad.mjs',
        '',
      ].join('\n'),
    );
    const result = await bench([
      'run',
      '--config',
      config,
      '--backend',
      'plugin',
      '--provider',
      'echo',
      '--out',
      dir,
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      [
        `${config}:6:15 spec.plugins[0].module: plugin ./bad.mjs ("bad") is not a valid plugin, 2 problems:`,
        "  version: expected a semver version string, got a number (1) (fix: give the plugin's own version as semver, e.g. version: '1.0.0')",
        '  providers.echo: expected a function (options, context) => Provider, got a string ("createEcho") (fix: map each provider name to a factory: providers: { faq: (options, context) => createFaqProvider(…) })',
        '',
      ].join('\n'),
    );
  });

  it('usage errors: --backend plugin without --config or --provider, a plugin name on live', async () => {
    const bare = await bench(['run', '--backend', 'plugin']);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain('--backend plugin needs --provider NAME');
    expect(bare.stderr).toContain('--backend plugin needs --config FILE');
    const unknown = await bench([
      'run',
      '--config',
      EXAMPLE,
      '--backend',
      'plugin',
      '--provider',
      'fqa',
      '--out',
      dir,
    ]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe(
      '--provider fqa: no plugin provider has that name; the plugins offer faq.\n',
    );
    const live = await bench([
      'run',
      '--backend',
      'live',
      '--provider',
      'faq',
      '--base-url',
      'http://127.0.0.1:9/v1',
    ]);
    expect(live.code).toBe(2);
    expect(live.stderr).toMatch(/^--provider must be one of openai, .*agno-agentos/);
    expect(live.stderr).toContain(
      'with --backend live; got "faq" (a plugin provider needs --backend plugin).',
    );
  });
});
