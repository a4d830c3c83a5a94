import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Two cores: integration tests spawn processes and encode small ffmpeg fixtures.
    maxWorkers: 2,
    globalSetup: ['tests/setup/buildBundles.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
