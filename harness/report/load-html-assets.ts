import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { HtmlAssets } from './render-html.js';

const require = createRequire(import.meta.url);
let cached: Promise<HtmlAssets> | undefined;

/** chart.js's minified UMD build from node_modules, read once per process. */
export function loadHtmlAssets(): Promise<HtmlAssets> {
  // The UMD build is not in the package's exports: find it next to the entry point.
  const umd = join(dirname(require.resolve('chart.js')), 'chart.umd.min.js');
  cached ??= readFile(umd, 'utf8').then((chartJs) => ({ chartJs }));
  return cached;
}
