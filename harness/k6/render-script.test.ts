import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSuite, type Suite } from '../scenario/index.js';
import { writeK6Files } from './write-k6-files.js';

const SUITE = fileURLToPath(new URL('../../scenarios/customer-support.yaml', import.meta.url));
const TYPES = fileURLToPath(new URL('../../node_modules/@types', import.meta.url));

/**
 * Type-checks a k6 script against @types/k6, as strictly as the project's own code. k6 strips
 * types with esbuild file by file, hence isolatedModules and verbatimModuleSyntax. The script
 * sits outside the project, so the k6 modules are mapped to the installed types.
 */
function k6Diagnostics(file: string): string[] {
  const program = ts.createProgram([file], {
    strict: true,
    noEmit: true,
    noUncheckedIndexedAccess: true,
    isolatedModules: true,
    verbatimModuleSyntax: true,
    target: ts.ScriptTarget.ES2020,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2020.d.ts'],
    types: ['k6'],
    typeRoots: [TYPES],
    paths: { k6: [join(TYPES, 'k6/index.d.ts')], 'k6/*': [join(TYPES, 'k6/*')] },
  });
  return ts
    .getPreEmitDiagnostics(program)
    .map((d) => `TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
}

describe('generated k6 script', () => {
  let dir: string;
  let suite: Suite;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hb-k6-script-'));
    suite = await loadSuite(SUITE);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const generate = async (name: string, load: Suite['load'], stream = false) => {
    const files = await writeK6Files(
      { ...suite, ...(load ? { load } : {}) },
      { baseUrl: 'http://bridge:8080/v1', stream, runners: 4 },
      join(dir, name),
    );
    return files.script;
  };

  it('type-checks against @types/k6 with no diagnostics', async () => {
    const script = await generate('default', undefined);
    expect(k6Diagnostics(script)).toEqual([]);
    const source = await readFile(script, 'utf8');
    expect(source).toContain('"http_req_duration{path:simple}": ["p(95)<3000"]');
    expect(source).toContain("'x-bench-path': request.path");
    expect(source).toContain('const OFFERED_RPS: number | null = 10;');
    expect(source).toContain('{"id":"faq-shipping-time","path":"simple","weight":1,');
  });

  it('type-checks streamed, closed-loop and ramping variants too', async () => {
    const closed = await generate(
      'closed',
      { model: 'closed', concurrency: 3, requests: 30 },
      true,
    );
    const ramping = await generate('ramping', {
      model: 'open',
      executor: 'ramping-arrival-rate',
      startRate: 0,
      timeUnitMs: 1000,
      stages: [{ target: 5, durationMs: 60_000 }],
    });
    expect(k6Diagnostics(closed)).toEqual([]);
    expect(k6Diagnostics(ramping)).toEqual([]);
    expect(await readFile(closed, 'utf8')).toContain('const OFFERED_RPS: number | null = null;');
    expect(await readFile(ramping, 'utf8')).toContain('const OFFERED_RPS: number | null = 0;');
  });

  it('fails the check for a script that misuses the k6 API', async () => {
    const script = await generate('broken', undefined);
    const broken = join(dir, 'broken.ts');
    const misuse = [
      "const status: string = http.get('http://x').status;",
      "offeredRps.add('ten');",
      "export const more: Options = { scenarios: { x: { executor: 'constant-arrival-rate', rate: 1 } } };",
    ].join('\n');
    await writeFile(broken, `${await readFile(script, 'utf8')}\n${misuse}\n`);
    const diagnostics = k6Diagnostics(broken);
    expect(diagnostics).toHaveLength(3);
    expect(diagnostics[0]).toMatch(/^TS2322: Type 'number' is not assignable to type 'string'/);
  });
});
