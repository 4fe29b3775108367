// @vitest-environment happy-dom
/** 「我的话术」 in the side panel: create, find, edit, delete and undo, from the keyboard, with a fake api. */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Panel } from '../../components/panel/Panel';
import type { Entry } from '../../knowledge/schema';
import type { Corpus, PersonalApi } from '../../utils/panel/api';
import { combineCorpus, personalCorpus } from '../../utils/panel/personal-corpus';
import {
  deletePhrasing,
  livePhrasings,
  type PersonalStore,
  restorePhrasing,
  savePhrasing,
} from '../../utils/personal/phrasings';
import { buildIndex, search, searchWithWords } from '../../utils/search';
import { DEFAULT_SETTINGS } from '../../utils/settings';
import { fakeApi } from './panel-fixtures';

const TEAM: Entry[] = [
  {
    kind: 'guideline',
    id: 'refund-delay',
    title: '退款迟迟未到账',
    tags: [],
    keywords: ['退款慢'],
    provenance: { source: 'handbook', section: '退款', number: 1 },
    reviewedAt: '2026-11-01',
    scenario: '客户反映退款一周仍未到账。',
    steps: ['核实退款状态'],
    phrasings: [],
    keyPoints: [],
  },
];

const teamIndex = buildIndex(TEAM);
const teamCorpus: Corpus = {
  entries: TEAM,
  search: (q, o) => search(teamIndex, q, o),
  searchWithWords: (q, o) => searchWithWords(teamIndex, q, o),
};

/** The personal api on the real pure functions, in memory; a change is announced as the adapter does (watchPacks). */
function fakePersonal(initial: PersonalStore = {}) {
  let store = initial;
  const listeners = new Set<() => void>();
  const changed = () => {
    for (const l of listeners) l();
  };
  let clock = Date.UTC(2026, 10, 20);
  const corpus = () => combineCorpus(teamCorpus, personalCorpus(livePhrasings(store), {}));
  const watch = (l: () => void) => {
    listeners.add(l);
    return () => void listeners.delete(l);
  };
  const personal: PersonalApi = {
    save: vi.fn(async (draft, id, guidelines) => {
      const result = savePhrasing(store, draft, { id, now: ++clock, guidelines });
      if (!result.ok) return result;
      store = result.store;
      changed();
      return { ok: true as const, record: result.record };
    }),
    remove: vi.fn(async (id) => {
      const result = deletePhrasing(store, id, ++clock);
      store = result.store;
      changed();
      return result.removed;
    }),
    restore: vi.fn(async (record) => {
      store = restorePhrasing(store, record, ++clock);
      changed();
    }),
  };
  return { personal, corpus, watch, live: () => livePhrasings(store) };
}

function renderPanel({
  personal,
  corpus,
  watch,
}: Pick<ReturnType<typeof fakePersonal>, 'personal' | 'corpus' | 'watch'>) {
  const { api, request } = fakeApi({
    loadCorpus: async () => corpus(),
    watchPacks: watch,
    fieldValues: vi.fn(async () => ({})),
    personal,
  });
  render(
    <Panel
      api={api}
      corpus={corpus()}
      initial={{ settings: { ...DEFAULT_SETTINGS }, recents: [], favorites: [], usage: {} }}
    />,
  );
  return { api, box: screen.getByRole('combobox') as HTMLInputElement, request };
}

const type = (el: HTMLElement, value: string) => fireEvent.input(el, { target: { value } });
const form = () => screen.getByRole('form', { name: /我的话术/ });
const field = (name: RegExp) => within(form()).getByLabelText(name) as HTMLInputElement;

afterEach(cleanup);

describe('my phrasings in the side panel', () => {
  it('creates a phrasing from the keyboard (Alt+N, Ctrl+Enter), then finds it by pinyin initials, marked 「我的」', async () => {
    const fake = fakePersonal();
    const { live } = fake;
    const { box, api } = renderPanel(fake);
    fireEvent.keyDown(box, { key: 'n', code: 'KeyN', altKey: true });
    await waitFor(() => expect(document.activeElement).toBe(field(/标题/)));
    type(field(/标题/), '催退款安抚');
    type(field(/话术内容/), '{客户称呼}您好，退款已经在加急处理了。');
    type(field(/标签/), '退款，安抚');
    fireEvent.keyDown(field(/标签/), { key: 'Enter', ctrlKey: true });
    await waitFor(() => expect(screen.queryByRole('form')).toBeNull());
    expect(live()).toMatchObject([{ title: '催退款安抚', tags: ['退款', '安抚'] }]);
    expect(screen.getByRole('status').textContent).toBe('已保存到「我的话术」：催退款安抚');
    // Shown at once, focus back in the box.
    expect(screen.getByRole('article').textContent).toContain('退款已经在加急处理了');
    expect(document.activeElement).toBe(box);
    type(box, 'ctkaf');
    await waitFor(() => expect(screen.getAllByRole('option')[0]?.textContent).toContain('催退款安抚'));
    expect(screen.getAllByRole('option')[0]?.textContent).toContain('我的');
    const detail = screen.getByRole('article');
    expect(detail.textContent).toContain('我的话术 · 更新于');
    expect(detail.textContent).not.toContain('出处');
    // Copy works as for any phrasing (its placeholder asks first).
    fireEvent.keyDown(box, { key: 'Enter', ctrlKey: true });
    expect(await screen.findByRole('textbox', { name: '客户称呼' })).toBeTruthy();
    expect(api.insert).not.toHaveBeenCalled();
  });

  it('shows problems at their fields and saves nothing until they are fixed', async () => {
    const fake = fakePersonal();
    const { personal } = fake;
    renderPanel(fake);
    fireEvent.click(screen.getByRole('button', { name: '＋ 新建话术' }));
    type(field(/话术内容/), '您好');
    type(field(/关联规范/), '不存在的规范');
    fireEvent.click(within(form()).getByRole('button', { name: '保存' }));
    expect(within(form()).getByRole('alert').textContent).toBe('无法保存：请修改标出的 2 处');
    expect(field(/标题/).getAttribute('aria-invalid')).toBe('true');
    expect(field(/标题/).getAttribute('aria-describedby')).toBe('coach-pf-title-error');
    expect(screen.getByText('标题不能为空')).toBeTruthy();
    expect(screen.getByText('没有找到这条规范：请从列表中选择，或留空')).toBeTruthy();
    expect(personal.save).not.toHaveBeenCalled();
    // Picking the guideline by its title links it.
    type(field(/关联规范/), '退款迟迟未到账');
    expect(screen.getByText('关联到：退款迟迟未到账')).toBeTruthy();
    type(field(/标题/), '有标题了');
    fireEvent.keyDown(field(/标题/), { key: 'Enter' });
    await waitFor(() => expect(personal.save).toHaveBeenCalledTimes(1));
    expect(vi.mocked(personal.save).mock.calls[0]?.[0]).toMatchObject({
      title: '有标题了',
      guidelineId: 'refund-delay',
    });
    // The link shows in the detail and opens the guideline.
    fireEvent.click(await screen.findByRole('button', { name: '退款迟迟未到账' }));
    await waitFor(() => expect(screen.getByRole('heading', { level: 3 }).textContent).toBe('退款迟迟未到账'));
  });

  it('opens the form filled with text selected on a page (「保存为我的话术」)', async () => {
    const fake = fakePersonal();
    const { personal } = fake;
    const { request } = renderPanel(fake);
    request({ type: 'compose', text: '您好，您反馈的问题我已记录。我们会在24小时内回复您。' });
    await waitFor(() => expect(field(/话术内容/).value).toBe('您好，您反馈的问题我已记录。我们会在24小时内回复您。'));
    expect(field(/标题/).value).toBe('您好，您反馈的问题我已记录。');
    expect(document.activeElement).toBe(field(/标题/));
    // Esc cancels and hands the keyboard back to the search box.
    fireEvent.keyDown(field(/标题/), { key: 'Escape' });
    expect(screen.queryByRole('form')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('combobox'));
    expect(personal.save).not.toHaveBeenCalled();
  });

  it('edits with F2, deletes with Alt+Delete and undoes with Alt+Z', async () => {
    const saved = savePhrasing(
      {},
      { title: '旧标题', text: '旧内容', tags: '', guidelineId: '' },
      { now: 1, guidelines: new Set() },
    );
    if (!saved.ok) throw new Error('fixture');
    const fake = fakePersonal(saved.store);
    const { personal, live } = fake;
    const { box } = renderPanel(fake);
    type(box, '旧标题');
    await waitFor(() => expect(screen.getAllByRole('option')[0]?.textContent).toContain('旧标题'));
    fireEvent.keyDown(box, { key: 'F2' });
    expect(screen.getByRole('heading', { name: '编辑我的话术' })).toBeTruthy();
    expect(field(/话术内容/).value).toBe('旧内容');
    type(field(/标题/), '新标题');
    fireEvent.keyDown(field(/话术内容/), { key: 'Enter', ctrlKey: true });
    await waitFor(() => expect(live()[0]?.title).toBe('新标题'));
    expect(vi.mocked(personal.save).mock.calls[0]?.[1]).toBe(saved.record.id);
    expect(screen.getByRole('status').textContent).toBe('已更新「新标题」');

    fireEvent.keyDown(box, { key: 'Delete', altKey: true });
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('已删除「新标题」'));
    expect(live()).toEqual([]);
    expect(screen.queryByRole('article')).toBeNull();
    expect(screen.getByRole('button', { name: '撤销删除（Alt+Z）' })).toBeTruthy();
    fireEvent.keyDown(box, { key: 'z', code: 'KeyZ', altKey: true });
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('已恢复「新标题」'));
    expect(live().map((r) => r.title)).toEqual(['新标题']);
    expect(screen.getByRole('article').textContent).toContain('旧内容');
    expect(screen.queryByRole('button', { name: '撤销删除（Alt+Z）' })).toBeNull();
  });

  it('does not edit or delete team entries', async () => {
    const fake = fakePersonal();
    const { personal } = fake;
    const { box } = renderPanel(fake);
    type(box, '退款迟迟');
    await waitFor(() => expect(screen.getByRole('article')).toBeTruthy());
    expect(screen.queryByRole('button', { name: /编辑这条/ })).toBeNull();
    fireEvent.keyDown(box, { key: 'F2' });
    expect(screen.getByRole('status').textContent).toBe('只有「我的话术」可以在这里编辑或删除。');
    fireEvent.keyDown(box, { key: 'Delete', altKey: true });
    await waitFor(() => expect(personal.remove).not.toHaveBeenCalled());
    expect(screen.queryByRole('form')).toBeNull();
  });

  it('a new phrasing made while a guideline is shown is linked to it', async () => {
    const fake = fakePersonal();
    const { box } = renderPanel(fake);
    type(box, '退款迟迟');
    await waitFor(() => expect(screen.getByRole('article')).toBeTruthy());
    fireEvent.keyDown(box, { key: 'n', code: 'KeyN', altKey: true });
    expect(field(/关联规范/).value).toBe('退款迟迟未到账');
  });
});
