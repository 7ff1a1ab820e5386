import { describe, expect, it } from 'vitest';
import { parseApiKeys } from './api-keys.js';

describe('parseApiKeys', () => {
  it('reads name:secret pairs from lines or commas, with comments', () => {
    const keys = parseApiKeys(
      '# team keys\nci:sk-ci-0123456789abcdef\nweb:sk-web-0123456789abcdef # the site\n',
      'keys.txt',
    );
    expect(keys.size).toBe(2);
    expect(keys.find('sk-web-0123456789abcdef')).toEqual({ name: 'web', role: 'user' });
    expect(keys.find('sk-web-0123456789abcdeX')).toBeUndefined();
    expect(
      parseApiKeys('a:sk-a-0123456789abcdef,b:sk-b-0123456789abcdef', 'HB_API_KEYS').size,
    ).toBe(2);
  });

  it('reads roles and rate limits', () => {
    const keys = parseApiKeys(
      'ops:sk-ops-0123456789abcdef role=admin\nweb:sk-web-0123456789abcdef rps=20 burst=40\nbot:sk-bot-0123456789abcdef rps=2.5',
      'keys.txt',
    );
    expect(keys.find('sk-ops-0123456789abcdef')).toEqual({ name: 'ops', role: 'admin' });
    expect(keys.find('sk-web-0123456789abcdef')?.rateLimit).toEqual({
      refillPerSecond: 20,
      capacity: 40,
    });
    expect(keys.find('sk-bot-0123456789abcdef')?.rateLimit).toEqual({
      refillPerSecond: 2.5,
      capacity: 3,
    });
  });

  it('names the entry and the fix for a bad attribute', () => {
    const key = 'a:sk-a-0123456789abcdef';
    expect(() => parseApiKeys(`${key} role=root`, 'HB_API_KEYS')).toThrow(
      'HB_API_KEYS: entry 1 has role=root; roles are user, admin, metrics',
    );
    expect(() => parseApiKeys(`${key}\nb:sk-b-0123456789abcdef rps=0`, 'keys.txt')).toThrow(
      'keys.txt: entry 2 has rps=0, which must be a number > 0',
    );
    expect(() => parseApiKeys(`${key} burst=5`, 'k')).toThrow('entry 1 sets burst without rps');
    expect(() => parseApiKeys(`${key} colour=red`, 'k')).toThrow(
      'entry 1 has an unknown attribute "colour"',
    );
    expect(() => parseApiKeys(`${key}, a:sk-a-0123456789abcdeX`, 'k')).toThrow(
      'entry 2 repeats the name "a"',
    );
  });

  it('refuses malformed entries and short secrets without quoting the secret', () => {
    expect(() => parseApiKeys('ci:short', 'HB_API_KEYS')).toThrow(
      'HB_API_KEYS: entry 1 must start with name:secret (write name:secret [role=user|admin|metrics] [rps=N] [burst=N]; secrets of at least 16 characters)',
    );
    expect(() => parseApiKeys('sk-no-name-0123456789abcdef', 'keys.txt')).toThrow(
      /keys\.txt: entry 1/,
    );
    expect(() => parseApiKeys('# nothing\n', 'keys.txt')).toThrow('keys.txt: no keys');
    try {
      parseApiKeys('ci:short-secret', 'HB_API_KEYS');
    } catch (error) {
      expect((error as Error).message).not.toContain('short-secret');
    }
  });
});
