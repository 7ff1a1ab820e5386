import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PACKAGE_ROOT } from './package-root.js';

let cached: Promise<string> | undefined;

async function read(): Promise<string> {
  const pkg = JSON.parse(await readFile(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as {
    version?: unknown;
  };
  if (typeof pkg.version !== 'string')
    throw new Error('hybrid-bench’s package.json has no version');
  return pkg.version;
}

/** The installed hybrid-bench version: what reports record and plugins' `hybridBench` ranges are checked against. */
export function installedVersion(): Promise<string> {
  cached ??= read();
  return cached;
}
