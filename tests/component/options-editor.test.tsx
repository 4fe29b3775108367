// @vitest-environment happy-dom
/**
 * The entry editor on the options page, with an in-memory library behind the same pure functions the browser
 * adapter uses: open a team pack, edit with problems shown as you type, reorder by keyboard, add and delete
 * (with undo), save, export what imports again.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OptionsApp } from '../../components/options/OptionsApp';
import { parsePackJson } from '../../knowledge/loader';
import type { Entry, Pack } from '../../knowledge/schema';
import type { OptionsApi, OptionsState } from '../../utils/packs/api';
import { commitDraft } from '../../utils/packs/edit';
import { EMPTY_LIBRARY, type PackLibrary, withPack } from '../../utils/packs/library';
import { DEFAULT_SETTINGS, type Settings } from '../../utils/settings';
import { teamPack } from '../unit/pack-fixtures';

type Guideline = Extract<Entry, { kind: 'guideline' }>;

function fakeApi(settings: Settings = DEFAULT_SETTINGS) {
  const listeners = new Set<() => void>();
  const installed = withPack(EMPTY_LIBRARY, {
    pack: teamPack(),
    enabled: true,
    origin: 'import',
    from: 'acme.json',
    installedAt: 1,
  });
  const state: OptionsState = {
    library: installed,
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
    write: async (next: PackLibrary, expected: number) => {
      if (state.library.revision !== expected) return { ok: false as const, message: 'changed elsewhere' };
      state.library = next;
      changed();
      return { ok: true as const, library: next };
    },
  };
  const downloads: { name: string; text: string }[] = [];
  const api: OptionsApi = {
    load: async () => ({ ...state }),
    loadPolicy: async () => ({ policy: null, policyProblems: [], originGranted: null }),
    watch: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    preview: async () => ({ ok: false, problems: [] }),
    apply: async () => ({ ok: true }),
    saveDraft: vi.fn(async (draft, base) => {
      const r = await commitDraft(store, state.builtin, draft, base, { now: 2, today: '2026-11-23', from: '' });
      return r.ok ? { ok: true as const, pack: r.pack } : r;
    }),
    setPackEnabled: async () => ({ ok: true }),
    setBuiltinEnabled: async () => ({ ok: true }),
    removePack: async () => ({ ok: true }),
    resetToBuiltin: async () => ({ ok: true }),
    discardCorrupt: async () => {},
    saveSettings: async () => {},
    clearNoResults: async () => {},
    download: (name, text) => {
      downloads.push({ name, text });
    },
    openShortcutSettings: async () => false,
    requestOriginPermission: async () => false,
    syncNow: async () => {},
  };
  return { api, state, downloads, changed };
}

const stored = (state: OptionsState): Pack => state.library.packs[0]?.pack as Pack;
const guidelineOf = (pack: Pack) => pack.entries.find((e): e is Guideline => e.kind === 'guideline') as Guideline;

async function openEditor(api: OptionsApi) {
  render(<OptionsApp api={api} today="2026-11-23" />);
  fireEvent.click(await screen.findByRole('button', { name: /^编辑条目 Acme 客服规范/ }));
  const editor = (await screen.findByRole('heading', { name: /编辑条目：Acme 客服规范/ })).closest(
    'section',
  ) as HTMLElement;
  return within(editor);
}

afterEach(cleanup);

describe('entry editor', () => {
  it('edits a guideline: a problem shows in words as soon as a step is emptied, saving waits until it is fixed', async () => {
    const { api, state } = fakeApi();
    const editor = await openEditor(api);
    fireEvent.click(editor.getByRole('button', { name: /退款迟迟未到账/ }));
    const step2 = editor.getByRole('textbox', { name: '第 2 步' });
    fireEvent.input(step2, { target: { value: '  ' } });
    // Under the field, and in the summary with the entry named.
    expect(step2.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(step2.getAttribute('aria-describedby') ?? '')?.textContent).toBe('第 2 步不能为空');
    expect(editor.getByRole('button', { name: '第 1 条 “退款迟迟未到账”：第 2 步不能为空' })).toBeTruthy();

    fireEvent.click(editor.getByRole('button', { name: '保存' }));
    expect(await editor.findByText('还有 1 个问题，修改后才能保存。')).toBeTruthy();
    expect(api.saveDraft).not.toHaveBeenCalled();

    fireEvent.input(step2, { target: { value: '说明到账时效（3–5 个工作日）' } });
    expect(editor.getByText('没有问题，可以保存。')).toBeTruthy();
    fireEvent.click(editor.getByRole('button', { name: '保存' }));
    expect(await editor.findByText('已保存「Acme 客服规范」，面板和测验已使用新内容。')).toBeTruthy();
    expect(guidelineOf(stored(state)).steps).toEqual(['核实退款单号与状态', '说明到账时效（3–5 个工作日）']);
    // The switch and the file it came from are kept.
    expect(state.library.packs[0]).toMatchObject({ enabled: true, from: 'acme.json', installedAt: 1 });
    expect(stored(state).updatedAt).toBe('2026-11-23');
    // The saved pack is the editor's new base: the page reloading it is not a change made elsewhere.
    await waitFor(() => expect(screen.queryByText(/刚在其他地方被修改过/)).toBeNull());
    fireEvent.input(step2, { target: { value: '说明到账时效' } });
    fireEvent.click(editor.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(guidelineOf(stored(state)).steps[1]).toBe('说明到账时效'));
    expect(screen.queryByText(/刚在其他地方被修改过/)).toBeNull();
  });

  it('reorders steps with Alt+↓ in the step itself, focus following the step, and announces it', async () => {
    const { api, state } = fakeApi();
    const editor = await openEditor(api);
    fireEvent.click(editor.getByRole('button', { name: /退款迟迟未到账/ }));
    fireEvent.keyDown(editor.getByRole('textbox', { name: '第 1 步' }), { key: 'ArrowDown', altKey: true });
    const moved = editor.getByRole('textbox', { name: '第 2 步' }) as HTMLTextAreaElement;
    expect(moved.value).toBe('核实退款单号与状态');
    await waitFor(() => expect(document.activeElement).toBe(moved));
    await waitFor(() => expect(screen.getByText('第 1 步已移到第 2 位')).toBeTruthy());
    // And back with the button.
    fireEvent.click(editor.getByRole('button', { name: '上移第 2 步' }));
    expect((editor.getByRole('textbox', { name: '第 1 步' }) as HTMLTextAreaElement).value).toBe('核实退款单号与状态');
    fireEvent.click(editor.getByRole('button', { name: '下移第 1 步' }));
    fireEvent.click(editor.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(guidelineOf(stored(state)).steps).toEqual(['说明到账时效', '核实退款单号与状态']));
  });

  it('adds a phrasing, showing its problems only once a field is left, and exports JSON that imports cleanly', async () => {
    const { api, state, downloads } = fakeApi();
    const editor = await openEditor(api);
    fireEvent.click(editor.getByRole('button', { name: '＋ 话术' }));
    const title = editor.getByRole('textbox', { name: '标题' });
    await waitFor(() => expect(document.activeElement).toBe(title));
    // A new, empty entry: no red fields yet, but the summary says what is missing.
    expect(title.getAttribute('aria-invalid')).toBeNull();
    expect(editor.getByRole('button', { name: '第 7 条：标题不能为空' })).toBeTruthy();
    fireEvent.blur(title);
    expect(title.getAttribute('aria-invalid')).toBe('true');

    fireEvent.input(title, { target: { value: '催单安抚' } });
    fireEvent.input(editor.getByRole('textbox', { name: '话术正文' }), {
      target: { value: '{客户称呼}您好，已为您催促仓库，今天内发出。' },
    });
    fireEvent.input(editor.getByRole('textbox', { name: '关键词' }), { target: { value: '催单，发货慢、' } });
    // A team's own line: the source name is prefilled, no section or number needed.
    expect((editor.getByRole('textbox', { name: '出处名称' }) as HTMLInputElement).value).toBe('Acme 客服规范');
    expect(editor.getByText('没有问题，可以保存。')).toBeTruthy();

    fireEvent.click(editor.getByRole('button', { name: '导出 JSON' }));
    expect(downloads.map((d) => d.name)).toEqual(['acme-support.json']);
    const exported = parsePackJson(downloads[0]?.text ?? '');
    expect(exported.ok).toBe(true);
    if (!exported.ok) return;
    const added = exported.pack.entries.at(-1);
    expect(added).toMatchObject({
      kind: 'phrasing',
      title: '催单安抚',
      keywords: ['催单', '发货慢'],
      provenance: { source: 'Acme 客服规范' },
    });

    fireEvent.click(editor.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(stored(state).entries).toHaveLength(7));
  });

  it('deletes an entry with undo, and keeps the right answer with its option text when options move', async () => {
    const { api, state } = fakeApi();
    const editor = await openEditor(api);
    fireEvent.click(editor.getByRole('button', { name: /致歉话术/ }));
    fireEvent.click(editor.getByRole('button', { name: '删除此条目' }));
    expect(editor.queryByRole('button', { name: /致歉话术/ })).toBeNull();
    fireEvent.click(editor.getByRole('button', { name: '撤销' }));
    expect(editor.getByRole('button', { name: /致歉话术/ })).toBeTruthy();

    fireEvent.click(editor.getByRole('button', { name: /退款超时先做什么/ }));
    const answerB = editor.getByRole('radio', { name: /正确答案\s*（选项 B）/ }) as HTMLInputElement;
    expect(answerB.checked).toBe(true);
    fireEvent.click(editor.getByRole('button', { name: '上移选项 B' }));
    expect((editor.getByRole('textbox', { name: '选项 A' }) as HTMLInputElement).value).toBe('核实退款单号与状态');
    expect((editor.getByRole('radio', { name: /正确答案\s*（选项 A）/ }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(editor.getByRole('button', { name: '保存' }));
    await waitFor(() => {
      const q = stored(state).entries.find((e) => e.id === 'acme-support-q-single');
      expect(q).toMatchObject({
        answer: 'A',
        options: [
          { key: 'A', text: '核实退款单号与状态' },
          { key: 'B', text: '直接承诺今天到账' },
        ],
      });
    });
    expect(stored(state).entries.map((e) => e.id)).toContain('acme-support-apology');
  });

  it('refuses to overwrite a pack changed elsewhere meanwhile, and says so', async () => {
    const { api, state, changed } = fakeApi();
    const editor = await openEditor(api);
    fireEvent.click(editor.getByRole('button', { name: /退款迟迟未到账/ }));
    fireEvent.input(editor.getByRole('textbox', { name: '标题' }), { target: { value: '退款未到账（新）' } });
    // Another tab saves the same pack.
    const other = stored(state);
    state.library = withPack(state.library, {
      ...(state.library.packs[0] as PackLibrary['packs'][number]),
      pack: { ...other, name: '别处改过' },
    });
    changed();
    expect(await editor.findByText(/这个知识包刚在其他地方被修改过/)).toBeTruthy();
    fireEvent.click(editor.getByRole('button', { name: '保存' }));
    expect(await editor.findByText(/知识包刚在其他页面或由管理员同步修改过，请重试/)).toBeTruthy();
    expect(stored(state).name).toBe('别处改过');
  });

  it('words problems in English when the interface is in English', async () => {
    const { api } = fakeApi({ ...DEFAULT_SETTINGS, uiLanguage: 'en' });
    render(<OptionsApp api={api} today="2026-11-23" />);
    fireEvent.click(await screen.findByRole('button', { name: /^Edit entries Acme/ }));
    fireEvent.click(await screen.findByRole('button', { name: /退款迟迟未到账/ }));
    fireEvent.input(screen.getByRole('textbox', { name: 'Scenario' }), { target: { value: '' } });
    expect(
      screen.getByRole('button', { name: 'Entry 1 "退款迟迟未到账": the scenario must not be empty' }),
    ).toBeTruthy();
  });
});
