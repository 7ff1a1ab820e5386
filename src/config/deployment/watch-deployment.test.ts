import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeploymentError, DeploymentErrorCodes } from './errors.js';
import type { LoadedDeployment } from './parse-deployment.js';
import { HEAD } from './testing/parse-lines.js';
import { type DeploymentWatcher, watchDeployment } from './watch-deployment.js';

const withReplicas = (n: number | string) =>
  [...HEAD, `spec: { scaling: { maxReplicas: ${n} } }`, ''].join('\n');

let dir: string;
let file: string;
let watcher: DeploymentWatcher | undefined;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hb-watch-'));
  file = join(dir, 'deployment.yaml');
  await writeFile(file, withReplicas(2));
});
afterEach(async () => {
  watcher?.close();
  watcher = undefined;
  await rm(dir, { recursive: true, force: true });
});

/** Resolves with the next value passed to the callback it hands out. */
function nextCall<T>(): { callback: (value: T) => void; next: () => Promise<T> } {
  let waiting: ((value: T) => void) | undefined;
  const queue: T[] = [];
  return {
    callback: (value) => {
      if (waiting) {
        waiting(value);
        waiting = undefined;
      } else queue.push(value);
    },
    next: () => {
      const queued = queue.shift();
      if (queued !== undefined) return Promise.resolve(queued);
      return new Promise<T>((resolve) => {
        waiting = resolve;
      });
    },
  };
}

describe('watchDeployment', () => {
  it('serves the new snapshot after a valid edit, and the old one stays intact', async () => {
    const changes = nextCall<LoadedDeployment>();
    watcher = await watchDeployment(file, { onChange: changes.callback, debounceMs: 20, env: {} });
    const first = watcher.current();
    await writeFile(file, withReplicas(5));
    const next = await changes.next();
    expect(next.deployment.spec.scaling.maxReplicas).toBe(5);
    expect(watcher.current()).toBe(next);
    expect(first.deployment.spec.scaling.maxReplicas).toBe(2);
  });

  it('follows a file that an editor replaces by renaming', async () => {
    const changes = nextCall<LoadedDeployment>();
    watcher = await watchDeployment(file, { onChange: changes.callback, debounceMs: 20, env: {} });
    const temp = join(dir, '.deployment.yaml.swp');
    await writeFile(temp, withReplicas(7));
    await rename(temp, file);
    expect((await changes.next()).deployment.spec.scaling.maxReplicas).toBe(7);
  });

  it('keeps the last good snapshot and reports an invalid edit', async () => {
    const errors = nextCall<unknown>();
    let changed = 0;
    watcher = await watchDeployment(file, {
      onChange: () => {
        changed += 1;
      },
      onError: errors.callback,
      debounceMs: 20,
      env: {},
    });
    const good = watcher.current();
    await writeFile(file, withReplicas('"many"'));
    const error = await errors.next();
    expect(error).toBeInstanceOf(DeploymentError);
    expect(error).toMatchObject({ code: DeploymentErrorCodes.invalid });
    expect(watcher.current()).toBe(good);
    expect(changed).toBe(0);
  });

  it('does not announce a save that changes nothing', async () => {
    let changed = 0;
    watcher = await watchDeployment(file, {
      onChange: () => (changed += 1),
      debounceMs: 0,
      env: {},
    });
    await writeFile(file, `# only a comment is new\n${withReplicas(2)}`);
    const after = await watcher.reload();
    expect(after).toBe(watcher.current());
    expect(changed).toBe(0);
  });

  it('reloads on demand, as on SIGHUP', async () => {
    watcher = await watchDeployment(file, { debounceMs: 60_000, env: {} });
    await writeFile(file, withReplicas(4));
    expect((await watcher.reload()).deployment.spec.scaling.maxReplicas).toBe(4);
  });

  it('stops watching when closed', async () => {
    let changed = 0;
    watcher = await watchDeployment(file, {
      onChange: () => (changed += 1),
      debounceMs: 0,
      env: {},
    });
    const before = watcher.current();
    watcher.close();
    await writeFile(file, withReplicas(9));
    expect(await watcher.reload()).toBe(before);
    // Give a file event the time it would take to arrive; nothing may happen.
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(changed).toBe(0);
    expect(watcher.current()).toBe(before);
  });

  it('refuses to start on an invalid file', async () => {
    await writeFile(file, withReplicas('"many"'));
    await expect(watchDeployment(file, { env: {} })).rejects.toMatchObject({
      code: DeploymentErrorCodes.invalid,
    });
  });
});
