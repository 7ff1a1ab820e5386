import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'src/**/*.test.ts',
      'harness/**/*.test.ts',
      'mocks/**/*.test.ts',
      'test/**/*.test.ts',
    ],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
    // Off for `npm test`; `npm run test:coverage` (vitest run --coverage) turns it on. Only code
    // run inside the test workers counts: what a test runs in a `bench` child process does not.
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts', 'harness/**/*.ts'],
      exclude: ['**/*.test.ts', '**/*.d.ts'],
      reporter: ['text-summary', 'json-summary', 'html'],
      reportsDirectory: 'coverage',
      thresholds: {
        'src/**/*.ts': { lines: 90 },
        'harness/stats/**/*.ts': { lines: 90 },
        'harness/verdict/**/*.ts': { lines: 90 },
      },
    },
  },
});
