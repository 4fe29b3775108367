/**
 * The built Firefox extension in Debian's Firefox ESR (puppeteer-core over WebDriver BiDi; see harness.ts):
 * panel search and copy, the daily quiz, importing packs in the options page, and insertion from the panel into
 * a ticket page served on 127.0.0.1. One browser for the file; the test fails on any script error Firefox
 * logged for the extension or the ticket page.
 *
 * As in the Chromium insertion tests, a test cannot make the gesture that grants `activeTab`, so this file loads
 * a COPY of the build whose manifest adds `http://127.0.0.1/*`. keyboard.firefox.e2e.ts uses the shipped build
 * and the real shortcut, which grants it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as OpenCC from 'opencc-js';
import { pinyin } from 'pinyin-pro';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinPacks } from '../../../knowledge/builtin';
import { serveTicketPage, TEST_PACK } from '../panel-fixtures';
import { type FirefoxSession, firefoxExtensionWithHostAccess, launchFirefox } from './harness';
import { byText, pressCombo, text, texts, usageOf, waitForText, waitIn } from './pages';

const entries = builtinPacks().packs.flatMap((pack) => pack.entries);
const guide = entries.find((e) => e.kind === 'guideline' && e.phrasings.length > 0);
if (guide?.kind !== 'guideline') throw new Error('the built-in pack has no guideline with a phrasing');
const keyword = guide.keywords.find((k) => /^[\u4e00-\u9fff]{3,4}$/.test(k)) ?? guide.title.slice(0, 3);
const modes = {
  characters: guide.title,
  traditional: OpenCC.Converter({ from: 'cn', to: 'tw' })(guide.title),
  pinyin: pinyin(keyword, { toneType: 'none', type: 'array' }).join(''),
  initials: pinyin(keyword, { pattern: 'first', toneType: 'none', type: 'array' }).join(''),
};

let session: FirefoxSession;
let ext: ReturnType<typeof firefoxExtensionWithHostAccess>;
let server: Awaited<ReturnType<typeof serveTicketPage>>;
let files: string;

beforeAll(async () => {
  ext = firefoxExtensionWithHostAccess(['http://127.0.0.1/*']);
  session = await launchFirefox(ext.dir);
  server = await serveTicketPage();
  files = mkdtempSync(join(tmpdir(), 'coach-ff-files-'));
}, 120_000);
afterAll(async () => {
  const errors = session ? await session.errors([server?.origin ?? 'none']) : [];
  await session?.close();
  await server?.close();
  ext?.remove();
  rmSync(files, { recursive: true, force: true });
  expect(errors).toEqual([]);
});

const openPanel = async (query = '') => {
  const page = await session.open(session.extensionUrl(`sidepanel.html${query}`));
  await page.waitForSelector('input[role=combobox]');
  return page;
};
const optionTitles = (page: Page) => texts(page, '[role="option"] .coach-option-title');

describe('side panel page (Firefox)', () => {
  it('opens with the search box focused', async () => {
    const page = await openPanel();
    await waitIn(page, `document.activeElement?.getAttribute('role') === 'combobox'`);
    await page.close();
  });

  for (const [mode, query] of Object.entries(modes)) {
    it(`finds the entry by ${mode} (${query})`, async () => {
      const page = await openPanel();
      await page.type('input[role=combobox]', query);
      await expect.poll(async () => (await optionTitles(page)).slice(0, 3)).toContain(guide.title);
      await page.close();
    });
  }

  it('copies the selected entry’s first phrasing with Enter', async () => {
    const page = await openPanel();
    await page.type('input[role=combobox]', guide.title);
    await expect.poll(() => text(page, '[role="option"][aria-selected="true"] .coach-option-title')).toBe(guide.title);
    const used = await usageOf(page, guide.id);
    await page.keyboard.press('Enter');
    await expect.poll(() => text(page, '[role=status]')).toMatch(/已复制/);
    expect(await session.clipboard()).toBe(guide.phrasings[0]);
    await expect.poll(() => usageOf(page, guide.id)).toBeGreaterThan(used);
    await page.close();
  });
});

/** How many of today's items storage has recorded. */
const storedAnswers = (popup: Page) =>
  popup.evaluate(async () => {
    const { quiz } = (await browser.storage.local.get('quiz')) as {
      quiz?: { today?: { answers?: Record<string, unknown> } };
    };
    return Object.keys(quiz?.today?.answers ?? {}).length;
  });

/** Answers whatever item is on screen, the way an agent would. */
async function answerCurrentItem(popup: Page): Promise<void> {
  const reveal = await popup.evaluate(() =>
    [...document.querySelectorAll('button')].some((b) => b.textContent?.trim() === '显示参考答案'),
  );
  if (reveal) {
    await popup.keyboard.press('Enter');
    await (await byText(popup, 'button', /记得/)).click();
    return;
  }
  const steps = await popup.$$('button.step');
  if (steps.length > 0) {
    for (const step of steps) await step.click();
    await (await byText(popup, 'button', '提交')).click();
    return;
  }
  await popup.keyboard.press('1');
  await popup.keyboard.press('Enter');
}

describe('daily quiz popup (Firefox)', () => {
  it('answers an item, and the answer persists: reopening resumes at the next item', async () => {
    let popup = await session.open(session.extensionUrl('popup.html'));
    await expect.poll(() => text(popup, '.progress')).toContain('1/5');
    await answerCurrentItem(popup);
    await expect.poll(() => text(popup, '[role=status]')).toMatch(/回答正确|回答错误|已记录/);
    // The write lands before the popup closes (closed faster, the answer would be lost, as for a person).
    await expect.poll(() => storedAnswers(popup)).toBe(1);
    await popup.close();

    popup = await session.open(session.extensionUrl('popup.html'));
    await expect.poll(() => text(popup, '.progress')).toContain('2/5');
    expect(await storedAnswers(popup)).toBe(1);
    await popup.close();
  });
});

describe('options page (Firefox)', () => {
  const choose = async (page: Page, name: string, content: string) => {
    const path = join(files, name);
    writeFileSync(path, content);
    const input = await page.waitForSelector('input[type=file]');
    await input?.uploadFile(path);
  };
  const entry = (id: string, title: string) => ({
    kind: 'phrasing',
    id,
    title,
    tags: ['测试'],
    keywords: [],
    provenance: { source: 'e2e', section: 'e2e', number: 1 },
    reviewedAt: '2026-11-01',
    text: `${title}的话术。`,
  });
  const pack = (id: string, list: unknown[]) => ({
    format: 'agent-coach-pack',
    formatVersion: 1,
    id,
    name: `团队 ${id}`,
    entries: list,
  });

  it('refuses a broken pack with an alert and changes nothing; applies a good one, which the panel then finds', async () => {
    const options = await session.open(session.extensionUrl('options.html'));
    await byText(options, 'h1, h2, h3', '导入知识包');
    const broken = JSON.stringify(
      pack('broken', [entry('ok-one', '正常'), { kind: 'phrasing', id: 'Bad Id' }]),
      null,
      2,
    );
    await choose(options, 'broken.json', broken);
    const alert = await byText(options, '[role=alert]', /无法导入/);
    // In words (entry, field, what is wrong), with the technical place beside it.
    const text = await alert.evaluate((e) => e.textContent);
    expect(text).toContain('第 2 条：ID只能用小写英文字母、数字和 “-”');
    expect(text).toMatch(/broken\.json:\d+ · entries\[1\]\.id/);
    expect(await options.evaluate(async () => (await browser.storage.local.get('packLibrary')).packLibrary)).toBe(
      undefined,
    );

    await choose(options, 'venus.json', JSON.stringify(pack('venus-team', [entry('venus-refund', '金星退款专用')])));
    await waitForText(options, '新增 1');
    await (await byText(options, 'button', '应用')).click();
    await waitForText(options, '已导入「团队 venus-team」。');
    await options.close();

    const panel = await openPanel();
    await panel.type('input[role=combobox]', '金星');
    await expect.poll(() => optionTitles(panel)).toContain('金星退款专用');
    await panel.close();
  });
});

describe('insert from the panel into a ticket page on 127.0.0.1 (Firefox)', () => {
  let ticket: Page;
  beforeAll(async () => {
    // The panel's test phrasing (插入测试话术) comes with TEST_PACK, stored like an imported pack.
    const page = await session.open(session.extensionUrl('options.html'));
    await page.evaluate(async (testPack) => {
      const { packLibrary } = (await browser.storage.local.get('packLibrary')) as {
        packLibrary?: { revision: number; builtinEnabled: boolean; packs: unknown[] };
      };
      const library = packLibrary ?? { revision: 0, builtinEnabled: true, packs: [] };
      const revision = library.revision + 1;
      await browser.storage.local.set({
        packLibrary: {
          ...library,
          revision,
          packs: [...library.packs, { pack: testPack, enabled: true, origin: 'import', from: 'e2e', installedAt: 0 }],
        },
        packRevision: revision,
      });
    }, TEST_PACK);
    await page.close();
    ticket = await session.open(`${server.origin}/ticket`);
  });

  async function insertWithPanel(): Promise<string> {
    const panel = await openPanel(`?q=${encodeURIComponent('插入测试')}`);
    await expect.poll(() => text(panel, '.coach-detail h3')).toBe('插入测试话术');
    const used = await usageOf(panel, 'e2e-insert-phrasing');
    await panel.focus('input[role=combobox]');
    await pressCombo(panel, 'Control+Enter');
    // Editors may take a moment (the insertion waits until the editor is quiet): a generous poll.
    await expect.poll(() => text(panel, '[role=status]'), { timeout: 30_000 }).not.toBe('');
    const status = (await text(panel, '[role=status]')) ?? '';
    if (/已插入/.test(status)) await expect.poll(() => usageOf(panel, 'e2e-insert-phrasing')).toBeGreaterThan(used);
    await panel.close();
    return status;
  }

  it('inserts into a textarea at the caret, undoable with Ctrl+Z', async () => {
    await ticket.bringToFront();
    await ticket.evaluate(() => {
      const reply = document.getElementById('reply') as HTMLTextAreaElement;
      reply.focus();
      reply.setSelectionRange(3, 3);
    });
    expect(await insertWithPanel()).toMatch(/已插入/);
    const value = () => ticket.evaluate(() => (document.getElementById('reply') as HTMLTextAreaElement).value);
    expect(await value()).toBe('您好，感谢您的耐心等待。祝您生活愉快。');
    await ticket.bringToFront();
    await pressCombo(ticket, 'Control+z');
    await expect.poll(value).toBe('您好，祝您生活愉快。');
  });

  it('inserts into a contenteditable at the caret, keeping the formatting around it', async () => {
    await ticket.bringToFront();
    await ticket.evaluate(() => {
      const rich = document.getElementById('rich') as HTMLElement;
      rich.focus();
      const p = rich.querySelector('p') as HTMLElement;
      const range = document.createRange();
      range.setStart(p.lastChild as Text, 1);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
    });
    expect(await insertWithPanel()).toMatch(/已插入/);
    expect(await text(ticket, '#rich')).toBe('您好，王女士。感谢您的耐心等待。');
    expect(await text(ticket, '#rich b')).toBe('王女士');
  });
});
