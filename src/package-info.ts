import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

interface PackageInfo {
  root: string;
  name: string;
  version: string;
}

function find(): PackageInfo {
  // src/ in the repository, dist/src once built: walk up to our package.json, read once.
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    let pkg: { name?: unknown; version?: unknown } | undefined;
    try {
      pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as typeof pkg;
    } catch {
      // no package.json here, or not JSON: look further up
    }
    if (pkg?.name === 'hybrid-bench' && typeof pkg.version === 'string')
      return { root: dir, name: pkg.name, version: pkg.version };
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the package.json of hybrid-bench');
    dir = parent;
  }
}

const info = find();

/**
 * The hybrid-bench package's folder (package.json, bin/, the TypeScript sources), the same
 * whether this code runs from the sources or compiled into dist/.
 *
 * @example
 * const bench = join(PACKAGE_ROOT, 'bin/bench.js');
 */
export const PACKAGE_ROOT: string = info.root;

/** `hybrid-bench:<version>`: the image name a rendered Dockerfile's build example tags. */
export const PACKAGE_IMAGE: string = `${info.name}:${info.version}`;

/** The installed hybrid-bench version: what reports record and plugins' `hybridBench` ranges are checked against. */
export function installedVersion(): Promise<string> {
  return Promise.resolve(info.version);
}
