#!/usr/bin/env node
// Runs the CLI compiled (dist/, written by `npm run build`, which `npm install` runs) when that
// build is newer than every TypeScript source; otherwise the sources themselves through tsx,
// which compiles on load. Compiled, a process starts faster and carries about 45 MB less (no
// loader thread, no source maps held). HB_FROM_SOURCE=1 always runs the sources.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const compiled = join(root, 'dist/harness/cli/main.js');
// Written after a build completes (tsc leaves unchanged outputs as they were).
const stamp = join(root, 'dist/BUILT');

function builtAtMs() {
  try {
    return statSync(stamp).mtimeMs;
  } catch {
    return undefined;
  }
}

/** Whether dist/ holds every source as it is now: no .ts file changed after the build. */
function compiledIsCurrent() {
  const builtMs = builtAtMs();
  if (builtMs === undefined) return false;
  for (const folder of ['src', 'harness', 'mocks']) {
    const entries = readdirSync(join(root, folder), { recursive: true, withFileTypes: true });
    for (const entry of entries) {
      // Tests are not compiled: a changed test leaves the build current.
      if (!entry.isFile() || !entry.name.endsWith('.ts') || entry.name.endsWith('.test.ts'))
        continue;
      if (statSync(join(entry.parentPath ?? entry.path, entry.name)).mtimeMs > builtMs)
        return false;
    }
  }
  return true;
}

let cli;
if (process.env.HB_FROM_SOURCE !== '1' && compiledIsCurrent()) {
  cli = await import(pathToFileURL(compiled).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  cli = await import('../harness/cli/main.ts');
}
process.exitCode = await cli.main(process.argv.slice(2));
