// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OptionsApp } from '../../components/options/OptionsApp';
import type { OptionsApi, OptionsState, PolicyState } from '../../utils/packs/api';
import { commitDraft } from '../../utils/packs/edit';
import { planImport, previewImport } from '../../utils/packs/import';
import { EMPTY_LIBRARY, resetToBuiltin } from '../../utils/packs/library';
import { DEFAULT_SETTINGS } from '../../utils/settings';
import { teamPack } from '../unit/pack-fixtures';

const NO_POLICY: PolicyState = { policy: null, policyProblems: [], originGranted: null };

/** An api over an in-memory library, using the same pure functions as the real one. */
function fakeApi(settings = DEFAULT_SETTINGS, policy: Promise<PolicyState> = Promise.resolve(NO_POLICY)) {
  const listeners = new Set<() => void>();
  const state: OptionsState = {
    library: { ...EMPTY_LIBRARY },
    builtin: [teamPack('builtin', '内置')],
    corrupt: [],
    syncStatus: null,
    settings,
    noResults: [],
  };
  const changed = () => {
    for (const l of listeners) l();
  };
  const store = {
    read: async () => state.library,
    write: async (next: typeof state.library) => {
      state.library = next;
      changed();
      return { ok: true as const, library: next };
    },
  };
  const api: OptionsApi = {
    load: async () => ({ ...state }),
    loadPolicy: () => policy,
    watch: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    preview: async (file, csvPack) => {
      const r = previewImport(state.library, state.builtin, { ...file, fileName: file.name, csvPack }, '2026-11-23');
      return r.ok ? { ok: true, preview: r.preview, revision: state.library.revision } : r;
    },
    apply: async (preview, mode, from) => {
      const r = planImport(state.library, state.builtin, preview.pack, mode, { from, now: 1 });
      if (r.ok) {
        state.library = r.library;
        changed();
      }
      return r.ok ? { ok: true } : r;
    },
    saveDraft: async (draft, base) => {
      const r = await commitDraft(store, state.builtin, draft, base, { now: 1, today: '2026-11-23', from: '' });
      return r.ok ? { ok: true, pack: r.pack } : r;
    },
    setPackEnabled: async () => ({ ok: true }),
    setBuiltinEnabled: async () => ({ ok: true }),
    removePack: async () => ({ ok: true }),
    resetToBuiltin: vi.fn(async () => {
      state.library = resetToBuiltin(state.library);
      changed();
      return { ok: true } as const;
    }),
    discardCorrupt: async () => {},
    saveSettings: vi.fn(async (patch) => {
      state.settings = { ...state.settings, ...patch };
      changed();
    }),
    clearNoResults: async () => {},
    download: vi.fn(),
    openShortcutSettings: async () => false,
    requestOriginPermission: async () => false,
    syncNow: async () => {},
  };
  return { api, state, changed };
}

function choose(text: string, name: string) {
  const input = screen.getByLabelText('选择文件') as HTMLInputElement;
  const file = new File([text], name);
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
}

afterEach(cleanup);

describe('options page', () => {
  it('lists every problem of a broken file in an alert, with line and entry id, and offers no apply', async () => {
    const { api, state } = fakeApi();
    render(<OptionsApp api={api} today="2026-11-23" />);
    await screen.findByRole('heading', { name: '导入知识包' });
    const pack = teamPack();
    (pack.entries[2] as { answer: string }).answer = 'Z';
    choose(JSON.stringify(pack, null, 2), 'team.json');
    const alert = (await screen.findByText(/无法导入：1 个问题/)).closest('[role="alert"]') as HTMLElement;
    // In words, naming the entry and the field; the technical place beside it for whoever edits the file.
    expect(alert.textContent).toContain('第 3 条 “退款超时先做什么”：答案 “Z” 不是任何一个选项的字母（现有选项：AB）');
    expect(alert.textContent).toMatch(/team\.json:\d+ · entries\[2\]\.answer/);
    expect(alert.textContent).not.toMatch(/is not one of/);
    expect(screen.queryByRole('button', { name: '应用' })).toBeNull();
    expect(state.library.packs).toEqual([]);
  });

  it('previews a valid pack, applies it, and shows it in the pack list', async () => {
    const { api, state } = fakeApi();
    render(<OptionsApp api={api} today="2026-11-23" />);
    await screen.findByRole('heading', { name: '导入知识包' });
    choose(JSON.stringify(teamPack()), 'team.json');
    expect(await screen.findByText('新增 6')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '应用' }));
    expect(await screen.findByText('已导入「Acme 客服规范」。')).toBeTruthy();
    expect(state.library.packs.map((p) => p.pack.id)).toEqual(['acme-support']);
    expect(await screen.findByLabelText('Acme 客服规范（acme-support，6 条）')).toBeTruthy();
  });

  it('shows the synonym groups a pack brings in the preview, and applies them with the pack', async () => {
    const { api, state } = fakeApi();
    render(<OptionsApp api={api} today="2026-11-23" />);
    await screen.findByRole('heading', { name: '导入知识包' });
    choose(JSON.stringify({ ...teamPack(), synonyms: [['安心保', '安心保障计划', 'AXB']] }), 'team.json');
    const summary = await screen.findByText(/^同义词 1 组/);
    const list = (summary.closest('details') as HTMLElement).querySelector('ul') as HTMLElement;
    expect(list.textContent).toBe('安心保 = 安心保障计划 = AXB');
    fireEvent.click(screen.getByRole('button', { name: '应用' }));
    expect(await screen.findByText('已导入「Acme 客服规范」。')).toBeTruthy();
    expect(state.library.packs[0]?.pack.synonyms).toEqual([['安心保', '安心保障计划', 'AXB']]);
  });

  it('renders pack text as text: HTML in a title stays inert', async () => {
    const { api } = fakeApi();
    const { container } = render(<OptionsApp api={api} today="2026-11-23" />);
    await screen.findByRole('heading', { name: '导入知识包' });
    const pack = teamPack();
    pack.entries[1] = {
      ...(pack.entries[1] as (typeof pack.entries)[number]),
      title: '<img src=x onerror="alert(1)">',
    };
    choose(JSON.stringify(pack), 'team.json');
    const preview = await screen.findByText('新增 6');
    const list = (preview.closest('details') as HTMLElement).querySelector('ul') as HTMLElement;
    expect(within(list).getByText('<img src=x onerror="alert(1)">', { exact: false })).toBeTruthy();
    expect(container.querySelector('img')).toBeNull();
  });

  it('shows packs and settings while the administrator policy is still being read, then the policy', async () => {
    let answer: (p: PolicyState) => void = () => undefined;
    const { api } = fakeApi(
      DEFAULT_SETTINGS,
      new Promise((resolve) => {
        answer = resolve;
      }),
    );
    render(<OptionsApp api={api} today="2026-11-23" />);
    expect(await screen.findByRole('button', { name: '恢复为内置知识包' })).toBeTruthy();
    expect(screen.getByText('正在读取管理员策略…')).toBeTruthy();
    answer({
      policy: { packUrl: 'https://kb.example.com/acme.json', syncIntervalMinutes: 60 },
      policyProblems: [],
      originGranted: true,
    });
    expect(await screen.findByText(/https:\/\/kb\.example\.com\/acme\.json/)).toBeTruthy();
    expect(screen.queryByText('正在读取管理员策略…')).toBeNull();
  });

  it('keeps a switch where the agent put it until the packs say so, and puts it back when refused', async () => {
    const { api, state, changed } = fakeApi();
    let finish: (ok: boolean) => void = () => undefined;
    api.setBuiltinEnabled = (enabled) =>
      new Promise((resolve) => {
        finish = (ok) => {
          if (ok) state.library = { ...state.library, revision: state.library.revision + 1, builtinEnabled: enabled };
          resolve(ok ? { ok: true } : { ok: false, problems: [{ path: '', message: 'x', code: 'changedElsewhere' }] });
          changed();
        };
      });
    render(<OptionsApp api={api} today="2026-11-23" />);
    const builtin = (await screen.findByRole('checkbox', { name: /内置知识包/ })) as HTMLInputElement;
    fireEvent.click(builtin);
    expect(builtin.checked).toBe(false);
    // The page re-renders (another section changed) before the write is done: the switch stays off.
    state.noResults = [{ query: '退款慢', count: 2, firstAt: 1, lastAt: 2 }];
    changed();
    await screen.findByText(/「退款慢」× 2/);
    expect(builtin.checked).toBe(false);
    finish(true);
    await waitFor(() => expect(state.library.builtinEnabled).toBe(false));
    expect(builtin.checked).toBe(false);

    fireEvent.click(builtin);
    expect(builtin.checked).toBe(true);
    finish(false);
    await screen.findByText(/知识包刚在其他页面或由管理员同步修改过/);
    await waitFor(() => expect(builtin.checked).toBe(false));
  });

  it('asks for confirmation before resetting to the built-in pack', async () => {
    const { api } = fakeApi();
    render(<OptionsApp api={api} today="2026-11-23" />);
    fireEvent.click(await screen.findByRole('button', { name: '恢复为内置知识包' }));
    expect(api.resetToBuiltin).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: '确定' }));
    await waitFor(() => expect(api.resetToBuiltin).toHaveBeenCalledTimes(1));
  });

  it('saves quiz size, language, sites and ticket selectors, refusing a bad site', async () => {
    const { api } = fakeApi();
    render(<OptionsApp api={api} today="2026-11-23" />);
    fireEvent.input(await screen.findByLabelText('每日测验题数（3–20）'), { target: { value: '8' } });
    const sites = screen.getByLabelText(/页面建议站点/);
    fireEvent.input(sites, { target: { value: 'not a site' } });
    fireEvent.click(screen.getByRole('button', { name: '保存设置' }));
    expect(await screen.findByText('不是有效的网址来源：not a site')).toBeTruthy();
    expect(api.saveSettings).not.toHaveBeenCalled();
    fireEvent.input(sites, { target: { value: 'https://acme.zendesk.com/agent/tickets/1' } });
    fireEvent.click(screen.getByRole('button', { name: '添加一行' }));
    fireEvent.input(screen.getByLabelText('主机'), { target: { value: 'acme.zendesk.com' } });
    fireEvent.input(screen.getByLabelText('标题选择器'), { target: { value: 'h1' } });
    fireEvent.change(screen.getByLabelText('界面语言'), { target: { value: 'en' } });
    fireEvent.click(screen.getByRole('button', { name: '保存设置' }));
    await waitFor(() => expect(api.saveSettings).toHaveBeenCalledTimes(1));
    expect(api.saveSettings).toHaveBeenCalledWith({
      quizSize: 8,
      uiLanguage: 'en',
      suggestionSites: ['https://acme.zendesk.com'],
      ticketSelectors: [{ host: 'acme.zendesk.com', subject: 'h1', message: '' }],
    });
    expect(await screen.findByRole('heading', { name: 'Preferences' })).toBeTruthy();
  });

  it('says what the no-result report keeps: typed queries only, masked numbers, 90 days, this computer', async () => {
    const { api } = fakeApi();
    render(<OptionsApp api={api} today="2026-11-23" />);
    const section = (await screen.findByRole('heading', { name: '无结果搜索记录' })).closest('section') as HTMLElement;
    const text = section.textContent ?? '';
    for (const part of [
      '仅保存在本机',
      '亲手输入',
      '页面选中的文字',
      '右键菜单搜索',
      '粘贴',
      '工单推荐',
      '手机号',
      '身份证号',
      '银行卡号',
      '邮箱',
      '90 天',
    ]) {
      expect(text).toContain(part);
    }
  });

  it('refuses a file over 40 MB before reading it', async () => {
    const { api } = fakeApi();
    const preview = vi.spyOn(api, 'preview');
    render(<OptionsApp api={api} today="2026-11-23" />);
    await screen.findByRole('heading', { name: '导入知识包' });
    const input = screen.getByLabelText('选择文件') as HTMLInputElement;
    const file = new File(['{}'], 'dump.json');
    Object.defineProperty(file, 'size', { value: 60 * 1024 * 1024 });
    const read = vi.fn(async () => new ArrayBuffer(0));
    Object.defineProperty(file, 'arrayBuffer', { value: read });
    Object.defineProperty(file, 'text', { value: read });
    Object.defineProperty(file, 'stream', { value: read });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    fireEvent.change(input);
    const section = screen.getByRole('heading', { name: '导入知识包' }).closest('section') as HTMLElement;
    const alert = within(section).getByRole('alert');
    await waitFor(() => expect(alert.textContent).toContain('「dump.json」有 60.0 MB，知识包最大 40 MB：文件未读取。'));
    expect(read).not.toHaveBeenCalled();
    expect(preview).not.toHaveBeenCalled();
    // A file of the right size afterwards is read and previewed as usual.
    choose(JSON.stringify(teamPack()), 'team.json');
    expect(await screen.findByText('新增 6')).toBeTruthy();
    expect(alert.textContent).not.toContain('dump.json');
  });

  it('says so when Apply fails (storage full) and lets the agent press Apply again', async () => {
    const { api, state } = fakeApi();
    const realApply = api.apply;
    api.apply = vi
      .fn(realApply)
      .mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded')) as unknown as OptionsApi['apply'];
    render(<OptionsApp api={api} today="2026-11-23" />);
    await screen.findByRole('heading', { name: '导入知识包' });
    choose(JSON.stringify(teamPack()), 'team.json');
    const apply = await screen.findByRole('button', { name: '应用' });
    fireEvent.click(apply);
    const alerts = await screen.findAllByRole('alert');
    await waitFor(() =>
      expect(alerts.map((a) => a.textContent).join()).toContain('操作没有完成：QUOTA_BYTES quota exceeded'),
    );
    expect(state.library.packs).toEqual([]);
    const again = screen.getByRole('button', { name: '应用' }) as HTMLButtonElement;
    expect(again.disabled).toBe(false);
    fireEvent.click(again);
    expect(await screen.findByText('已导入「Acme 客服规范」。')).toBeTruthy();
    expect(screen.queryByText(/QUOTA_BYTES/)).toBeNull();
  });

  it('says so when any other action of the page fails: toggle, remove, reset, discard, save, record switch, clear, sync', async () => {
    const { api, state } = fakeApi();
    const seed = planImport(state.library, state.builtin, teamPack(), 'replace', { from: 'team.json', now: 1 });
    if (!seed.ok) throw new Error('seed');
    state.library = seed.library;
    state.corrupt = [{ value: { id: 'x' }, reasons: ['damaged'], foundAt: 1 }];
    state.noResults = [{ query: '退款', count: 1, firstAt: 1, lastAt: 1 }];
    const fail = (what: string) => vi.fn(async () => Promise.reject(new Error(`${what} failed`)));
    Object.assign(api, {
      setPackEnabled: fail('toggle'),
      setBuiltinEnabled: fail('builtin toggle'),
      removePack: fail('remove'),
      resetToBuiltin: fail('reset'),
      discardCorrupt: fail('discard'),
      saveSettings: fail('save'),
      clearNoResults: fail('clear'),
      syncNow: fail('sync'),
    });
    const policy: PolicyState = {
      policy: { packUrl: 'https://kb.example.com/acme.json', syncIntervalMinutes: 60 },
      policyProblems: [],
      originGranted: true,
    };
    api.loadPolicy = async () => policy;
    render(<OptionsApp api={api} today="2026-11-23" />);
    const alertText = () =>
      screen
        .getAllByRole('alert')
        .map((a) => a.textContent)
        .join('|');
    const expectAlert = (what: string) => waitFor(() => expect(alertText()).toContain(`操作没有完成：${what} failed`));

    fireEvent.click(await screen.findByLabelText('Acme 客服规范（acme-support，6 条）'));
    await expectAlert('toggle');
    fireEvent.click(screen.getByRole('checkbox', { name: /^内置知识包/ }));
    await expectAlert('builtin toggle');
    fireEvent.click(screen.getByRole('button', { name: /^移除/ }));
    fireEvent.click(screen.getByRole('button', { name: '确定' }));
    await expectAlert('remove');
    fireEvent.click(screen.getByRole('button', { name: '恢复为内置知识包' }));
    fireEvent.click(screen.getByRole('button', { name: '确定' }));
    await expectAlert('reset');
    expect(screen.getByRole('button', { name: '恢复为内置知识包' })).toBeTruthy(); // the confirmation closed
    fireEvent.click(screen.getByRole('button', { name: '丢弃' }));
    await expectAlert('discard');
    fireEvent.click(screen.getByLabelText('记录无结果的搜索'));
    await expectAlert('save');
    fireEvent.click(screen.getByRole('button', { name: '清空' }));
    await expectAlert('clear');
    fireEvent.click(await screen.findByRole('button', { name: '立即同步' }));
    await expectAlert('sync');
    fireEvent.click(screen.getByRole('button', { name: '保存设置' }));
    const settings = screen.getByRole('heading', { name: '偏好设置' }).closest('section') as HTMLElement;
    await waitFor(() => expect(within(settings).getByRole('alert').textContent).toBe('操作没有完成：save failed'));
    expect(screen.queryByText('设置已保存。')).toBeNull();
  });
});
