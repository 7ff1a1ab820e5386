import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function find(): string {
  // src/ in the repository, dist/src once built: walk up to our package.json.
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: unknown };
      if (pkg.name === 'hybrid-bench') return dir;
    } catch {
      // no package.json here, or not ours: look further up
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the package.json of hybrid-bench');
    dir = parent;
  }
}

/**
 * The hybrid-bench package's folder (package.json, bin/, the TypeScript sources), the same
 * whether this code runs from the sources or compiled into dist/.
 *
 * @example
 * const bench = join(PACKAGE_ROOT, 'bin/bench.js');
 */
export const PACKAGE_ROOT: string = find();
