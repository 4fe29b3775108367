/**
 * axe-core over the built pages, light and dark (prefers-color-scheme emulated), in the states an agent or a
 * team lead sees most: no violation at all — serious and critical ones (contrast, names, roles) as the issue
 * requires, and the moderate ones too (landmarks, an h1, heading order), which the pages now pass.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AxeFinding, violations } from './axe';
import { type ExtensionSession, launchExtension } from './harness';
import { answerCurrentItem, fromStorage } from './quiz-fixtures';
import { ACME_PACK } from './team-pack';

type Scheme = 'light' | 'dark';
const SCHEMES: readonly Scheme[] = ['light', 'dark'];

const report = (found: AxeFinding[]) =>
  found.map((v) => `${v.impact} ${v.id}: ${v.help}\n  ${v.nodes.slice(0, 6).join('\n  ')}`).join('\n');

async function open(
  session: ExtensionSession,
  scheme: Scheme,
  page: Parameters<ExtensionSession['openPage']>[0],
  query = '',
) {
  const tab = await session.openPage(page, query);
  await tab.emulateMedia({ colorScheme: scheme });
  return tab;
}

async function choose(tab: Page, name: string, text: string) {
  await tab.setInputFiles('input[type=file]', { name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

async function expectClean(tab: Page, what: string) {
  const found = await violations(tab);
  expect(found, `${what}\n${report(found)}`).toEqual([]);
}

describe('accessibility (axe-core: no violations)', () => {
  let session: ExtensionSession;
  beforeAll(async () => {
    session = await launchExtension();
  });
  afterAll(async () => {
    await session?.close();
  });

  for (const scheme of SCHEMES) {
    it(`side panel, ${scheme}: empty box, results with an entry shown, no result`, async () => {
      const tab = await open(session, scheme, 'sidepanel.html');
      await tab.getByRole('combobox').waitFor();
      // Not the 「正在加载」 status: the knowledge is loaded and the page will not change under the audit.
      await tab.locator('.coach-empty:not([role="status"]), [role="option"]').first().waitFor();
      await expectClean(tab, `sidepanel (empty), ${scheme}`);

      await tab.getByRole('combobox').fill('投诉');
      await tab.locator('.coach-detail').waitFor();
      await expectClean(tab, `sidepanel (results), ${scheme}`);

      await tab.getByRole('combobox').fill('zzzzqqqq');
      await tab.getByRole('note').first().waitFor();
      await expectClean(tab, `sidepanel (no result), ${scheme}`);
      await tab.close();
    });

    it(`popup, ${scheme}: a quiz item and its feedback`, async () => {
      const tab = await open(session, scheme, 'popup.html');
      await fromStorage(tab, '.progress').waitFor();
      await expectClean(tab, `popup (item), ${scheme}`);
      await answerCurrentItem(tab);
      await expect.poll(() => tab.locator('.feedback').textContent()).toMatch(/回答正确|回答错误|已记录/);
      await expectClean(tab, `popup (feedback), ${scheme}`);
      await tab.close();
    });

    it(`options, ${scheme}: packs, an import preview, refused files, the entry editor with problems`, async () => {
      const tab = await open(session, scheme, 'options.html');
      await tab.getByRole('heading', { level: 1 }).waitFor();
      await expectClean(tab, `options, ${scheme}`);

      const pack = { ...ACME_PACK, id: `acme-${scheme}`, name: `Acme ${scheme}` };
      const entries = pack.entries.map((e) => ({ ...e, id: `${e.id}-${scheme}` }));
      const linked = entries.map((e) => ('guidelineId' in e ? { ...e, guidelineId: `${e.guidelineId}-${scheme}` } : e));
      await choose(
        tab,
        'bad.json',
        JSON.stringify({ ...pack, entries: [{ ...linked[0], steps: [] }, { kind: 'faq' }] }),
      );
      await tab.getByRole('alert').filter({ hasText: '无法导入' }).waitFor();
      await expectClean(tab, `options (problems), ${scheme}`);

      await choose(tab, 'acme.json', JSON.stringify({ ...pack, entries: linked }));
      await tab.getByRole('button', { name: '应用' }).waitFor();
      await expectClean(tab, `options (preview), ${scheme}`);
      await tab.getByRole('button', { name: '应用' }).click();
      await tab.getByText(`已导入「Acme ${scheme}」。`).waitFor();

      await tab.getByRole('button', { name: new RegExp(`^编辑条目 Acme ${scheme}`) }).click();
      await tab.getByRole('button', { name: /退款迟迟未到账/ }).click();
      await tab.getByRole('textbox', { name: '第 2 步' }).fill('');
      await tab.getByText('第 1 条 “退款迟迟未到账”：第 2 步不能为空').waitFor();
      await expectClean(tab, `options (editor), ${scheme}`);
      await tab.close();
    });
  }
});
