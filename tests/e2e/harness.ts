/**
 * Launches Debian's Chromium with the built Chrome extension loaded, for e2e tests.
 * Pages of the extension are opened as tabs (a real side panel window cannot be captured headless).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';

// import.meta.url rather than __dirname: this module also runs under tsx as ESM (scripts/measure-pages.ts).
export const EXTENSION_DIR = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../..',
  process.env.COACH_OUT_DIR ?? '.output',
  'chrome-mv3',
);
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface ExtensionSession {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  /** Opens `chrome-extension://ID/<page>` in a new tab and waits for it to load. */
  openPage(page: 'sidepanel.html' | 'popup.html' | 'options.html', query?: string): Promise<Page>;
  /** Uncaught errors of every page of this browser so far (tests check it stays empty). */
  errors: string[];
  /** Writes `chrome.storage.local` values in the service worker: a test's own starting state. */
  seedLocal(values: Record<string, unknown>): Promise<void>;
  /** Reads `chrome.storage.local` values in the service worker. */
  readLocal<T = Record<string, unknown>>(keys: string | string[] | null): Promise<T>;
  close(): Promise<void>;
}

/** `extensionDir`: another build of the extension, e.g. a copy with a patched manifest (see tests/e2e/panel-*.e2e.ts). */
export async function launchExtension(extensionDir: string = EXTENSION_DIR): Promise<ExtensionSession> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'coach-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--lang=zh-CN',
    ],
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  const errors: string[] = [];
  context.on('weberror', (error) => errors.push(`${error.page()?.url() ?? ''}: ${error.error().message}`));
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 60_000 }));
  const extensionId = new URL(worker.url()).host;
  // MV3 may restart the service worker; the old handle then stops working: always the running one.
  const current = () => context.serviceWorkers().at(-1) ?? worker;
  return {
    context,
    extensionId,
    get worker() {
      return current();
    },
    errors,
    async seedLocal(values) {
      await current().evaluate((v) => chrome.storage.local.set(v), values);
    },
    async readLocal<T>(keys: string | string[] | null) {
      return (await current().evaluate((k) => chrome.storage.local.get<Record<string, unknown>>(k), keys)) as T;
    },
    async openPage(page, query = '') {
      const tab = await context.newPage();
      await tab.goto(`chrome-extension://${extensionId}/${page}${query}`);
      return tab;
    },
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
