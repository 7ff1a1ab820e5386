import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: Promise<string> | undefined;

async function find(): Promise<string> {
  // src/ in the repository, dist/src once built: walk up to our package.json.
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const text = await readFile(join(dir, 'package.json'), 'utf8').catch(() => undefined);
    if (text !== undefined) {
      const pkg = JSON.parse(text) as { name?: unknown; version?: unknown };
      if (pkg.name === 'hybrid-bench' && typeof pkg.version === 'string') return pkg.version;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the package.json of hybrid-bench');
    dir = parent;
  }
}

/** The installed hybrid-bench version: what reports record and plugins' `hybridBench` ranges are checked against. */
export function installedVersion(): Promise<string> {
  cached ??= find();
  return cached;
}
