import { defineConfig } from 'vitest/config';

// Two projects: fast pure tests, and tests of the built site (built once in globalSetup).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/content/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'site',
          include: [
            'tests/site/**/*.test.ts',
            'tests/e2e/**/*.test.ts',
            'tests/build/**/*.test.ts',
            'tests/bench/**/*.test.ts',
            'tests/dev/**/*.test.ts',
          ],
          environment: 'node',
          globalSetup: ['tests/support/global-build.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
