// @vitest-environment happy-dom
/** The options page's 「我的话术」 and browser sync sections, with fake apis. */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BrowserSyncSection } from '../../components/options/BrowserSyncSection';
import { optionsMessages } from '../../components/options/messages';
import { PersonalSection } from '../../components/options/PersonalSection';
import { personalSyncMessages } from '../../components/options/personal-sync-messages';
import { translator } from '../../utils/i18n';
import type { PersonalOptionsApi } from '../../utils/personal/api';
import { personalPack } from '../../utils/personal/pack';
import { savePhrasing } from '../../utils/personal/phrasings';
import type { SyncOptionsApi, SyncOptionsState } from '../../utils/sync/api';

const tm = translator(personalSyncMessages, 'zh-CN');
const t = translator(optionsMessages, 'zh-CN');
afterEach(cleanup);

function syncApi(state: SyncOptionsState): SyncOptionsApi {
  return {
    load: async () => state,
    setEnabled: vi.fn(async () => undefined),
    syncNow: vi.fn(async () => undefined),
    discardDamaged: vi.fn(async () => undefined),
    watch: () => () => undefined,
  };
}

const base = { at: 1, syncedAt: 1, bytes: 40_960, items: 9, leftOut: {} };

describe('browser sync section', () => {
  it('says what is used of the quota when all is synced', async () => {
    render(
      <BrowserSyncSection
        api={syncApi({ prefs: { enabled: true }, status: { ...base, state: 'ok' }, damaged: [] })}
        download={vi.fn()}
        t={t}
        tm={tm}
      />,
    );
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toMatch(/已同步，占用 40\.0 KB \/ 100 KB（9 项）/),
    );
  });

  it('names what no longer fits and says it is kept in this browser', async () => {
    const status = { ...base, state: 'partial' as const, leftOut: { phrasings: 3, cards: 120 } };
    render(
      <BrowserSyncSection
        api={syncApi({ prefs: { enabled: true }, status, damaged: [] })}
        download={vi.fn()}
        t={t}
        tm={tm}
      />,
    );
    const region = await screen.findByRole('status');
    expect(region.textContent).toContain(
      '同步空间已满（浏览器限制 100 KB）：3 条我的话术、120 张复习卡片只保存在此浏览器，没有丢失。',
    );
    expect(region.className).toContain('attention');
  });

  it('explains a pause for a newer release’s data, and offers the unreadable data for export', async () => {
    const download = vi.fn();
    const damaged = [{ at: 5, value: [{ key: 'p0', value: 'x', reason: 'not a list of records' }] }];
    const api = syncApi({
      prefs: { enabled: true },
      status: { ...base, state: 'newer', newer: { format: 2, by: '2.0.0' } },
      damaged,
    });
    render(<BrowserSyncSection api={api} download={download} t={t} tm={tm} />);
    expect((await screen.findByRole('status')).textContent).toContain('较新版本的坐席教练（2.0.0）');
    expect(screen.getByRole('alert').textContent).toContain('有 1 批无法读取的数据，已单独保存在此浏览器，没有删除');
    fireEvent.click(screen.getByRole('button', { name: '导出无法读取的数据' }));
    expect(download).toHaveBeenCalledWith(
      'unreadable-sync-data.json',
      JSON.stringify(damaged, null, 2),
      'application/json',
    );
    fireEvent.click(screen.getByRole('button', { name: '丢弃' }));
    expect(api.discardDamaged).toHaveBeenCalled();
  });

  it('turns sync off for this browser and syncs on demand', async () => {
    const api = syncApi({ prefs: { enabled: true }, status: null, damaged: [] });
    render(<BrowserSyncSection api={api} download={vi.fn()} t={t} tm={tm} />);
    expect((await screen.findByRole('status')).textContent).toBe('尚未同步。');
    fireEvent.click(screen.getByRole('button', { name: '立即同步' }));
    expect(api.syncNow).toHaveBeenCalled();
    fireEvent.click(screen.getByRole('checkbox', { name: '在此浏览器上同步' }));
    expect(api.setEnabled).toHaveBeenCalledWith(false);
  });
});

describe('my phrasings section', () => {
  const saved = savePhrasing(
    {},
    { title: '致歉', text: '非常抱歉给您添麻烦了。', tags: '致歉', guidelineId: '' },
    { now: Date.UTC(2026, 10, 1), guidelines: new Set() },
  );
  if (!saved.ok) throw new Error('fixture');
  const pack = personalPack(saved.store, 'UTC');

  it('exports them as a pack (JSON, CSV) and imports a file into them', async () => {
    const download = vi.fn();
    const api: PersonalOptionsApi = {
      load: async () => pack,
      importFile: vi.fn(async () => ({
        ok: true as const,
        added: 2,
        updated: 1,
        unchanged: 0,
        skipped: [{ id: 'q-1', reason: 'not-phrasing' as const }],
      })),
      watch: () => () => undefined,
    };
    render(<PersonalSection api={api} download={download} t={t} tm={tm} lang="zh-CN" />);
    expect(await screen.findByText('共 1 条。')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '导出我的话术（JSON）' }));
    const [name, json] = download.mock.calls[0] as [string, string];
    expect(name).toBe('my-phrasings.json');
    expect(JSON.parse(json)).toMatchObject({
      id: 'my-phrasings',
      name: '我的话术',
      entries: [{ kind: 'phrasing', title: '致歉' }],
    });
    fireEvent.click(screen.getByRole('button', { name: '导出我的话术（CSV）' }));
    expect(download.mock.calls[1]?.[0]).toBe('my-phrasings.csv');
    const input = screen.getByLabelText(/导入到我的话术/) as HTMLInputElement;
    const file = new File(['{}'], 'mine.json', { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [file] });
    fireEvent.change(input);
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('新增 2 条，更新 1 条，未变 0 条'));
    expect(screen.getByRole('status').textContent).toContain('1 个条目不是话术，未导入：q-1');
  });

  it('says in words why a file was not imported, refuses a file over 40 MB unread, and says when importing fails', async () => {
    const importFile = vi
      .fn<PersonalOptionsApi['importFile']>()
      .mockResolvedValueOnce({
        ok: false,
        problems: [
          {
            path: 'entries[0].text',
            message: 'text must not be empty',
            code: 'empty',
            at: ['entries', 0, 'text'],
            entryTitle: '致歉',
          },
        ],
      })
      .mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
    const api: PersonalOptionsApi = { load: async () => pack, importFile, watch: () => () => undefined };
    render(<PersonalSection api={api} download={vi.fn()} t={t} tm={tm} lang="zh-CN" />);
    await screen.findByText('共 1 条。');
    const input = screen.getByLabelText(/导入到我的话术/) as HTMLInputElement;
    const choose = (file: File) => {
      Object.defineProperty(input, 'files', { value: [file], configurable: true });
      fireEvent.change(input);
    };
    choose(new File(['{}'], 'mine.json'));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('第 1 条 “致歉”：话术正文不能为空'));
    const huge = new File(['{}'], 'dump.json');
    Object.defineProperty(huge, 'size', { value: 60 * 1024 * 1024 });
    choose(huge);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('「dump.json」有 60.0 MB'));
    expect(importFile).toHaveBeenCalledTimes(1);
    choose(new File(['{}'], 'mine.json'));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('QUOTA_BYTES quota exceeded'));
  });
});
