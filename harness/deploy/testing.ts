import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { type LoadedDeployment, parseDeployment } from '../../src/index.js';
import type { Artefact } from './render-artefacts.js';
import { type RenderedDeploy, renderDeploy } from './render-deploy.js';

/** The repository's example deployment, which `deploy/customer-support/` is rendered from. */
export const EXAMPLE_CONFIG = 'config/agent-deployment.yaml';

export function exampleText(): string {
  return readFileSync(new URL(`../../${EXAMPLE_CONFIG}`, import.meta.url), 'utf8');
}

/** The example with fields set (`undefined` deletes one), comments kept. */
export function exampleWith(changes: ReadonlyArray<[readonly PropertyKey[], unknown]>): string {
  const doc = parseDocument(exampleText());
  for (const [path, value] of changes) {
    if (value === undefined) doc.deleteIn(path);
    else doc.setIn(path, doc.createNode(value));
  }
  return doc.toString({ lineWidth: 0 });
}

/** Loads deployment text as `loadDeployment` would, or throws the issues. */
export function loadText(
  text: string,
  file = EXAMPLE_CONFIG,
  env: Record<string, string> = {},
): LoadedDeployment {
  const result = parseDeployment(text, file, { env });
  if (result.state === 'ok') return result.loaded;
  throw new Error(result.issues.map((issue) => JSON.stringify(issue)).join('\n'));
}

export function renderText(
  text: string,
  options: { file?: string; env?: Record<string, string>; image?: string; port?: number } = {},
): RenderedDeploy {
  const file = options.file ?? EXAMPLE_CONFIG;
  const env = options.env ?? {};
  return renderDeploy({
    loaded: loadText(text, file, env),
    configFile: file,
    configText: text,
    image: options.image ?? 'hybrid-bench:test',
    port: options.port ?? 8080,
    env,
  });
}

export function artefact(artefacts: readonly Artefact[], path: string): string {
  const found = artefacts.find((a) => a.path === path);
  if (found === undefined) throw new Error(`no artefact ${path}`);
  return found.content;
}

/** A rendered YAML file as data; it must hold exactly one document without errors. */
export function manifestOf(content: string): Record<string, unknown> {
  const doc = parseDocument(content);
  if (doc.errors.length > 0) throw new Error(doc.errors.map((e) => e.message).join('\n'));
  return doc.toJS() as Record<string, unknown>;
}
