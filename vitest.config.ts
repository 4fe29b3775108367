import { availableParallelism } from 'node:os';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit tests (tests/unit, Node) and component tests (tests/component, happy-dom via a file pragma).
export default defineConfig({
  plugins: [WxtVitest(), preact()],
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/component/**/*.test.tsx'],
    // Two workers even on a 2-core machine (Vitest's default would be one): the files spend much of their time
    // importing and waiting on local servers. The limits only bound a failure, on a machine that may be busy.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    testTimeout: 60_000,
    expect: { poll: { timeout: 20_000 } },
    setupFiles: ['tests/setup/web-locks.ts', 'tests/setup/async-timeouts.ts'],
    server: { deps: { inline: ['@wxt-dev/storage', '@wxt-dev/browser'] } },
  },
});
