import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Build first: the answer thread, the bin and `npm start` run the compiled JavaScript.
    globalSetup: ['test/setup/build.ts', 'test/setup/postgres.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
