/**
 * A team lead edits a team pack in the built extension's options page: drops the pack file on the import
 * zone, edits the guideline (text, keyboard reordering, a new step), saves — the side panel shows the new
 * steps — then exports JSON and CSV, and the exported files import cleanly.
 */
import { readFileSync } from 'node:fs';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePackJson } from '../../knowledge/loader';
import type { Entry } from '../../knowledge/schema';
import { type ExtensionSession, launchExtension } from './harness';
import { ACME_PACK } from './team-pack';

type Guideline = Extract<Entry, { kind: 'guideline' }>;

/** Drops a file on the import zone as a file manager would (a DataTransfer with the file). */
async function dropFile(page: Page, name: string, text: string) {
  await page.locator('.dropzone').evaluate(
    (zone, file) => {
      const data = new DataTransfer();
      data.items.add(new File([file.text], file.name, { type: 'application/json' }));
      zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    },
    { name, text },
  );
}

async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await (download as Download).path();
  return { name: (download as Download).suggestedFilename(), text: readFileSync(path, 'utf8') };
}

const storedPack = (session: ExtensionSession) =>
  session.worker.evaluate(async () => {
    const { packLibrary } = (await chrome.storage.local.get('packLibrary')) as {
      packLibrary?: { packs: { pack: { id: string; entries: { id: string; steps?: string[] }[] } }[] };
    };
    return packLibrary?.packs.find((p) => p.pack.id === 'acme-support')?.pack;
  });

describe('entry editor (e2e)', () => {
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

  it('imports a dropped pack file, with a team phrasing that cites only its source', async () => {
    await dropFile(options, 'acme-support.json', JSON.stringify(ACME_PACK, null, 2));
    await options.getByText('新增 4').waitFor();
    await options.getByRole('button', { name: '应用' }).click();
    await options.getByText('已导入「Acme 客服规范」。').waitFor();
    await expect.poll(async () => (await storedPack(session))?.entries.length).toBe(4);
  });

  it('edits the guideline by keyboard, shows a problem in words until it is fixed, and saves', async () => {
    await options.getByRole('button', { name: /^编辑条目 Acme 客服规范/ }).click();
    const editor = options.locator('#editor');
    await editor.getByRole('button', { name: /退款迟迟未到账/ }).click();

    // Step 3 moves to the top with Alt+↑ (twice), focus staying on it.
    const step3 = editor.getByRole('textbox', { name: '第 3 步' });
    await step3.focus();
    await options.keyboard.press('Alt+ArrowUp');
    await options.keyboard.press('Alt+ArrowUp');
    await expect
      .poll(() => editor.getByRole('textbox', { name: '第 1 步' }).inputValue())
      .toBe('超时则升级财务并约定回电时间');
    await expect
      .poll(() => options.evaluate(() => (document.activeElement as HTMLTextAreaElement | null)?.value))
      .toBe('超时则升级财务并约定回电时间');

    // A new step, left empty: the problem shows in words, and saving is refused.
    await editor.getByRole('button', { name: '＋ 添加步骤' }).click();
    await expect.poll(() => options.evaluate(() => document.activeElement?.id)).toBe('edit-0-steps-3');
    await editor.getByRole('button', { name: '保存' }).click();
    await editor.getByText('还有 1 个问题，修改后才能保存。').waitFor();
    await editor.getByRole('button', { name: '第 1 条 “退款迟迟未到账”：第 4 步不能为空' }).waitFor();
    await editor.getByRole('textbox', { name: '第 4 步' }).fill('回电时告知处理结果并致歉');
    await editor.getByText('没有问题，可以保存。').waitFor();
    await editor.getByRole('button', { name: '保存' }).click();
    await editor.getByText('已保存「Acme 客服规范」，面板和测验已使用新内容。').waitFor();

    const expected = ['超时则升级财务并约定回电时间', '核实退款单号与状态', '说明到账时效', '回电时告知处理结果并致歉'];
    await expect
      .poll(async () => (await storedPack(session))?.entries.find((e) => e.id === 'acme-refund-delay')?.steps)
      .toEqual(expected);

    // The side panel shows the saved steps.
    const panel = await session.openPage('sidepanel.html', '?open=acme-refund-delay');
    await expect
      .poll(() => panel.locator('.coach-detail ol').first().locator('li').allTextContents())
      .toEqual(expected);
    await panel.close();
    // Its own save, reloaded by the page, is not taken for a change made elsewhere.
    expect(await options.getByText(/刚在其他地方被修改过/).count()).toBe(0);
  });

  it('exports the edited pack as JSON and CSV, and the exported files import cleanly', async () => {
    const editor = options.locator('#editor');
    const json = await downloaded(options, () => editor.getByRole('button', { name: '导出 JSON' }).click());
    expect(json.name).toBe('acme-support.json');
    const parsed = parsePackJson(json.text);
    expect(parsed.ok ? [] : parsed.problems).toEqual([]);
    if (!parsed.ok) return;
    const guideline = parsed.pack.entries.find((e): e is Guideline => e.id === 'acme-refund-delay');
    expect(guideline?.steps).toHaveLength(4);
    const csv = await downloaded(options, () => editor.getByRole('button', { name: '导出 CSV' }).click());
    expect(csv.name).toBe('acme-support.csv');

    // Remove the pack, then import the exported JSON: the same entries come back.
    await editor.getByRole('button', { name: '关闭' }).click();
    await options.getByRole('button', { name: /^移除 Acme 客服规范/ }).click();
    await options.getByRole('button', { name: '确定' }).click();
    await expect.poll(async () => (await storedPack(session)) ?? null).toBeNull();
    await options.setInputFiles('input[type=file]', {
      name: json.name,
      mimeType: 'application/json',
      buffer: Buffer.from(json.text),
    });
    await options.getByText('新增 4').waitFor();
    expect(await options.getByRole('alert').filter({ hasText: '无法导入' }).count()).toBe(0);
    await options.getByRole('button', { name: '应用' }).click();
    await options.getByText('已导入「Acme 客服规范」。').waitFor();
    await expect
      .poll(async () => (await storedPack(session))?.entries.find((e) => e.id === 'acme-refund-delay')?.steps)
      .toEqual(guideline?.steps);

    // The CSV goes into the installed pack: every entry unchanged, nothing refused.
    await options.setInputFiles('input[type=file]', {
      name: csv.name,
      mimeType: 'text/csv',
      buffer: Buffer.from(csv.text),
    });
    await options.getByRole('combobox', { name: 'CSV 导入到' }).selectOption('acme-support');
    await options.getByText('未变 4').waitFor();
    expect(await options.getByRole('alert').filter({ hasText: '无法导入' }).count()).toBe(0);
  });
});
