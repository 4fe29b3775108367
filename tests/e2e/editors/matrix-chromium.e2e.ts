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
let panel: Page | undefined;
/** How often the panel recorded the test phrasing as used (it writes this after an insert). */
const usage = () =>
  session.worker.evaluate(async () => {
    const { panelUsage } = (await chrome.storage.local.get('panelUsage')) as { panelUsage?: Record<string, number> };
    return panelUsage?.['e2e-insert-phrasing'] ?? 0;
  });

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
    // One panel page for the file, as an agent keeps the side panel open; it is put in front for each insert,
    // so the ticket is the tab beside it.
    if (!panel || panel.isClosed()) {
      panel = await session.openPage('sidepanel.html', `?q=${encodeURIComponent(query)}`);
      panel.on('pageerror', (e) => errors.push(`panel: ${e.message}`));
      const opened = panel;
      await expect.poll(() => opened.locator('.coach-detail h3').textContent()).toBe('插入测试话术');
    }
    const page = panel;
    await page.bringToFront();
    const status = page.getByRole('status');
    const before = { used: await usage(), status: await status.textContent() };
    await page.getByRole('combobox').press('Control+Enter');
    // Done when the panel counted the use (after an insert) or shows another status (after a refusal). The
    // insertion waits until the editor is quiet, so give it time on a busy machine.
    await expect
      .poll(async () => (await usage()) > before.used || (await status.textContent()) !== before.status, {
        timeout: 30_000,
      })
      .toBe(true);
    return (await status.textContent()) ?? '';
  },
};

describeEditorMatrix(
  'Chromium',
  () => chromium,
  (c) => server.url(c.page, c.query),
  true,
);
