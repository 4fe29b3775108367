// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Panel } from '../../components/panel/Panel';
import type { Entry } from '../../knowledge/schema';
import type { Corpus, PanelApi, PanelRequest, PanelState } from '../../utils/panel/api';
import { base, corpusOf, ENTRIES, fakeApi, STATE } from './panel-fixtures';

function renderPanel(
  api: PanelApi,
  state: Partial<PanelState> = {},
  initialRequest?: PanelRequest,
  corpus: Corpus | Promise<Corpus> = corpusOf(ENTRIES),
) {
  render(<Panel api={api} corpus={corpus} initial={{ ...STATE, ...state }} initialRequest={initialRequest} />);
  return screen.getByRole('combobox');
}

const type = (box: HTMLElement, value: string) => fireEvent.input(box, { target: { value } });
const selectedOption = () => screen.getAllByRole('option').find((o) => o.getAttribute('aria-selected') === 'true');

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('side panel', () => {
  it('is a combobox whose first result is selected and shown in full', () => {
    const { api } = fakeApi();
    const box = renderPanel(api);
    expect(document.activeElement).toBe(box);
    type(box, '退款到账');
    expect(box.getAttribute('aria-expanded')).toBe('true');
    expect(box.getAttribute('aria-controls')).toBe(screen.getByRole('listbox').id);
    const first = selectedOption() as HTMLElement;
    expect(box.getAttribute('aria-activedescendant')).toBe(first.id);
    expect(first.textContent).toContain('退款到账时间答复');
    const detail = screen.getByRole('article');
    for (const text of [
      '核实退款单状态',
      '您的退款已提交，请耐心等待。',
      '不要承诺具体日期',
      '四、简答题',
      '2026-11-20',
    ]) {
      expect(detail.textContent).toContain(text);
    }
    expect(detail.querySelector('details')?.open).toBe(false);
    expect(detail.querySelector('mark')).not.toBeNull();
  });

  it('moves with arrows, copies with Enter, picks phrasing N with Alt+N', async () => {
    const { api } = fakeApi();
    const box = renderPanel(api);
    type(box, '退款');
    const titles = screen.getAllByRole('option').map((o) => o.textContent);
    expect(titles.length).toBe(3);
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    expect(selectedOption()?.textContent).toBe(titles[1]);
    fireEvent.keyDown(box, { key: 'ArrowUp' });
    fireEvent.keyDown(box, { key: 'ArrowUp' });
    expect(selectedOption()?.textContent).toBe(titles[2]); // wraps around
    type(box, '退款到账时间');
    fireEvent.keyDown(box, { key: 'Enter' });
    await waitFor(() => expect(api.copy).toHaveBeenCalledWith('您的退款已提交，请耐心等待。'));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('已复制到剪贴板'));
    expect(api.noteUsed).toHaveBeenCalledWith('refund-guide');
    fireEvent.keyDown(box, { key: '9', code: 'Digit9', altKey: true });
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('此条目没有第 9 条话术。'));
  });

  it('ignores Enter and Esc while an IME is composing', () => {
    const { api } = fakeApi();
    const box = renderPanel(api);
    type(box, '退款到账');
    fireEvent.keyDown(box, { key: 'Enter', isComposing: true });
    fireEvent.keyDown(box, { key: 'Enter', keyCode: 229 });
    fireEvent.keyDown(box, { key: 'Escape', keyCode: 229 });
    expect(api.copy).not.toHaveBeenCalled();
    expect((box as HTMLInputElement).value).toBe('退款到账');
  });

  it('Esc clears the query first, then closes the panel', () => {
    const { api } = fakeApi();
    const box = renderPanel(api);
    type(box, '退款');
    fireEvent.keyDown(box, { key: 'Escape' });
    expect((box as HTMLInputElement).value).toBe('');
    expect(api.close).not.toHaveBeenCalled();
    fireEvent.keyDown(box, { key: 'Escape' });
    expect(api.close).toHaveBeenCalled();
  });

  it('asks for placeholder values (prefilled per tab) before inserting, and Esc cancels', async () => {
    const { api } = fakeApi();
    const box = renderPanel(api);
    type(box, '退款到账时间');
    fireEvent.keyDown(box, { key: '2', code: 'Digit2', altKey: true });
    const form = await screen.findByRole('form');
    const name = within(form).getByRole('textbox', { name: '客户称呼' }) as HTMLInputElement;
    expect(name.value).toBe('王女士');
    fireEvent.keyDown(name, { key: 'Escape' });
    expect(screen.queryByRole('form')).toBeNull();
    expect(api.copy).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: '将话术 2 插入工单回复框' }));
    const days = (await screen.findByRole('textbox', { name: '天数' })) as HTMLInputElement;
    fireEvent.input(days, { target: { value: '3' } });
    fireEvent.keyDown(days, { key: 'Enter', isComposing: true });
    expect(screen.queryByRole('form')).not.toBeNull();
    fireEvent.keyDown(days, { key: 'Enter' });
    await waitFor(() => expect(api.insert).toHaveBeenCalledWith('王女士您好，预计3个工作日到账。'));
    expect(api.rememberFieldValues).toHaveBeenCalledWith({ 客户称呼: '王女士', 天数: '3' });
  });

  it('explains a failed insert and says the text was copied instead', async () => {
    const { api } = fakeApi({
      insert: vi.fn(async () => ({ ok: false as const, reason: 'no-editable' as const, copied: true })),
    });
    const box = renderPanel(api);
    type(box, '退款到账时间');
    fireEvent.keyDown(box, { key: 'Enter', ctrlKey: true });
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/没有处于焦点的输入框.*已复制/));
    expect(api.noteUsed).not.toHaveBeenCalled();
  });

  it('shows favorites and recents with no query, and toggles the star', async () => {
    const { api } = fakeApi();
    renderPanel(api, { favorites: ['refund-quiz'], recents: ['refund-thanks', 'refund-quiz'] });
    expect(screen.getByText('收藏')).toBeTruthy();
    expect(screen.getByText('最近使用')).toBeTruthy();
    expect(screen.getAllByRole('option').map((o) => o.id)).toEqual([
      'coach-opt-refund-quiz',
      'coach-opt-refund-thanks',
    ]);
    const star = screen.getByRole('button', { name: '取消收藏' });
    expect(star.getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(star);
    await waitFor(() => expect(api.toggleFavorite).toHaveBeenCalledWith('refund-quiz'));
  });

  it('filters by kind with chips', () => {
    const { api } = fakeApi();
    const box = renderPanel(api);
    type(box, '退款');
    fireEvent.click(screen.getByRole('button', { name: '题目' }));
    expect(screen.getAllByRole('option').map((o) => o.id)).toEqual(['coach-opt-refund-quiz']);
    expect(screen.getByRole('article').textContent).toContain('错误'); // the true/false answer
  });

  it('shows a hint for no result and records the query once the agent pauses', async () => {
    vi.useFakeTimers();
    const { api } = fakeApi();
    const box = renderPanel(api);
    type(box, 'zzqxv');
    expect(screen.getByText(/拼音首字母/)).toBeTruthy();
    vi.advanceTimersByTime(2000);
    expect(api.recordNoResult).toHaveBeenCalledWith('zzqxv');
    expect(api.recordNoResult).toHaveBeenCalledTimes(1);
  });

  it('records only queries typed into the box: not requests (selection, context menu), links or pasted text', async () => {
    vi.useFakeTimers();
    const { api, request } = fakeApi();
    const box = renderPanel(api, {}, { type: 'search', query: '王女士 zzqxv' });
    expect(screen.getByText(/拼音首字母/)).toBeTruthy(); // ?q= link: no result shown …
    vi.advanceTimersByTime(2000);
    request({ type: 'search', query: '李先生 qqzzx' }); // … context menu / Alt+Shift+S selection
    await vi.waitFor(() => expect((box as HTMLInputElement).value).toBe('李先生 qqzzx'));
    vi.advanceTimersByTime(2000);
    type(box, '李先生 qqzzxy'); // typing on after a request: still the page's text
    vi.advanceTimersByTime(2000);
    fireEvent.keyDown(box, { key: 'Escape' });
    fireEvent.input(box, { target: { value: '张三 13812345678 xxqqz' }, inputType: 'insertFromPaste' });
    vi.advanceTimersByTime(2000);
    expect(api.recordNoResult).not.toHaveBeenCalled();
    // Emptied and typed by the agent: recorded.
    type(box, '');
    type(box, 'zzqxv');
    vi.advanceTimersByTime(2000);
    expect(api.recordNoResult).toHaveBeenCalledTimes(1);
    expect(api.recordNoResult).toHaveBeenCalledWith('zzqxv');
  });

  it('says when it shows only near matches, and still records the query for the authors', async () => {
    vi.useFakeTimers();
    const { api } = fakeApi();
    const box = renderPanel(api);
    // No entry holds 核实周期; one holds 核实.
    type(box, '核实周期');
    expect(screen.getAllByRole('option').map((o) => o.id)).toEqual(['coach-opt-refund-guide']);
    expect(screen.getByText(/没有与“核实周期”相符的条目/).getAttribute('role')).toBe('note');
    // The near matches sit under their own heading.
    expect(screen.getByRole('group', { name: '相近结果' })).toBeTruthy();
    vi.advanceTimersByTime(2000);
    expect(api.recordNoResult).toHaveBeenCalledWith('核实周期');
    type(box, '退款');
    expect(screen.queryByText(/没有与/)).toBeNull();
    expect(screen.queryByRole('group', { name: '相近结果' })).toBeNull();
  });

  it('tells which words a customer’s sentence was searched by', async () => {
    vi.useFakeTimers();
    const { api } = fakeApi();
    const box = renderPanel(api);
    type(box, '你好，我的退款到底什么时候能到账啊？');
    expect(screen.getAllByRole('option')[0]?.id).toBe('coach-opt-refund-guide');
    expect(screen.getByText(/^按“.*退款.*”搜索$/).getAttribute('role')).toBe('note');
    // A keyword typed as it is needs no such note.
    type(box, '退款');
    expect(screen.queryByText(/^按“/)).toBeNull();
  });

  it('says plainly that nothing matches, and shows only a few near matches under their own heading', async () => {
    vi.useFakeTimers();
    // Six refund entries: a question about points shares only 退 (a refund) with them.
    const refunds: Entry[] = [
      '退款失败怎么办',
      '退款金额不对',
      '部分退款说明',
      '退款原路返回',
      '退款手续费',
      '退款凭证',
    ].map((title, i) => ({
      ...base,
      kind: 'phrasing',
      id: `refund-${i}`,
      title,
      keywords: ['退款'],
      text: `${title}。`,
    }));
    const entries = [...ENTRIES, ...refunds];
    const { api } = fakeApi();
    const box = renderPanel(api, {}, undefined, corpusOf(entries));
    type(box, '积分兑换的礼品能退吗');
    expect(screen.getByText('没有与“积分兑换的礼品能退吗”相符的条目。下面几条只是相近结果，未必适用。')).toBeTruthy();
    const near = screen.getByRole('group', { name: '相近结果' });
    expect(within(near).getAllByRole('option')).toHaveLength(3);
    expect(screen.getAllByRole('option')).toHaveLength(3);
  });

  it('takes typing while the corpus loads, then shows results for what was typed', async () => {
    vi.useFakeTimers();
    const { api } = fakeApi();
    let deliver: (c: Corpus) => void = () => undefined;
    const box = renderPanel(api, {}, undefined, new Promise<Corpus>((resolve) => (deliver = resolve)));
    expect(document.activeElement).toBe(box);
    type(box, '退款致谢');
    expect(screen.getByText('正在载入知识库，载入后立即显示结果…').getAttribute('role')).toBe('status');
    expect(screen.queryByRole('option')).toBeNull();
    expect(screen.queryByText(/没有找到/)).toBeNull();
    // No result while loading is not a no-result query.
    vi.advanceTimersByTime(2000);
    expect(api.recordNoResult).not.toHaveBeenCalled();
    deliver(corpusOf(ENTRIES));
    vi.useRealTimers();
    await waitFor(() => expect(selectedOption()?.textContent).toContain('退款致谢话术'));
    expect((box as HTMLInputElement).value).toBe('退款致谢');
    expect(screen.queryByText(/正在载入知识库/)).toBeNull();
  });

  it('says so when the corpus fails to load, and the box stays usable', async () => {
    const { api } = fakeApi();
    const box = renderPanel(api, {}, undefined, Promise.reject(new Error('storage')));
    await waitFor(() => expect(screen.getByText(/知识库载入失败/)).toBeTruthy());
    type(box, '退款');
    expect((box as HTMLInputElement).value).toBe('退款');
  });

  it('renders pack text containing HTML as text', () => {
    const { api } = fakeApi();
    const box = renderPanel(api);
    type(box, '退款致谢');
    expect(screen.getByRole('article').textContent).toContain('<img src=x onerror=alert(1)>');
    expect(document.querySelector('img')).toBeNull();
  });

  it('acts on requests: search from the context menu, open by id from the quiz', async () => {
    const { api, request } = fakeApi();
    const box = renderPanel(api);
    request({ type: 'search', query: '退款致谢' });
    await waitFor(() => expect((box as HTMLInputElement).value).toBe('退款致谢'));
    request({ type: 'open', id: 'refund-quiz' });
    await waitFor(() => expect(screen.getByRole('article').textContent).toContain('退款时效判断题'));
    expect((box as HTMLInputElement).value).toBe('');
  });

  it('fills {constructor} / {toString} / {__proto__} fields, copies, and keeps rendering afterwards', async () => {
    const entries: Entry[] = [
      ...ENTRIES,
      {
        ...base,
        kind: 'phrasing',
        id: 'proto-fields',
        title: '原型字段话术',
        keywords: ['原型字段'],
        text: '{constructor}您好，{toString}的{__proto__}已发出。',
      },
    ];
    const { api } = fakeApi({ fieldValues: vi.fn(async () => ({})) });
    const box = renderPanel(api, {}, undefined, corpusOf(entries));
    type(box, '原型字段');
    fireEvent.keyDown(box, { key: 'Enter' });
    const form = await screen.findByRole('form');
    const field = (name: string) => within(form).getByRole('textbox', { name }) as HTMLInputElement;
    expect(['constructor', 'toString', '__proto__'].map((n) => field(n).value)).toEqual(['', '', '']);
    fireEvent.input(field('constructor'), { target: { value: '王女士' } });
    fireEvent.input(field('toString'), { target: { value: '订单' } });
    fireEvent.input(field('__proto__'), { target: { value: '包裹' } });
    expect(form.textContent).toContain('王女士您好，订单的包裹已发出。');
    fireEvent.keyDown(field('__proto__'), { key: 'Enter' });
    await waitFor(() => expect(api.copy).toHaveBeenCalledWith('王女士您好，订单的包裹已发出。'));
    expect(api.rememberFieldValues).toHaveBeenCalledWith(
      JSON.parse('{"constructor":"王女士","toString":"订单","__proto__":"包裹"}'),
    );
    // The panel still renders: a new search shows its results.
    type(box, '退款致谢');
    await waitFor(() => expect(selectedOption()?.textContent).toContain('退款致谢话术'));
    type(box, '原型字段');
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(await screen.findByRole('form')).toBeTruthy();
  });

  it('shows the erratum of a flagged entry first in its detail', () => {
    const { api } = fakeApi();
    const box = renderPanel(api);
    type(box, '一键理赔推广');
    const note = within(screen.getByRole('article')).getByRole('note');
    expect(note.textContent).toContain('勘误');
    expect(note.textContent).toContain('「1分钟完成理赔」没有依据');
  });

  it('never sends a phrasing of an entry with an erratum with one key: it shows the erratum and asks again', async () => {
    const { api } = fakeApi();
    const box = renderPanel(api);
    type(box, '一键理赔推广');
    expect(selectedOption()?.textContent).toContain('一键理赔功能推广');
    fireEvent.keyDown(box, { key: 'Enter' });
    const dialog = await screen.findByRole('alertdialog');
    expect(dialog.textContent).toContain('此条目有勘误');
    expect(dialog.textContent).toContain('「1分钟完成理赔」没有依据，不要对客户这样承诺。');
    expect(api.copy).not.toHaveBeenCalled();
    // Focus is on 「取消」: a second habitual Enter cancels.
    expect(document.activeElement?.textContent).toBe('取消');
    fireEvent.keyDown(document.activeElement as Element, { key: 'Enter' });
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('已取消，未复制也未插入。');
    expect(document.activeElement).toBe(box);
    expect(api.copy).not.toHaveBeenCalled();

    // Enter again, then Enter on the focused 「仍要复制」: copied.
    fireEvent.keyDown(box, { key: 'Enter' });
    const copyAnyway = within(await screen.findByRole('alertdialog')).getByRole('button', { name: '仍要复制' });
    copyAnyway.focus();
    fireEvent.keyDown(copyAnyway, { key: 'Enter', repeat: true }); // a held key never confirms
    expect(api.copy).not.toHaveBeenCalled();
    fireEvent.keyDown(copyAnyway, { key: 'Enter' });
    await waitFor(() => expect(api.copy).toHaveBeenCalledWith('使用一键理赔，1分钟完成理赔！'));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('已复制到剪贴板'));
  });

  it('asks again for Ctrl+Enter, Alt+N and the Copy / Insert buttons too, and Esc cancels', async () => {
    const { api } = fakeApi();
    const box = renderPanel(api);
    type(box, '一键理赔推广');
    fireEvent.keyDown(box, { key: 'Enter', ctrlKey: true });
    let dialog = await screen.findByRole('alertdialog');
    fireEvent.keyDown(document.activeElement as Element, { key: 'Escape' });
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(document.activeElement).toBe(box);

    fireEvent.keyDown(box, { key: '1', code: 'Digit1', altKey: true });
    dialog = await screen.findByRole('alertdialog');
    fireEvent.click(within(dialog).getByRole('button', { name: '取消' }));
    fireEvent.click(screen.getByRole('button', { name: '复制话术 1' }));
    dialog = await screen.findByRole('alertdialog');
    fireEvent.click(within(dialog).getByRole('button', { name: '取消' }));
    expect(api.copy).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: '将话术 2 插入工单回复框' }));
    dialog = await screen.findByRole('alertdialog');
    expect(screen.queryByRole('form')).toBeNull(); // the erratum comes before the placeholder form
    fireEvent.click(within(dialog).getByRole('button', { name: '仍要插入' }));
    const name = (await screen.findByRole('textbox', { name: '客户称呼' })) as HTMLInputElement;
    fireEvent.keyDown(name, { key: 'Enter' });
    await waitFor(() => expect(api.insert).toHaveBeenCalledWith('王女士您好，一键理赔已上线。'));
    expect(api.copy).not.toHaveBeenCalled();
  });

  it('copies a phrasing of an entry without an erratum with one key, no question asked', async () => {
    const { api } = fakeApi();
    const box = renderPanel(api);
    type(box, '退款致谢');
    fireEvent.keyDown(box, { key: 'Enter' });
    await waitFor(() => expect(api.copy).toHaveBeenCalledWith('<img src=x onerror=alert(1)>感谢您的耐心。'));
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('says so when starring, copying, remembering fields or enabling suggestions fails', async () => {
    const fail = (what: string) => vi.fn(async () => Promise.reject(new Error(`${what} failed`)));
    const { api } = fakeApi({
      toggleFavorite: fail('star'),
      copy: fail('clipboard'),
      rememberFieldValues: fail('field storage'),
      enableSuggestions: fail('permission'),
      suggestionStatus: async () => ({ state: 'off' as const, origin: 'https://acme.zendesk.com', granted: false }),
    });
    const box = renderPanel(api);
    const status = () => screen.getByRole('status');
    type(box, '退款致谢');
    fireEvent.click(screen.getByRole('button', { name: '收藏' }));
    await waitFor(() => expect(status().textContent).toBe('操作没有完成：star failed'));
    expect(status().dataset.tone).toBe('error');
    fireEvent.keyDown(box, { key: 'Enter' });
    await waitFor(() => expect(status().textContent).toBe('操作没有完成：clipboard failed'));
    type(box, '退款到账时间');
    fireEvent.keyDown(box, { key: '2', code: 'Digit2', altKey: true });
    fireEvent.keyDown(await screen.findByRole('textbox', { name: '天数' }), { key: 'Enter' });
    await waitFor(() => expect(status().textContent).toBe('操作没有完成：field storage failed'));
    type(box, '');
    fireEvent.click(await screen.findByRole('button', { name: /启用工单推荐/ }));
    await waitFor(() => expect(status().textContent).toBe('操作没有完成：permission failed'));
  });

  it('keeps "copied" and adds why the recents were not saved when only that fails', async () => {
    const { api } = fakeApi({ noteUsed: vi.fn(async () => Promise.reject(new Error('quota'))) });
    const box = renderPanel(api);
    type(box, '退款致谢');
    fireEvent.keyDown(box, { key: 'Enter' });
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('已复制到剪贴板 · 操作没有完成：quota'));
    expect(api.copy).toHaveBeenCalledTimes(1);
  });
});
