import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { installedVersion, PACKAGE_IMAGE, PACKAGE_ROOT } from './package-info.js';

describe('package info', () => {
  it('finds hybrid-bench’s folder, name and version from package.json', async () => {
    const pkg = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as {
      name: string;
      version: string;
    };
    expect(pkg.name).toBe('hybrid-bench');
    expect(existsSync(join(PACKAGE_ROOT, 'bin/bench.js'))).toBe(true);
    expect(await installedVersion()).toBe(pkg.version);
    expect(PACKAGE_IMAGE).toBe(`hybrid-bench:${pkg.version}`);
  });
});
