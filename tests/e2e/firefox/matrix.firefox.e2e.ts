/**
 * The editor matrix (tests/e2e/editors/scenario.ts) in Firefox ESR: the same real editors and checks as in
 * Chromium, through the Firefox build (a copy with host access to 127.0.0.1, as in extension.firefox.e2e.ts).
 * One browser for the file; fails on any script error Firefox logged for the extension or the ticket pages.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { bundleEditorPages, type EditorServer, serveEditorPages } from '../editors/pages-server';
import { describeEditorMatrix, type MatrixBrowser, type TicketTab } from '../editors/scenario';
import { TEST_PACK } from '../panel-fixtures';
import { type FirefoxSession, firefoxExtensionWithHostAccess, launchFirefox } from './harness';
import { pressCombo, text, usageOf } from './pages';

const INSERT_ID = 'e2e-insert-phrasing';

let session: FirefoxSession;
let ext: ReturnType<typeof firefoxExtensionWithHostAccess>;
let server: EditorServer;
let panel: Page | undefined;

beforeAll(async () => {
  server = await serveEditorPages(await bundleEditorPages());
  ext = firefoxExtensionWithHostAccess(['http://127.0.0.1/*']);
  session = await launchFirefox(ext.dir);
  const page = await session.open(session.extensionUrl('options.html'));
  await page.evaluate(async (pack) => {
    await browser.storage.local.set({
      packLibrary: {
        revision: 1,
        builtinEnabled: true,
        packs: [{ pack, enabled: true, origin: 'import', from: 'e2e', installedAt: 0 }],
      },
      packRevision: 1,
    });
  }, TEST_PACK);
  await page.close();
}, 120_000);
afterAll(async () => {
  const errors = session ? await session.errors([server?.origin ?? 'none']) : [];
  await session?.close();
  await server?.close();
  ext?.remove();
  expect(errors).toEqual([]);
});

function ticketTab(page: Page): TicketTab {
  return {
    front: () => page.bringToFront(),
    evaluate: <T>(expression: string) => page.evaluate(expression) as Promise<T>,
    press: (key) => pressCombo(page, key),
    type: (keys) => page.keyboard.type(keys),
    close: () => page.close(),
  };
}

const firefox: MatrixBrowser = {
  async openTicket(url) {
    const page = await session.open(url);
    await page.bringToFront();
    return ticketTab(page);
  },
  async insertFromPanel(query) {
    // One panel page for the file, as an agent keeps the panel open; put in front for each insert, so the
    // ticket is the tab beside it (and, as in real use, without focus).
    if (!panel) {
      panel = await session.open(session.extensionUrl(`sidepanel.html?q=${encodeURIComponent(query)}`));
      const opened = panel;
      await expect.poll(() => text(opened, '.coach-detail h3'), { timeout: 30_000 }).toBe('插入测试话术');
    }
    const page = panel;
    await page.bringToFront();
    const before = { used: await usageOf(page, INSERT_ID), status: await text(page, '[role=status]') };
    await page.focus('input[role=combobox]');
    await pressCombo(page, 'Control+Enter');
    // Done when the panel counted the use (after an insert) or shows another status (after a refusal).
    await expect
      .poll(
        async () =>
          (await usageOf(page, INSERT_ID)) > before.used || (await text(page, '[role=status]')) !== before.status,
        { timeout: 30_000 },
      )
      .toBe(true);
    return (await text(page, '[role=status]')) ?? '';
  },
};

describeEditorMatrix(
  'Firefox',
  () => firefox,
  (c) => server.url(c.page, c.query),
  false,
);
