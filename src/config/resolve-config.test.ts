import { describe, expect, it } from 'vitest';
import { resolveConfig } from './resolve-config.js';

describe('resolveConfig', () => {
  it('fills every default from an empty config', () => {
    const config = resolveConfig({});
    expect(config.paths.simple.model).toBe('gpt-4o-mini');
    expect(config.paths.complex).toMatchObject({ model: 'gpt-4o', maxSteps: 8 });
    expect(config.routing.rules.length).toBeGreaterThan(0);
    expect(config.stream).toBe(true);
  });

  it('keeps given values and defaults the rest of the same object', () => {
    const config = resolveConfig({ paths: { complex: { maxSteps: 3 } } });
    expect(config.paths.complex).toMatchObject({ model: 'gpt-4o', maxSteps: 3 });
  });

  it('reports every problem at once with its field path', () => {
    expect(() =>
      resolveConfig({
        paths: { complex: { maxSteps: 0 } },
        routing: {
          default: 'medium' as never,
          rules: [{ name: 'x', path: 'full', patterns: ['(unclosed'] }],
        },
        extra: true,
      } as never),
    ).toThrow(/3 problems|4 problems/);
    try {
      resolveConfig({
        paths: { complex: { maxSteps: 0 } },
        routing: {
          default: 'simple',
          rules: [{ name: 'x', path: 'full', patterns: ['(unclosed'] }],
        },
      });
    } catch (error) {
      expect((error as Error).message).toContain('paths.complex.maxSteps');
      expect((error as Error).message).toContain(
        'routing.rules[0].patterns[0]: not a valid regular expression',
      );
      expect(error).toMatchObject({ code: 'HB_CONFIG_INVALID', isUserError: true });
    }
  });
});
