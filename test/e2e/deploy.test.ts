import { type ChildProcessWithoutNullStreams, execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { DRAIN_GRACE_SECONDS } from '../../harness/deploy/index.js';
import { BENCH_BIN as BIN, bench } from '../support/bench.js';

const CONFIG = 'config/agent-deployment.yaml';
/** The committed render of CONFIG; it must equal a fresh one. */
const COMMITTED = 'deploy/customer-support';
const RERENDER = `node bin/bench.js deploy render --config ${CONFIG} --out ${COMMITTED}`;

interface Probe {
  httpGet: { path: string; port: string };
}
interface PodSpec {
  metadata: { annotations: Record<string, string> };
  spec: {
    containers: Array<{
      args: string[];
      env: Array<{ name: string; value?: string }>;
      startupProbe: Probe;
      livenessProbe: Probe;
      readinessProbe: Probe;
    }>;
  };
}

let dir: string;
let out: string;
let rendered: { code: number; stdout: string; stderr: string };

async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(root.length + 1))
    .sort();
}

async function renderedFile(path: string): Promise<string> {
  return readFile(join(out, path), 'utf8');
}

async function podSpec(): Promise<PodSpec> {
  const deployment = parseDocument(await renderedFile('deployment.yaml')).toJS() as {
    spec: { template: PodSpec };
  };
  return deployment.spec.template;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bench-deploy-'));
  out = join(dir, 'render');
  rendered = await bench(['deploy', 'render', '--config', CONFIG, '--out', out]);
});

describe('bench deploy render', () => {
  it('renders the example and says what to know before applying', () => {
    expect(rendered.stderr).toMatch(
      /note: 2 to 10 replicas: the pods read REDIS_URL from the Secret/,
    );
    expect(rendered.code).toBe(0);
    expect(rendered.stdout).toContain(`wrote ${join(out, 'deployment.yaml')}`);
    expect(rendered.stdout).toContain(`wrote ${join(out, 'blue-green', 'SWITCH.md')}`);
  });

  it(`matches the committed ${COMMITTED}/ file for file (re-render with: ${RERENDER})`, async () => {
    const fresh = await filesUnder(out);
    expect(await filesUnder(COMMITTED), RERENDER).toEqual(fresh);
    for (const file of fresh)
      expect(await readFile(join(COMMITTED, file), 'utf8'), `${file}: ${RERENDER}`).toBe(
        await renderedFile(file),
      );
  });

  it('names only flags bench serve has, in the Dockerfile and the Deployment alike', async () => {
    const help = await bench(['serve', '--help']);
    expect(help.code).toBe(0);
    const args = (await podSpec()).spec.containers[0]?.args ?? [];
    expect(args[0]).toBe('serve');
    const flags = args.filter((arg) => arg.startsWith('--'));
    expect(flags).toEqual(
      expect.arrayContaining(['--host', '--port', '--config', '--backend', '--base-url']),
    );
    for (const flag of flags) expect(help.stdout, flag).toMatch(new RegExp(`\\s${flag}\\b`));
    const cmd = /^CMD (\[.*\])$/m.exec(await renderedFile('Dockerfile'))?.[1];
    expect(JSON.parse(cmd ?? '[]')).toEqual(args);
  });
});

describe('the rendered probes against a real bench serve', () => {
  let server: ChildProcessWithoutNullStreams;
  let origin: string;
  const metricsKey = 'probe-metrics-secret-0123456789';

  beforeAll(async () => {
    const pod = await podSpec();
    const container = pod.spec.containers[0];
    if (container === undefined) throw new Error('no container');
    // The container's own arguments; only where it listens, reads its config and sends model
    // calls change: loopback, any free port, the repository's file, and nothing reachable.
    const args = [...container.args];
    const set = (flag: string, value: string) => {
      args[args.indexOf(flag) + 1] = value;
    };
    set('--host', '127.0.0.1');
    set('--port', '0');
    set('--config', resolve(CONFIG));
    set('--base-url', 'http://127.0.0.1:9/v1');
    const literal = Object.fromEntries(
      container.env.filter((e) => e.value !== undefined).map((e) => [e.name, e.value ?? '']),
    );
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...literal,
      HB_API_KEYS: `prometheus:${metricsKey} role=metrics`,
      OPENAI_API_KEY: 'test-key-never-sent',
    };
    delete env.REDIS_URL;
    server = spawn(process.execPath, [BIN, ...args], { env });
    origin = await new Promise<string>((done, fail) => {
      let text = '';
      server.stdout.on('data', (chunk: Buffer) => {
        text += chunk.toString();
        if (text.includes('\n')) done((text.split('\n')[0] ?? '').replace(/\/v1$/, ''));
      });
      server.on('exit', (code) => fail(new Error(`bench serve exited ${code}`)));
    });
  }, 60_000);

  afterAll(() => {
    if (server.exitCode === null) server.kill('SIGKILL');
  });

  it('answers 200 on every probe path the Deployment names', async () => {
    const container = (await podSpec()).spec.containers[0];
    const probes = [container?.startupProbe, container?.livenessProbe, container?.readinessProbe];
    expect(probes.map((p) => p?.httpGet.path)).toEqual([
      '/health/live',
      '/health/live',
      '/health/ready',
    ]);
    for (const probe of probes) {
      const response = await fetch(`${origin}${probe?.httpGet.path}`);
      expect(response.status, probe?.httpGet.path).toBe(200);
    }
  });

  it('serves metrics on the scrape path to a metrics key only', async () => {
    const annotations = (await podSpec()).metadata.annotations;
    const path = annotations['prometheus.io/path'];
    expect(annotations['prometheus.io/port']).toBe('8080');
    expect((await fetch(`${origin}${path}`)).status).toBe(401);
    const scraped = await fetch(`${origin}${path}`, {
      headers: { authorization: `Bearer ${metricsKey}` },
    });
    expect(scraped.status).toBe(200);
    expect(await scraped.text()).toContain('hybrid_requests_total');
  });

  it("passes the Dockerfile's HEALTHCHECK, and drains and stops on SIGTERM within the grace", async () => {
    const line = /^\s+CMD (\["node", "-e", .*\])$/m.exec(await renderedFile('Dockerfile'))?.[1];
    const [node, flag, script] = JSON.parse(line ?? '[]') as string[];
    expect([node, flag]).toEqual(['node', '-e']);
    const port = new URL(origin).port;
    const check = (script ?? '').replace('127.0.0.1:8080', `127.0.0.1:${port}`);
    const run = promisify(execFile);
    await expect(run(process.execPath, ['-e', check])).resolves.toBeDefined();
    const started = Date.now();
    const exited = new Promise<number | null>((done) => server.on('exit', done));
    server.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(Date.now() - started).toBeLessThan(DRAIN_GRACE_SECONDS * 1000);
    await expect(run(process.execPath, ['-e', check])).rejects.toMatchObject({ code: 1 });
  }, 30_000);
});

describe('bench deploy render refuses bad input with exit 2', () => {
  it('a config that is not there, with the loader’s message', async () => {
    const target = join(dir, 'none');
    const result = await bench([
      'deploy',
      'render',
      '--config',
      'config/nope.yaml',
      '--out',
      target,
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'deployment config not found: config/nope.yaml (check the path',
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(target)).toBe(false);
  });

  it('an invalid config, naming file, line, field and fix', async () => {
    const bad = join(dir, 'bad.yaml');
    const text = (await readFile(CONFIG, 'utf8'))
      .replace('minReplicas: 2', 'minReplicas: 4')
      .replace('maxReplicas: 10', 'maxReplicas: 3');
    await writeFile(bad, text);
    const target = join(dir, 'bad');
    const result = await bench(['deploy', 'render', '--config', bad, '--out', target]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      new RegExp(
        `${bad}:\\d+:\\d+ spec\\.scaling\\.maxReplicas: minReplicas \\(4\\) is above maxReplicas \\(3\\) \\(fix: `,
      ),
    );
    expect(existsSync(target)).toBe(false);
  });

  it('a config the cluster would refuse, at its line', async () => {
    const bad = join(dir, 'labels.yaml');
    await writeFile(
      bad,
      (await readFile(CONFIG, 'utf8')).replace('team: support', 'team: support desk'),
    );
    const result = await bench(['deploy', 'render', '--config', bad, '--out', join(dir, 'labels')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      new RegExp(
        `${bad}:15:\\d+ metadata\\.labels\\.team: "support desk" is not a Kubernetes label value`,
      ),
    );
  });

  it('an --out that is a file', async () => {
    const file = join(dir, 'a-file');
    await writeFile(file, 'not a folder\n');
    const result = await bench(['deploy', 'render', '--config', CONFIG, '--out', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`--out ${file} is a file, not a directory`);
    expect(await readFile(file, 'utf8')).toBe('not a folder\n');
  });

  it('a missing --config, a port out of range and an image that is no reference', async () => {
    expect((await bench(['deploy', 'render', '--out', dir])).code).toBe(2);
    const port = await bench([
      'deploy',
      'render',
      '--config',
      CONFIG,
      '--out',
      dir,
      '--port',
      '70000',
    ]);
    expect(port.code).toBe(2);
    expect(port.stderr).toContain('--port must be at most 65535');
    const image = await bench([
      'deploy',
      'render',
      '--config',
      CONFIG,
      '--out',
      dir,
      '--image',
      'Bad Image',
    ]);
    expect(image.code).toBe(2);
    expect(image.stderr).toContain('--image must be an image reference');
  }, 60_000);
});
