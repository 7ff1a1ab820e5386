import { describe, expect, it } from 'vitest';
import { DEPLOY_TARGET_INVALID, DeployTargetError } from './deploy-error.js';
import { exampleWith, renderText } from './testing.js';

function refusal(text: string, env: Record<string, string> = {}): DeployTargetError {
  try {
    renderText(text, { env, file: 'team.yaml' });
  } catch (error) {
    if (error instanceof DeployTargetError) return error;
    throw error;
  }
  throw new Error('rendered');
}

describe('checkDeployable', () => {
  it('refuses labels Kubernetes rejects or the render sets, each at its line with a fix', () => {
    const error = refusal(
      exampleWith([
        [['metadata', 'labels', 'team'], 'support desk'],
        [['metadata', 'labels', 'app.kubernetes.io/name'], 'other'],
        [['metadata', 'labels', 'Team.Example/owner'], 'me'],
      ]),
    );
    expect(error.code).toBe(DEPLOY_TARGET_INVALID);
    expect(error.isUserError).toBe(true);
    expect(error.message).toMatch(/^team\.yaml: cannot render deployment artefacts, 3 problems\n/);
    expect(error.message).toMatch(
      /team\.yaml:\d+:\d+ metadata\.labels\.team: "support desk" is not a Kubernetes label value.* \(fix: e\.g\. customer-support or v1\.2\)/,
    );
    expect(error.message).toMatch(
      /metadata\.labels\["app\.kubernetes\.io\/name"\]: app\.kubernetes\.io\/name is set by `bench deploy render`/,
    );
    expect(error.message).toMatch(
      /metadata\.labels\["Team\.Example\/owner"\]: the prefix "Team\.Example" of this label key is not a DNS subdomain/,
    );
    const line = error.issues[0]?.source === 'file' ? error.issues[0].line : 0;
    expect(line).toBe(15);
  });

  it('refuses a name a Service cannot have, and a base URL bench serve would refuse', () => {
    const error = refusal(
      exampleWith([
        [['metadata', 'name'], '1support'],
        [
          ['spec', 'integrations', 'externalServices', 0],
          {
            name: 'claude',
            kind: 'anthropic',
            baseUrl: 'https://api.anthropic.com/v1',
            apiKeyEnv: 'ANTHROPIC_API_KEY',
            models: ['gpt-4o-mini', 'gpt-4o', 'gpt-4.1-mini', 'gpt-4.1', 'gpt-4.1-nano'],
          },
        ],
      ]),
    );
    expect(error.message).toMatch(
      /metadata\.name: a Kubernetes Service name must start with a letter \(fix: e\.g\. bridge-1support\)/,
    );
    expect(error.message).toMatch(
      /spec\.integrations\.externalServices\[0\]\.baseUrl: bench serve would refuse this URL: .*without \/v1/,
    );
  });

  it('names the HB__ variable when an override set the field', () => {
    const error = refusal(exampleWith([]), { HB__metadata__labels__team: 'a b' });
    expect(error.message).toMatch(
      /HB__metadata__labels__team \(from the environment\): "a b" is not a Kubernetes label value/,
    );
  });
});
