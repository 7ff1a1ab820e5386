import { describe, expect, it } from 'vitest';
import { parseApiKeys } from './api-keys.js';

describe('parseApiKeys', () => {
  it('reads name:secret pairs from lines or commas, with comments', () => {
    const keys = parseApiKeys(
      '# team keys\nci:sk-ci-0123456789abcdef\nweb:sk-web-0123456789abcdef # the site\n',
      'keys.txt',
    );
    expect(keys.size).toBe(2);
    expect(keys.find('sk-web-0123456789abcdef')).toEqual({ name: 'web' });
    expect(keys.find('sk-web-0123456789abcdeX')).toBeUndefined();
    expect(
      parseApiKeys('a:sk-a-0123456789abcdef,b:sk-b-0123456789abcdef', 'HB_API_KEYS').size,
    ).toBe(2);
  });

  it('refuses malformed entries and short secrets without quoting the secret', () => {
    expect(() => parseApiKeys('ci:short', 'HB_API_KEYS')).toThrow(
      'HB_API_KEYS: entry 1 must be name:secret with a secret of at least 16 characters',
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
