import { z } from 'zod';

/**
 * A string that must pass `test`, with a message and a fix in this project's words. The fix
 * travels in the issue's `params`, where the shared describer picks it up.
 */
export function textRule(test: (value: string) => boolean, message: string, fix?: string) {
  return z.string().superRefine((value, ctx) => {
    if (!test(value)) ctx.addIssue({ code: 'custom', message, params: fix ? { fix } : {} });
  });
}

const DNS_LABEL = /^[a-z0-9](?:[-a-z0-9]{0,61}[a-z0-9])?$/;

/** A name that can appear in Kubernetes objects, metric labels and provider ids. */
export const ResourceName = textRule(
  (value) => DNS_LABEL.test(value),
  'must be lowercase letters, digits and dashes (at most 63), starting and ending with a letter or digit',
  'e.g. customer-support',
);

const DURATION = /^(?:[0-9]+(?:ms|s|m|h|d|w))+$/;

/** A Prometheus duration: `30s`, `5m`, `1h30m`. */
export const Duration = textRule(
  (value) => DURATION.test(value),
  'must be a duration such as 30s, 5m or 1h30m',
);

const ENV_NAME = /^[A-Z_][A-Z0-9_]*$/;
const KEY_PREFIXES =
  /^(sk|pk|rk)[-_]|^(sk-ant|xox[abpr]|ghp_|gho_|github_pat_|AKIA|AIza|Bearer\s)/i;

/** True for text that looks like a credential rather than a variable name. */
export function looksLikeSecret(value: string): boolean {
  if (KEY_PREFIXES.test(value)) return true;
  // Variable names are capitals; a long run with lowercase letters and digits is a token.
  return value.length >= 24 && /[a-z]/.test(value) && /[0-9]/.test(value) && !/\s/.test(value);
}

/**
 * The NAME of an environment variable holding a secret. A value that looks like the secret
 * itself is refused without repeating it, so it never reaches logs or error output.
 */
export const EnvVarName = z.string().superRefine((value, ctx) => {
  if (looksLikeSecret(value)) {
    ctx.addIssue({
      code: 'custom',
      message:
        'this looks like an API key, not a variable name: secrets come from the environment, never from the config file',
      params: {
        fix: 'write the name of the variable that holds the key, e.g. OPENAI_API_KEY, and rotate the exposed key',
      },
    });
  } else if (!ENV_NAME.test(value)) {
    ctx.addIssue({
      code: 'custom',
      message: 'must be the name of an environment variable: capitals, digits and _',
      params: { fix: 'e.g. OPENAI_API_KEY' },
    });
  }
});

const CREDENTIAL_PARAMS = /^(api[-_]?key|key|token|access[-_]?token|secret|password)$/i;

/** An http(s) URL without credentials in it. */
export const ServiceUrl = z.url({ protocol: /^https?$/ }).superRefine((value, ctx) => {
  if (!URL.canParse(value)) return;
  const url = new URL(value);
  const inQuery = [...url.searchParams.keys()].some((name) => CREDENTIAL_PARAMS.test(name));
  if (url.username !== '' || url.password !== '' || inQuery) {
    ctx.addIssue({
      code: 'custom',
      message:
        'the URL carries credentials: secrets come from the environment, never from the config file',
      params: {
        fix: 'remove them from the URL and name the variable that holds the key in apiKeyEnv',
      },
    });
  }
});
