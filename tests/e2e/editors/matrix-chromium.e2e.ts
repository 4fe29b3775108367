/**
 * The editor matrix in Chromium: the built extension (a copy with host access to 127.0.0.1, see
 * panel-page.e2e.ts) inserts into real editors bundled into ticket pages. One browser for the whole file.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { type ExtensionSession, launchExtension } from '../harness';
import { extensionWithHostAccess, installTestPack } from '../panel-fixtures';
import { bundleEditorPages, type EditorServer, serveEditorPages } from './pages-server';
import { describeEditorMatrix, type MatrixBrowser, type TicketTab } from './scenario';

let session: ExtensionSession;
let ext: ReturnType<typeof extensionWithHostAccess>;
let server: EditorServer;
const errors: string[] = [];

beforeAll(async () => {
  const dir = await bundleEditorPages();
  server = await serveEditorPages(dir);
  ext = extensionWithHostAccess(['http://127.0.0.1/*']);
  session = await launchExtension(ext.dir);
  await installTestPack(session.worker);
}, 120_000);
afterAll(async () => {
  await session?.close();
  await server?.close();
  ext?.remove();
  expect(errors).toEqual([]);
});

function ticketTab(page: Page): TicketTab {
  page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
  return {
    front: () => page.bringToFront(),
    evaluate: (expression) => page.evaluate(expression),
    press: (key) => page.keyboard.press(key),
    type: (text) => page.keyboard.type(text),
    close: () => page.close(),
  };
}

const chromium: MatrixBrowser = {
  async openTicket(url) {
    const page = await session.context.newPage();
    const tab = ticketTab(page);
    await page.goto(url);
    return tab;
  },
  async insertFromPanel(query) {
    const panel = await session.openPage('sidepanel.html', `?q=${encodeURIComponent(query)}`);
    panel.on('pageerror', (e) => errors.push(`panel: ${e.message}`));
    await expect.poll(() => panel.locator('.coach-detail h3').textContent()).toBe('插入测试话术');
    await panel.getByRole('combobox').press('Control+Enter');
    const status = panel.getByRole('status');
    // The insertion waits until the editor is quiet, so give it time on a busy machine.
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).not.toBe('');
    const text = (await status.textContent()) ?? '';
    await panel.close();
    return text;
  },
};

describeEditorMatrix(
  'Chromium',
  () => chromium,
  (c) => server.url(c.page, c.query),
  true,
);
