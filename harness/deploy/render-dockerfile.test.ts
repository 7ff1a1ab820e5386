import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DockerfileParser } from 'dockerfile-ast';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { APP_UID, LIVE_PATH } from './deploy-names.js';
import { SOURCE_DIRS } from './render-dockerfile.js';
import { artefact, exampleText, renderText } from './testing.js';

/** A CommonJS module whose typings describe an ES default export: load it as Node does. */
const dockerignore = createRequire(import.meta.url)(
  '@balena/dockerignore',
) as typeof import('@balena/dockerignore').default;

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const rendered = renderText(exampleText());
const dockerfile = DockerfileParser.parse(artefact(rendered.artefacts, 'Dockerfile'));
const ignore = dockerignore().add(
  artefact(rendered.artefacts, 'Dockerfile.dockerignore')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#')),
);
const pkg = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

const stage = (name: string) => {
  const from = dockerfile.getFROMs().find((f) => f.getBuildStage() === name);
  if (from === undefined) throw new Error(`no stage ${name}`);
  return dockerfile.getInstructions().filter((i) => {
    const line = i.getRange().start.line;
    const start = from.getRange().start.line;
    const next = dockerfile
      .getFROMs()
      .map((f) => f.getRange().start.line)
      .find((l) => l > start);
    return line >= start && (next === undefined || line < next);
  });
};
const args = (keyword: string, instructions = dockerfile.getInstructions()) =>
  instructions.filter((i) => i.getKeyword() === keyword).map((i) => i.getArgumentsContent() ?? '');

describe('the rendered Dockerfile, parsed', () => {
  it('has a deps stage running npm ci and a slim Node 20 runtime stage copying from it', () => {
    const froms = dockerfile.getFROMs().map((f) => [f.getImageName(), f.getImageTag()]);
    expect(froms).toHaveLength(3);
    for (const [image, tag] of froms) {
      expect(image).toBe('node');
      expect(tag).toMatch(/^20(\.\d+)*-.*slim$/);
    }
    expect(args('RUN', stage('deps')).join('\n')).toMatch(/\bnpm ci --omit=dev\b/);
    const fromDeps = dockerfile
      .getCOPYs()
      .filter((copy) => copy.getFromFlag()?.getValue() === 'deps');
    expect(fromDeps.map((copy) => copy.getArgumentsContent())).toEqual([
      '/app/node_modules ./node_modules',
    ]);
  });

  it('builds dist/ in a build stage with the dev dependencies, and the runtime copies only dist/ from it', () => {
    const build = stage('build');
    expect(args('RUN', build)).toEqual(['npm ci --ignore-scripts', 'npm run build']);
    // The build stage copies the sources after installing, as the runtime does.
    const buildCopies = args('COPY', build);
    expect(buildCopies[0]).toContain('tsconfig.build.json');
    for (const dir of SOURCE_DIRS) expect(buildCopies).toContain(`${dir} ./${dir}`);
    const fromBuild = dockerfile
      .getCOPYs()
      .filter((copy) => copy.getFromFlag()?.getValue() === 'build');
    expect(fromBuild.map((copy) => copy.getArgumentsContent())).toEqual(['/app/dist ./dist']);
    // After the sources: dist/BUILT must not be older than what the runtime copies.
    const runtimeCopies = args('COPY', stage('runtime'));
    expect(runtimeCopies.at(-1)).toBe('/app/dist ./dist');
    expect(JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8'))).toMatchObject({
      scripts: { build: expect.stringContaining('dist/BUILT') },
    });
  });

  it('runs as the non-root node user and exposes, stops and health-checks like bench serve', () => {
    const runtime = stage('runtime');
    const users = args('USER', runtime);
    expect(users).toEqual(['node']);
    // The node user of the official images is the UID the Deployment's securityContext names.
    expect(users[0]).not.toMatch(/^(root|0)(:|$)/);
    expect(APP_UID).toBe(1000);
    expect(args('EXPOSE', runtime)).toEqual(['8080']);
    expect(args('STOPSIGNAL', runtime)).toEqual(['SIGTERM']);
    const [health] = args('HEALTHCHECK', runtime);
    const command = JSON.parse((health ?? '').replace(/^CMD\s+/, '')) as string[];
    expect(command.slice(0, 2)).toEqual(['node', '-e']);
    expect(command[2]).toContain(`http://127.0.0.1:8080${LIVE_PATH}`);
    expect(health).not.toMatch(/curl|wget/);
  });

  it('starts `node bin/bench.js` with exactly the Deployment’s serve arguments', () => {
    const [entrypoint] = dockerfile.getENTRYPOINTs();
    const [cmd] = dockerfile.getCMDs();
    expect(entrypoint?.getJSONStrings().map((s) => s.getJSONValue())).toEqual([
      'node',
      'bin/bench.js',
    ]);
    expect(cmd?.getJSONStrings().map((s) => s.getJSONValue())).toEqual(rendered.plan.serveArgs);
    expect(rendered.plan.serveArgs.slice(0, 7)).toEqual([
      'serve',
      '--host',
      '0.0.0.0',
      '--port',
      '8080',
      '--config',
      '/etc/hybrid-bench/deployment.yaml',
    ]);
  });

  it('copies only paths that exist in the repository', () => {
    const sources = dockerfile
      .getCOPYs()
      .filter((copy) => copy.getFromFlag() === null)
      .flatMap((copy) =>
        copy
          .getArguments()
          .slice(0, -1)
          .map((a) => a.getValue()),
      );
    expect(sources).toEqual(
      expect.arrayContaining(['package.json', 'package-lock.json', ...SOURCE_DIRS]),
    );
    for (const source of sources) expect(existsSync(resolve(ROOT, source)), source).toBe(true);
  });
});

describe('the build context (Dockerfile.dockerignore, as Docker matches it)', () => {
  it('keeps what the image copies and drops the rest, tests and secrets', () => {
    for (const kept of [
      'package.json',
      'package-lock.json',
      'tsconfig.json',
      'tsconfig.build.json',
      'bin/bench.js',
      'src/index.ts',
      'harness/cli/main.ts',
      'mocks/index.ts',
    ])
      expect(ignore.ignores(kept), kept).toBe(false);
    for (const dropped of [
      'node_modules/yaml/package.json',
      '.git/config',
      'reports/run.json',
      'deploy/customer-support/Dockerfile',
      'test/e2e/deploy.test.ts',
      'harness/deploy/render-dockerfile.test.ts',
      'config/.env',
      'src/.env.production',
      'harness/server.pem',
    ])
      expect(ignore.ignores(dropped), dropped).toBe(true);
  });
});

/** Files `bin/bench.js` loads, following static, value-level imports; and the packages they name. */
function importGraph(entry: string): { files: Set<string>; packages: Map<string, string> } {
  const files = new Set<string>();
  const packages = new Map<string, string>();
  const queue = [entry];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (files.has(file)) continue;
    files.add(file);
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022);
    const specifiers: string[] = [];
    source.forEachChild((node) => {
      if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
        const clause = node.importClause;
        const typeOnly =
          clause !== undefined &&
          (clause.isTypeOnly ||
            (clause.name === undefined &&
              clause.namedBindings !== undefined &&
              ts.isNamedImports(clause.namedBindings) &&
              clause.namedBindings.elements.length > 0 &&
              clause.namedBindings.elements.every((e) => e.isTypeOnly)));
        if (!typeOnly) specifiers.push(node.moduleSpecifier.text);
      } else if (
        ts.isExportDeclaration(node) &&
        !node.isTypeOnly &&
        node.moduleSpecifier !== undefined &&
        ts.isStringLiteral(node.moduleSpecifier)
      ) {
        specifiers.push(node.moduleSpecifier.text);
      }
    });
    // bin/bench.js loads the CLI with a dynamic import once tsx is registered.
    for (const match of source.text.matchAll(/await import\('(\.[^']+)'\)/g))
      if (match[1]) specifiers.push(match[1]);
    for (const specifier of specifiers) {
      if (specifier.startsWith('.')) {
        const target = resolve(dirname(file), specifier);
        const ts_ = target.replace(/\.js$/, '.ts');
        queue.push(existsSync(ts_) ? ts_ : target);
      } else if (!specifier.startsWith('node:')) {
        const parts = specifier.split('/');
        const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? '');
        if (!packages.has(name)) packages.set(name, relative(ROOT, file));
      }
    }
  }
  return { files, packages };
}

describe('what `bench serve` loads is in the image', () => {
  const graph = importGraph(resolve(ROOT, 'bin/bench.js'));

  it('every package it imports is a production dependency (the image omits dev ones)', () => {
    expect(pkg.dependencies.tsx, 'tsx runs the TypeScript CLI').toBeDefined();
    expect(graph.packages.size).toBeGreaterThan(5);
    const notProduction = [...graph.packages]
      .filter(([name]) => pkg.dependencies[name] === undefined)
      .map(([name, from]) => `${name} (from ${from})`);
    expect(notProduction).toEqual([]);
  });

  it('every file it loads is copied into the image and kept by the ignore list', () => {
    expect(graph.files.size).toBeGreaterThan(100);
    const missing = [...graph.files]
      .map((file) => relative(ROOT, file))
      .filter(
        (file) =>
          !SOURCE_DIRS.some((dir) => file.startsWith(`${dir}/`)) ||
          ignore.ignores(file) ||
          !existsSync(resolve(ROOT, file)),
      );
    expect(missing).toEqual([]);
  });
});
