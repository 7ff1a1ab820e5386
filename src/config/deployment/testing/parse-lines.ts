import { expect } from 'vitest';
import type { DeploymentIssue } from '../deployment-issue.js';
import { type LoadedDeployment, parseDeployment } from '../parse-deployment.js';

/** The lines every test file starts with: the least a valid deployment needs. */
export const HEAD = [
  'apiVersion: hybrid-bench/v1',
  'kind: AgentDeployment',
  'metadata: { name: demo, environment: test }',
];

/** Parses lines joined by newlines, so line N of the file is lines[N - 1]. */
export function loaded(lines: string[], env: Record<string, string> = {}): LoadedDeployment {
  const result = parseDeployment(lines.join('\n'), 'd.yaml', { env });
  if (result.state === 'invalid') {
    expect.fail(`expected a valid deployment, got:\n${JSON.stringify(result.issues, null, 2)}`);
  }
  return result.loaded;
}

export function issuesOf(lines: string[], env: Record<string, string> = {}): DeploymentIssue[] {
  const result = parseDeployment(lines.join('\n'), 'd.yaml', { env });
  if (result.state === 'ok') return expect.fail('expected the deployment to be invalid');
  return result.issues;
}

/** `line:column path` of file issues, `VARIABLE path` of environment ones. */
export function where(issue: DeploymentIssue): string {
  return issue.source === 'file'
    ? `${issue.line}:${issue.column} ${issue.path}`
    : `${issue.variable} ${issue.path}`;
}

/** An OpenAI service line serving the default models and their fallbacks, plus `extra` fields. */
export const openai = (extra = '') =>
  `      - { name: openai, kind: openai, baseUrl: "https://api.openai.com/v1", models: [gpt-4o-mini, gpt-4o, gpt-4.1, gpt-4.1-mini]${extra} }`;

/** `spec.integrations.externalServices` holding the given item lines. */
export const services = (...items: string[]) => [
  '  integrations:',
  '    externalServices:',
  ...items,
];
