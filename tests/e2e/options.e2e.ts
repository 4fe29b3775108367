/**
 * The options page in the built extension: broken files are refused with an alert and change nothing,
 * a valid pack becomes searchable in the side panel with its HTML inert, a 10,000-entry pack imports and
 * searches, and damaged stored packs are kept aside. Each test sets up the state it needs itself; timings
 * are measured by `npm run measure -- --pack-size 10000`, not here.
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionSession, launchExtension } from './harness';
import { bigPack } from './options-fixtures';

const GBK_CSV_HEX =
  '6b696e642c69642c7469746c652c6b6579776f7264732c746578740d0a7068726173696e672c67626b2d61706f6c6f67792cd6c2c7b8bbb0caf547424b2cb1a7c7b87cb6d4b2bbc6f02cb7c7b3a3b1a7c7b8b8f8c4fab4f8c0b4b2bbb1e30d0a';

const entry = (id: string, title: string, text: string) => ({
  kind: 'phrasing',
  id,
  title,
  tags: ['测试'],
  keywords: [],
  provenance: { source: 'e2e', section: 'e2e', number: 1 },
  reviewedAt: '2026-11-01',
  text,
});
const pack = (id: string, entries: unknown[]) => ({
  format: 'agent-coach-pack',
  formatVersion: 1,
  id,
  name: `团队 ${id}`,
  entries,
});

async function chooseFile(page: Page, name: string, content: string | Buffer) {
  await page.setInputFiles('input[type=file]', { name, mimeType: 'application/json', buffer: Buffer.from(content) });
}

async function searchPanel(session: ExtensionSession, query: string): Promise<{ page: Page; options: string[] }> {
  const page = await session.openPage('sidepanel.html');
  const box = page.getByRole('combobox');
  await box.waitFor();
  await box.fill(query);
  await page.getByRole('option').first().waitFor({ timeout: 60_000 });
  return { page, options: await page.getByRole('option').allTextContents() };
}

/** Chooses a file and applies its preview; resolves when the page says it was imported. */
async function importFile(options: Page, name: string, text: string, packName: string): Promise<void> {
  await chooseFile(options, name, text);
  await options.getByRole('button', { name: '应用' }).click();
  await options.getByText(`已导入「${packName}」。`).waitFor({ timeout: 120_000 });
}

describe('options page (e2e)', () => {
  let session: ExtensionSession;
  let options: Page;
  beforeAll(async () => {
    session = await launchExtension();
    options = await session.openPage('options.html');
    await options.getByRole('heading', { name: '导入知识包' }).waitFor();
  });
  afterAll(async () => {
    await session?.close();
  });
  afterEach(() => {
    expect(session.errors).toEqual([]);
  });

  it('refuses a broken file with an alert, changes nothing, and built-in knowledge still searches', async () => {
    const broken = JSON.stringify(
      pack('broken', [entry('ok-one', '正常', '正常'), { kind: 'phrasing', id: 'Bad Id' }]),
      null,
      2,
    );
    await chooseFile(options, 'broken.json', broken);
    const alert = options.getByRole('alert').filter({ hasText: '无法导入' });
    await alert.waitFor();
    // In words (entry, field, what is wrong), with the technical place beside it.
    const text = await alert.textContent();
    expect(text).toContain('第 2 条：ID只能用小写英文字母、数字和 “-”');
    expect(text).toMatch(/broken\.json:\d+ · entries\[1\]\.id/);
    expect(await options.getByRole('button', { name: '应用' }).count()).toBe(0);
    expect(await session.readLocal('packLibrary')).toEqual({});

    const { page, options: hits } = await searchPanel(session, '投诉');
    expect(hits.some((t) => t.includes('客户投诉处理的优先级顺序'))).toBe(true);
    await page.close();
  });

  it('makes a valid pack searchable in the side panel, with HTML in its text inert', async () => {
    const html = '<img src=x onerror="window.__pwned=1"><b>粗体</b>';
    const valid = pack('mars-team', [
      entry('mars-refund', '火星退款专用话术', `您好，火星退款已受理。${html}`),
      entry('mars-html', `${html}火星标题`, '火星正文'),
    ]);
    await chooseFile(options, 'mars.json', JSON.stringify(valid));
    await options.getByText('新增 2').waitFor();
    await options.getByRole('button', { name: '应用' }).click();
    await options.getByText('已导入「团队 mars-team」。').waitFor({ timeout: 60_000 });
    await options.getByRole('checkbox', { name: '团队 mars-team（mars-team，2 条）' }).waitFor();

    const { page, options: hits } = await searchPanel(session, '火星');
    expect(hits.some((t) => t.includes('火星退款专用话术'))).toBe(true);
    expect(hits.some((t) => t.includes('<img src=x'))).toBe(true);
    expect(await page.locator('img, b').count()).toBe(0);
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await options.locator('img, b').count()).toBe(0);
    await page.close();
  });

  it('updates an open side panel when a pack is applied', async () => {
    const panel = await session.openPage('sidepanel.html');
    const box = panel.getByRole('combobox');
    await box.fill('木星');
    await panel.getByText('没有找到“木星”的相关条目。').waitFor();
    await importFile(
      options,
      'jupiter.json',
      JSON.stringify(pack('jupiter-team', [entry('jupiter-1', '木星话术', '木星')])),
      '团队 jupiter-team',
    );
    await panel.getByRole('option', { name: /木星话术/ }).waitFor({ timeout: 60_000 });
    await panel.close();
  });

  it('imports a GBK CSV file from Excel into a new pack', async () => {
    // "kind,id,title,keywords,text / phrasing,gbk-apology,致歉话术GBK,抱歉|对不起,非常抱歉给您带来不便" in GBK.
    const gbk = Buffer.from(GBK_CSV_HEX, 'hex');
    await options.setInputFiles('input[type=file]', { name: '团队话术.csv', mimeType: 'text/csv', buffer: gbk });
    await options.getByText('文件编码：GBK').waitFor();
    await options.getByText('新增 1').waitFor();
    await options.getByRole('button', { name: '应用' }).click();
    await options.getByText('已导入「团队话术」。').waitFor({ timeout: 60_000 });
    type Stored = { packLibrary: { packs: { pack: { name: string; entries: unknown[] } }[] } };
    const stored = await session.readLocal<Stored>('packLibrary');
    const pack = stored.packLibrary.packs.find((p) => p.pack.name === '团队话术')?.pack;
    expect(pack?.entries[0]).toMatchObject({ id: 'gbk-apology', title: '致歉话术GBK', text: '非常抱歉给您带来不便' });
  });

  it('imports a 10,000-entry pack through the page, and the panel searches it', async () => {
    const big = bigPack(10_000) as { entries: { title: string }[] };
    await chooseFile(options, 'big.json', JSON.stringify(big));
    await options.getByText('新增 10000').waitFor({ timeout: 120_000 });
    await options.getByRole('button', { name: '应用' }).click();
    await options.getByText('已导入「大型团队知识包 10000」。').waitFor({ timeout: 120_000 });

    const page = await session.openPage('sidepanel.html');
    const box = page.getByRole('combobox');
    // The box takes typing at once; the 10k index follows.
    await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
    // The last entry of the pack, by its title.
    const title = big.entries.at(-1)?.title as string;
    await box.fill(title);
    await expect
      .poll(async () => (await page.locator('[role="option"] .coach-option-title').allTextContents())[0], {
        timeout: 60_000,
      })
      .toBe(title);
    await page.close();
  }, 300_000);

  it('keeps a query typed while the 10,000-entry index loads and answers it when the index is ready', async () => {
    // Holds the panel's read of the index cache until the test releases it, so typing surely comes first.
    const page = await session.context.newPage();
    await page.addInitScript(() => {
      const area = chrome.storage.local;
      const get = area.get.bind(area) as (...args: unknown[]) => Promise<unknown>;
      const gate = new Promise<void>((resolve) => {
        (window as unknown as { __releaseIndex: () => void }).__releaseIndex = resolve;
      });
      (area as unknown as { get: unknown }).get = (...args: unknown[]) => {
        const keys = args[0];
        const wanted = keys === 'packIndexCache' || (Array.isArray(keys) && keys.includes('packIndexCache'));
        if (!wanted) return get(...args);
        const callback = typeof args.at(-1) === 'function' ? (args.pop() as (v: unknown) => void) : undefined;
        const result = gate.then(() => get(...args));
        if (!callback) return result;
        void result.then(callback);
      };
    });
    await page.goto(`chrome-extension://${session.extensionId}/sidepanel.html`);
    const box = page.getByRole('combobox');
    await box.waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('combobox');
    await page.keyboard.type('退款');
    await page.getByText('正在载入知识库').waitFor();
    // Held: nothing can be listed before the index arrives, however long the test waits.
    expect(await box.inputValue()).toBe('退款');
    expect(await page.getByRole('option').count()).toBe(0);
    expect(await page.evaluate(() => performance.getEntriesByName('coach:index-ready').length)).toBe(0);

    await page.evaluate(() => (window as unknown as { __releaseIndex: () => void }).__releaseIndex());
    await page.getByRole('option').first().waitFor({ timeout: 60_000 });
    expect(await box.inputValue()).toBe('退款');
    expect((await page.getByRole('option').allTextContents()).some((t) => t.includes('退款'))).toBe(true);
    // The mark is set in an effect, after the frame that listed the options.
    await expect.poll(() => page.evaluate(() => performance.getEntriesByName('coach:index-ready').length)).toBe(1);
    expect(await page.getByText('正在载入知识库').count()).toBe(0);
    await page.close();
  }, 120_000);

  it('reports a damaged stored pack and keeps it aside instead of dropping it', async () => {
    // Its own state: one good pack and one damaged pack, as a crash or an older release could leave them.
    const good = { pack: pack('good-team', [entry('good-1', '好的话术', '您好')]), enabled: true, origin: 'import' };
    const damaged = { pack: { id: 'damaged', entries: 'oops' }, origin: 'import', enabled: true };
    await session.seedLocal({
      packLibrary: { revision: 4242, builtinEnabled: true, packs: [good, damaged] },
      packRevision: 4242,
    });
    const page = await session.openPage('options.html');
    await page.getByRole('heading', { name: '已隔离的损坏数据' }).waitFor({ timeout: 60_000 });
    await page.getByText('有 1 个已保存的知识包无法读取').waitFor();
    type Stored = {
      packLibrary: { packs: { pack: { id: string } }[] };
      'packLibrary:corrupt': { value: { pack: { id: string } } }[];
    };
    const stored = await session.readLocal<Stored>(['packLibrary', 'packLibrary:corrupt']);
    expect(stored['packLibrary:corrupt'].map((c) => c.value.pack.id)).toContain('damaged');
    expect(stored.packLibrary.packs.map((p) => p.pack.id)).toEqual(['good-team']);
    // The background re-indexes the repaired library, so a side panel opening now need not build it itself.
    await expect
      .poll(
        async () => {
          const { packIndexCache, packRevision } = await session.readLocal<{
            packIndexCache?: { key?: string };
            packRevision: number;
          }>(['packIndexCache', 'packRevision']);
          return String(packIndexCache?.key).endsWith(`:${packRevision}`);
        },
        { timeout: 120_000, interval: 500 },
      )
      .toBe(true);
    await page.close();
  }, 180_000);
});
