import { defineConfig } from 'vitest/config';

// e2e tests drive the built extension in Debian's Chromium and Firefox ESR: one browser at a time, generous timeouts.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    pool: 'forks',
    poolOptions: { forks: { singleFork: true } },
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // expect.poll ends as soon as its condition holds; the limit only bounds a real failure. Vitest's default
    // (1 s) fails correct code on a busy CI machine.
    expect: { poll: { timeout: 20_000 } },
  },
});
