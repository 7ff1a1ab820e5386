import { describe, expect, it } from 'vitest';
import { scrubObject, scrubSecrets } from './scrub-secrets.js';

describe('scrubSecrets', () => {
  it.each([
    ['invalid x-api-key sk-ant-api03-AbC_123-xyz', 'invalid x-api-key sk-[REDACTED]'],
    ['key sk-proj-abcdefgh was revoked', 'key sk-[REDACTED] was revoked'],
    ['Authorization: Bearer abc.def-ghi', 'Authorization: Bearer [REDACTED]'],
    ['GET /v1/models?api_key=s3cr3t&x=1', 'GET /v1/models?api_key=[REDACTED]&x=1'],
    [
      'connect redis://default:hunter2@127.0.0.1:6379',
      'connect redis://default:[REDACTED]@127.0.0.1:6379',
    ],
    ['{"apiKey":"abc123"}', '{"apiKey":"[REDACTED]"}'],
    ['password=hunter2 rejected', 'password=[REDACTED] rejected'],
  ])('scrubs %j', (input, expected) => {
    expect(scrubSecrets(input)).toBe(expected);
  });

  it('leaves text without secrets unchanged', () => {
    const text = 'rate limited by gpt-4o-mini after 3 attempts (task-123, desk-9)';
    expect(scrubSecrets(text)).toBe(text);
  });
});

describe('scrubObject', () => {
  it('returns the same object when nothing is secret', () => {
    const value = { a: 1, b: ['x', { c: 'y' }] };
    expect(scrubObject(value)).toBe(value);
  });

  it('copies rather than mutates when something is', () => {
    const value = { nested: { token: 't' }, list: ['sk-abcdefgh12'] };
    const scrubbed = scrubObject(value);
    expect(scrubbed).toEqual({ nested: { token: '[REDACTED]' }, list: ['sk-[REDACTED]'] });
    expect(value.nested.token).toBe('t');
  });
});
