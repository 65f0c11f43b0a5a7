import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // say() finds the catalogues (locales/*.ftl) as the built binary does at start-up.
    setupFiles: ['test/install-catalogues.ts'],
  },
});
