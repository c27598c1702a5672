import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup/net-guard.ts'],
    // Lab tests build namespaces and run real peers: give them room, and keep
    // CPU-bound timing out of assertions (figures live in `npm run bench`).
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
