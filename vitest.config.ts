import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit tests (tests/unit, Node) and component tests (tests/component, happy-dom via a file pragma).
export default defineConfig({
  plugins: [WxtVitest(), preact()],
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/component/**/*.test.tsx'],
    testTimeout: 20_000,
    setupFiles: ['tests/setup/web-locks.ts', 'tests/setup/async-timeouts.ts'],
    server: { deps: { inline: ['@wxt-dev/storage', '@wxt-dev/browser'] } },
  },
});
