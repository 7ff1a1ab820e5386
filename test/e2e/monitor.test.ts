import { execFile, spawn, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import {
  MONITORING_FILES,
  type RenderedMonitoring,
  renderMonitoring,
  unknownMetrics,
} from '../../harness/monitor/index.js';
import {
  ALERTS_OF_EVERY_KIND,
  deploymentWithAlerts,
  deploymentYamlWithAlerts,
  EXAMPLE_DEPLOYMENT,
} from '../../harness/monitor/testing.js';
import { loadDeployment } from '../../src/index.js';
import { BENCH_BIN, bench } from '../support/bench.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const COMMITTED = join(ROOT, 'deploy/monitoring');
const KEY = 'sk-hb-e2e-monitor-0123456789';

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs Debian's promtool. Missing is a failure naming the fix, never a skip: `.ci/run`
 * installs it, and a check that silently stops checking would hide broken rules.
 */
function promtool(args: string[], cwd: string): Promise<Result> {
  return new Promise((resolve, reject) => {
    execFile('promtool', args, { cwd }, (error, stdout, stderr) => {
      if (error && (error as NodeJS.ErrnoException).code === 'ENOENT') {
        reject(
          new Error(
            'promtool not found: install it (apt-get install prometheus; .ci/run does) to check the alerting rules',
          ),
        );
        return;
      }
      const code = error ? Number((error as { code?: number }).code ?? 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

async function writeRendered(dir: string, rendered: RenderedMonitoring): Promise<void> {
  for (const file of rendered.files) await writeFile(join(dir, file.name), file.text);
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hb-e2e-monitor-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('bench monitor render', () => {
  it('writes the rules, their unit tests and the dashboard, every alert rendered without a note', async () => {
    const out = join(dir, 'cli');
    const result = await bench(['monitor', 'render', '--config', EXAMPLE_DEPLOYMENT, '--out', out]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`wrote ${join(out, MONITORING_FILES.rules)}: 8 alerting rules`);
    expect(result.stdout).toContain(
      `wrote ${join(out, MONITORING_FILES.ruleTests)}: 16 promtool unit tests`,
    );
    expect(result.stdout).toContain(
      `wrote ${join(out, MONITORING_FILES.dashboard)}: 24 panels (Grafana schemaVersion 39)`,
    );
    // The per-path cost alerts (simple-cost-sla, complex-cost-sla, full-cost-sla) are rules now.
    expect(result.stderr).toBe('');
    expect((await readdir(out)).sort()).toEqual(Object.values(MONITORING_FILES).sort());
  }, 60_000);

  it('refuses bad configs and flags with exit 2 and the loader’s message', async () => {
    const invalid = join(dir, 'invalid.yaml');
    await writeFile(
      invalid,
      deploymentYamlWithAlerts([{ name: 'p99', metric: 'latency_p99_ms', threshold: 1 }]),
    );
    const syntax = join(dir, 'syntax.yaml');
    await writeFile(syntax, 'apiVersion: [unclosed\n');
    const render = (...flags: string[]) => bench(['monitor', 'render', ...flags]);
    // One after the other: each is a Node process, and the machine may have two cores.
    const missing = await render('--config', join(dir, 'none.yaml'), '--out', dir);
    const bad = await render('--config', invalid, '--out', dir);
    const broken = await render('--config', syntax, '--out', dir);
    const noOut = await render('--config', EXAMPLE_DEPLOYMENT);
    const onFile = await render('--config', EXAMPLE_DEPLOYMENT, '--out', invalid);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(
      `deployment config not found: ${join(dir, 'none.yaml')} (check the path; the example is config/agent-deployment.yaml)\n`,
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(
      new RegExp(`^${invalid}: 1 problem\\n {2}.*spec\\.monitoring\\.alerts\\[0\\]\\.metric`),
    );
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain(syntax);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain("required option '--out <dir>' not specified");
    expect(onFile.code).toBe(2);
    expect(onFile.stderr).toBe(`--out ${invalid}: cannot write there (EEXIST).\n`);
  }, 60_000);

  it('the committed deploy/monitoring is a fresh render of config/agent-deployment.yaml', async () => {
    const { deployment } = await loadDeployment(EXAMPLE_DEPLOYMENT, { env: {} });
    const rendered = renderMonitoring(deployment);
    expect((await readdir(COMMITTED)).sort()).toEqual(rendered.files.map((f) => f.name).sort());
    for (const file of rendered.files) {
      // On a difference: npx bench monitor render --config config/agent-deployment.yaml --out deploy/monitoring
      expect(await readFile(join(COMMITTED, file.name), 'utf8'), file.name).toBe(file.text);
    }
  });

  it('renders files the formatter leaves as they are, so a re-render passes npm run lint', () => {
    const rendered = renderMonitoring(deploymentWithAlerts(ALERTS_OF_EVERY_KIND));
    const biome = join(ROOT, 'node_modules/.bin/biome');
    for (const file of rendered.files) {
      const formatted = spawnSync(
        biome,
        ['format', `--stdin-file-path=deploy/monitoring/${file.name}`],
        { cwd: ROOT, input: file.text, encoding: 'utf8' },
      );
      expect(formatted.status, formatted.stderr).toBe(0);
      expect(formatted.stdout, file.name).toBe(file.text);
    }
  }, 30_000);
});

describe('promtool', () => {
  it('accepts the committed rules, and their unit tests pass', async () => {
    const check = await promtool(['check', 'rules', MONITORING_FILES.rules], COMMITTED);
    expect(check.stdout + check.stderr).toContain('SUCCESS: 8 rules found');
    expect(check.code).toBe(0);
    const test = await promtool(['test', 'rules', MONITORING_FILES.ruleTests], COMMITTED);
    expect(test.stdout + test.stderr).toContain('SUCCESS');
    expect(test.code).toBe(0);
  }, 30_000);

  it('accepts rules of every kind of alert, each firing past its threshold and silent below', async () => {
    const wide = join(dir, 'wide');
    await mkdir(wide, { recursive: true });
    await writeRendered(wide, renderMonitoring(deploymentWithAlerts(ALERTS_OF_EVERY_KIND)));
    const check = await promtool(['check', 'rules', MONITORING_FILES.rules], wide);
    expect(check.stdout + check.stderr).toContain('SUCCESS: 13 rules found');
    const test = await promtool(['test', 'rules', MONITORING_FILES.ruleTests], wide);
    expect(test.stdout + test.stderr).toContain('SUCCESS');
    expect(test.code).toBe(0);
  }, 30_000);

  it('fails a broken rule file, and the unit tests catch a rule that lost its unit or its path', async () => {
    const broken = join(dir, 'broken');
    await mkdir(broken, { recursive: true });
    const rules = await readFile(join(COMMITTED, MONITORING_FILES.rules), 'utf8');
    await writeFile(
      join(broken, 'syntax.rules.yaml'),
      rules.replace('sum by (le) (rate(', 'sum by (le) (rate(('),
    );
    const check = await promtool(['check', 'rules', 'syntax.rules.yaml'], broken);
    expect(check.code).not.toBe(0);
    expect(check.stdout + check.stderr).toContain('FAILED');

    // Latency compared in seconds against a threshold in ms: valid PromQL, but never fires.
    await writeFile(join(broken, MONITORING_FILES.rules), rules.replaceAll(' * 1000 > ', ' > '));
    await writeFile(
      join(broken, MONITORING_FILES.ruleTests),
      await readFile(join(COMMITTED, MONITORING_FILES.ruleTests), 'utf8'),
    );
    expect((await promtool(['check', 'rules', MONITORING_FILES.rules], broken)).code).toBe(0);
    const test = await promtool(['test', 'rules', MONITORING_FILES.ruleTests], broken);
    expect(test.code).not.toBe(0);
    expect(test.stdout + test.stderr).toContain('name: SimpleLatencySla fires');

    // A path's cost alert that lost its selectors watches every path: the other paths' costly
    // requests then fire it where it must stay silent.
    const selector = '{mode="hybrid",served_by="simple"}';
    expect(rules).toContain(selector);
    await writeFile(join(broken, MONITORING_FILES.rules), rules.replaceAll(selector, ''));
    expect((await promtool(['check', 'rules', MONITORING_FILES.rules], broken)).code).toBe(0);
    const unscoped = await promtool(['test', 'rules', MONITORING_FILES.ruleTests], broken);
    expect(unscoped.code).not.toBe(0);
    expect(unscoped.stdout + unscoped.stderr).toContain('name: SimpleCostSla stays silent');
  }, 30_000);

  it('parses every dashboard query', async () => {
    const { expressions } = renderMonitoring(deploymentWithAlerts(ALERTS_OF_EVERY_KIND));
    // Grafana's interval variables become durations; then each query is a recording rule.
    const rules = expressions.map((e, i) => ({
      record: `dashboard:query_${i + 1}`,
      expr: e.expr.replaceAll('$__rate_interval', '5m'),
    }));
    await writeFile(
      join(dir, 'dashboard.rules.yaml'),
      stringify({ groups: [{ name: 'dashboard', rules }] }),
    );
    const check = await promtool(['check', 'rules', 'dashboard.rules.yaml'], dir);
    expect(check.stdout + check.stderr).toContain(`SUCCESS: ${rules.length} rules found`);
  }, 30_000);
});

/** `bench serve --port 0 --latency zero` in a child process; resolves with its origin. */
async function startServe() {
  const child = spawn(process.execPath, [BENCH_BIN, 'serve', '--port', '0', '--latency', 'zero'], {
    env: { ...process.env, HB_API_KEYS: `t:${KEY} role=admin` },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const baseURL = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => resolve(chunk.toString().trim()));
    child.on('exit', (code) => reject(new Error(`bench serve exited ${code}: ${stderr}`)));
  });
  return {
    origin: baseURL.replace(/\/v1$/, ''),
    stop: () =>
      new Promise<void>((resolve) => {
        child.on('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

describe('the metrics the rules and dashboard read', () => {
  it('are all in a real bridge’s /metrics, and a name it does not export is reported', async () => {
    const server = await startServe();
    try {
      const messages = [
        'Where is my order ORD-10001?',
        'What are your support hours?',
        'My router DEV-2001 keeps dropping the connection every few minutes.',
      ];
      for (const content of messages) {
        const answer = await fetch(`${server.origin}/v1/chat/completions`, {
          method: 'POST',
          headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
          body: JSON.stringify({
            model: 'hybrid-bench',
            messages: [{ role: 'user', content }],
          }),
        });
        expect(answer.status).toBe(200);
        await answer.text();
      }
      const scrape = await fetch(`${server.origin}/metrics`, {
        headers: { authorization: `Bearer ${KEY}` },
      });
      expect(scrape.status).toBe(200);
      const exposition = await scrape.text();
      expect(exposition).toMatch(/^hybrid_requests_total\{[^}]*served_by="complex"[^}]*\} 1$/m);
      // Cost carries the requests' mode and served_by, so a path's cost per request is a ratio.
      expect(exposition).toMatch(
        /^hybrid_cost_usd_total\{mode="hybrid",served_by="complex",kind="success"\} 0\.\d*[1-9]/m,
      );

      const { deployment } = await loadDeployment(EXAMPLE_DEPLOYMENT, { env: {} });
      for (const rendered of [
        renderMonitoring(deployment),
        renderMonitoring(deploymentWithAlerts(ALERTS_OF_EVERY_KIND)),
      ]) {
        expect(rendered.metricNames.length).toBeGreaterThan(10);
        expect(unknownMetrics(rendered.expressions, exposition)).toEqual([]);
      }

      const wrong = [
        { where: 'panel "Typo"', expr: 'sum(rate(hybrid_request_total[5m]))' },
        { where: 'alert Suffix', expr: 'rate(hybrid_cost_usd_total_bucket[5m])' },
      ];
      expect(unknownMetrics(wrong, exposition).map((u) => `${u.where}: ${u.name}`)).toEqual([
        'panel "Typo": hybrid_request_total',
        'alert Suffix: hybrid_cost_usd_total_bucket',
      ]);
    } finally {
      await server.stop();
    }
  }, 60_000);
});
