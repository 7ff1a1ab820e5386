import { describe, expect, it } from 'vitest';
import { createLogger, type LogLevel, REDACT_PATHS } from './logger.js';

function capture(level: LogLevel = 'trace') {
  const lines: string[] = [];
  const logger = createLogger({
    level,
    destination: { write: (line: string) => lines.push(line) },
  });
  const last = (): Record<string, unknown> =>
    JSON.parse(lines.at(-1) ?? 'null') as Record<string, unknown>;
  return { logger, lines, last };
}

describe('createLogger', () => {
  it('writes JSON lines to the stream it is given, at or above its level', () => {
    const { logger, lines, last } = capture('info');
    logger.debug('hidden');
    logger.info({ model: 'gpt-4o-mini' }, 'shown');
    expect(lines).toHaveLength(1);
    expect(last()).toMatchObject({ level: 30, model: 'gpt-4o-mini', msg: 'shown' });
  });

  it('redacts secret fields at the top level and nested', () => {
    const { logger, last } = capture();
    logger.info({
      apiKey: 'plain-top',
      provider: { name: 'openai', apiKey: 'plain-1', auth: { token: 'plain-2', password: 'p' } },
      config: { providers: { anthropic: { options: { secret: 'plain-deep', key: 'plain-key' } } } },
    });
    const line = JSON.stringify(last());
    expect(line).not.toMatch(/plain-|"p"/);
    expect(last()).toMatchObject({ apiKey: '[REDACTED]', provider: { name: 'openai' } });
  });

  it('redacts authorization and x-api-key headers however deep, and in arrays', () => {
    const { logger, last } = capture();
    logger.info({
      headers: { authorization: 'Bearer h1', 'content-type': 'application/json' },
      req: { headers: { 'x-api-key': 'h2', Authorization: 'h3' } },
      upstream: { request: { headers: { 'X-Api-Key': 'h4', cookie: 'h5' } } },
      attempts: [{ headers: { authorization: 'h6' } }, { access_token: 'h7' }],
    });
    const line = JSON.stringify(last());
    expect(line).not.toMatch(/h[1-7]"/);
    expect(last()).toMatchObject({ headers: { 'content-type': 'application/json' } });
  });

  it('scrubs key-like strings from messages, string fields and errors', () => {
    const { logger, lines } = capture();
    logger.warn('provider said: invalid key sk-proj-abcdef123456');
    logger.info({
      detail: 'Authorization: Bearer eyJhbGciOi.payload',
      url: 'redis://u:pw123@h:6379',
    });
    const error = new Error('401 for key sk-ant-api03-zyxwvu987654');
    logger.error({ err: error }, 'call failed');
    logger.error({ error }, 'call failed again');
    const text = lines.join('');
    expect(text).not.toMatch(/abcdef123456|eyJhbGciOi|pw123|zyxwvu987654/);
    expect(text).toContain('invalid key sk-[REDACTED]');
    expect(text).toContain('401 for key');
    expect(text).toContain('redis://u:[REDACTED]@h:6379');
  });

  it('scrubs child logger bindings', () => {
    const { logger, last } = capture();
    logger.child({ apiKey: 'bound-secret', replica: 2 }).info('hello');
    expect(JSON.stringify(last())).not.toContain('bound-secret');
    expect(last()).toMatchObject({ replica: 2, msg: 'hello' });
  });

  it('leaves ordinary fields alone', () => {
    const { logger, last } = capture();
    const fields = {
      model: 'gpt-4o',
      inputTokens: 120,
      breaker: 'openai/gpt-4o',
      nested: { a: [1, 'x'] },
    };
    logger.info(fields, 'call ended');
    expect(last()).toMatchObject({ ...fields, msg: 'call ended' });
  });
});

describe('REDACT_PATHS', () => {
  it('covers the usual places of keys and secrets', () => {
    expect(REDACT_PATHS).toEqual(
      expect.arrayContaining([
        'apiKey',
        '*.apiKey',
        '*.authorization',
        'headers.authorization',
        '*.headers["x-api-key"]',
        '*.key',
        '*.token',
        '*.password',
        '*.secret',
      ]),
    );
  });
});
