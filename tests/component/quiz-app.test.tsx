// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { QuizApp } from '../../components/quiz/QuizApp';
import type { Entry } from '../../knowledge/schema';
import type { QuizApi, QuizData } from '../../utils/quiz/api';
import { dayKey } from '../../utils/quiz/day';
import { reviewCard } from '../../utils/quiz/fsrs';
import type { QuizItem } from '../../utils/quiz/items';
import { nextItemId, recordAnswer, startDay } from '../../utils/quiz/session';
import { resumeDay, takeSnapshot } from '../../utils/quiz/snapshot';
import { EMPTY_QUIZ_STATE, type QuizState } from '../../utils/quiz/state';
import { FIXTURE_ENTRIES } from '../unit/quiz-fixtures';

const NOW = new Date('2026-11-23T09:00:00');
const entry = (id: string) => FIXTURE_ENTRIES.find((e) => e.id === id) as Entry;

function fakeApi(entries: Entry[], state: QuizState = EMPTY_QUIZ_STATE, quizSize = 5) {
  const saved: QuizState[] = [];
  const api = {
    // The full way (startDay), as the browser side takes it without a current snapshot.
    load: vi.fn(
      async (): Promise<QuizData> => ({
        ...startDay(state, entries, quizSize, NOW),
        settings: { quizSize, uiLanguage: 'zh-CN' },
      }),
    ),
    save: vi.fn(async (s: QuizState) => {
      saved.push(s);
    }),
    loadScheduler: vi.fn(async () => reviewCard),
    peek: vi.fn((): QuizData | null => null),
    setBadge: vi.fn(async () => {}),
    openInSidePanel: vi.fn(async () => {}),
    markInteractive: vi.fn(),
    now: () => NOW,
  } satisfies QuizApi;
  return { api, saved };
}

const key = (k: string) => fireEvent.keyDown(document.body, { key: k });

/** Answers the item on screen rightly by keyboard, whatever order the set has: 1 = A / 对; multiple needs A, C, D. */
function answerRightly() {
  const legend = document.querySelector('legend')?.textContent ?? '';
  const keys: Record<string, string[]> = {
    '客户情绪激动时，坐席首先应该？': ['1'],
    '坐席可以向客户透露其他客户的订单信息。': ['2'],
    '以下哪些属于服务礼仪？': ['1', '3', '4'],
  };
  for (const k of keys[legend] ?? []) key(k);
  key('Enter');
}

afterEach(cleanup);

describe('quiz popup', () => {
  it('shows the first item with 1/N progress, answers by keyboard and gives feedback in a live region', async () => {
    const { api, saved } = fakeApi([entry('q-single'), entry('q-tf'), entry('q-multiple')]);
    render(<QuizApp api={api} />);
    expect(await screen.findByText('1/3')).toBeTruthy();
    expect(api.markInteractive).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(api.setBadge).toHaveBeenLastCalledWith('3'));

    answerRightly();

    const status = screen.getByRole('status');
    await waitFor(() => expect(status.textContent).toContain('回答正确'));
    expect(status.textContent).toContain('正确答案');
    expect(saved.at(-1)?.today?.answers).toBeTruthy();
    expect(Object.keys(saved.at(-1)?.today?.answers ?? {})).toHaveLength(1);
    await waitFor(() => expect(api.setBadge).toHaveBeenLastCalledWith('2'));
    expect(screen.getByText('1/3')).toBeTruthy();

    key('Enter');
    expect(await screen.findByText('2/3')).toBeTruthy();
    expect(status.textContent).toBe('');
  });

  it('shows the first item before the scheduler has loaded, and records an answer given meanwhile once it has', async () => {
    const { api, saved } = fakeApi([entry('q-single')]);
    let arrive: (review: typeof reviewCard) => void = () => undefined;
    api.loadScheduler.mockImplementation(() => new Promise((resolve) => (arrive = resolve)));
    render(<QuizApp api={api} />);
    expect(await screen.findByText('1/1')).toBeTruthy();
    expect(api.markInteractive).toHaveBeenCalledTimes(1);
    key('1');
    key('Enter');
    const status = screen.getByRole('status');
    expect(status.textContent).toBe('');
    arrive(reviewCard);
    await waitFor(() => expect(status.textContent).toContain('回答正确'));
    expect(Object.keys(saved.at(-1)?.today?.answers ?? {})).toEqual(['q:q-single']);
    expect(api.loadScheduler).toHaveBeenCalledTimes(1);
  });

  it('says so when the scheduler cannot load, and takes the same answer on the next try', async () => {
    const { api, saved } = fakeApi([entry('q-single')]);
    api.loadScheduler.mockRejectedValueOnce(new Error('module gone')).mockRejectedValueOnce(new Error('module gone'));
    render(<QuizApp api={api} />);
    expect(await screen.findByText('1/1')).toBeTruthy();
    key('1');
    key('Enter');
    expect((await screen.findByRole('alert')).textContent).toContain('答题记录没有保存：module gone');
    expect(saved.some((s) => Object.keys(s.today?.answers ?? {}).length > 0)).toBe(false);
    key('Enter');
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('回答正确'));
    expect(Object.keys(saved.at(-1)?.today?.answers ?? {})).toEqual(['q:q-single']);
  });

  it('shows today’s item from the popup’s own copy before storage answers, then what storage holds', async () => {
    const entries = [entry('q-single'), entry('q-tf'), entry('q-multiple')];
    const { api } = fakeApi(entries);
    const copy = {
      ...startDay(EMPTY_QUIZ_STATE, entries, 5, NOW),
      settings: { quizSize: 5, uiLanguage: 'zh-CN' as const },
    };
    const first = copy.items.find((i) => i.id === nextItemId(copy.state)) as QuizItem;
    // Meanwhile answered on another browser (synced): storage has the first item answered.
    const storedState = recordAnswer(copy.state, first, { correct: true, rating: 3 }, reviewCard, NOW);
    let answer: (data: QuizData) => void = () => undefined;
    api.peek.mockReturnValue(copy);
    api.load.mockImplementation(() => new Promise((resolve) => (answer = resolve)));
    render(<QuizApp api={api} />);
    expect(screen.getByText('1/3')).toBeTruthy();
    expect(document.querySelector('.prompt')?.textContent).toBe(first.prompt);
    expect(api.markInteractive).toHaveBeenCalledTimes(1);
    // Marked busy for assistive technology while what storage holds may still replace it.
    expect(screen.getByRole('main').getAttribute('aria-busy')).toBe('true');
    answer({ ...copy, state: storedState, changed: false });
    expect(await screen.findByText('2/3')).toBeTruthy();
    expect(document.querySelector('.prompt')?.textContent).not.toBe(first.prompt);
    expect(screen.getByRole('main').hasAttribute('aria-busy')).toBe(false);
  });

  it('records an answer given while only the copy is up on the stored state, once storage answers', async () => {
    const entries = [entry('q-single'), entry('q-tf'), entry('q-multiple')];
    const { api, saved } = fakeApi(entries);
    const copy = {
      ...startDay(EMPTY_QUIZ_STATE, entries, 5, NOW),
      settings: { quizSize: 5, uiLanguage: 'zh-CN' as const },
    };
    const shown = nextItemId(copy.state) as string;
    const other = copy.items.find((i) => i.id !== shown) as QuizItem;
    // Storage also has another item answered (elsewhere), which the copy does not know.
    const storedState = recordAnswer(copy.state, other, { correct: false, rating: 1 }, reviewCard, NOW);
    let answer: (data: QuizData) => void = () => undefined;
    api.peek.mockReturnValue(copy);
    api.load.mockImplementation(() => new Promise((resolve) => (answer = resolve)));
    render(<QuizApp api={api} />);
    expect(screen.getByText('1/3')).toBeTruthy();
    answerRightly();
    expect(saved).toEqual([]);
    answer({ ...copy, state: storedState, changed: false });
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('回答正确'));
    const answers = saved.at(-1)?.today?.answers ?? {};
    expect(Object.keys(answers).sort()).toEqual([shown, other.id].sort());
    expect(answers[other.id]?.correct).toBe(false);
  });

  it('marks a wrong single choice, shows the right answer and explanation, opens the guideline', async () => {
    const { api } = fakeApi([entry('q-single')]);
    render(<QuizApp api={api} />);
    await screen.findByText('1/1');
    key('2');
    expect((screen.getByLabelText(/挂断电话/) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: '提交' }));
    const status = screen.getByRole('status');
    await waitFor(() => expect(status.textContent).toContain('回答错误'));
    expect(status.textContent).toContain('正确答案：A. 安抚情绪');
    expect(status.textContent).toContain('你的答案：B. 挂断电话');
    expect(status.textContent).toContain('解析：先处理情绪，再处理事情。');
    fireEvent.click(screen.getByRole('button', { name: '在侧边栏中查看' }));
    expect(api.openInSidePanel).toHaveBeenCalledWith('angry-caller');

    fireEvent.click(screen.getByRole('button', { name: '查看结果' }));
    expect(await screen.findByText('今天的小测完成了')).toBeTruthy();
    expect(screen.getByText('答对 0/1')).toBeTruthy();
    expect(screen.getByText(/连续完成 1 天/)).toBeTruthy();
    expect(screen.getByText(/最近 30 天做了 1 天/)).toBeTruthy();
  });

  it('toggles multiple-choice options with number keys and needs exactly the right set', async () => {
    const { api } = fakeApi([entry('q-multiple')]);
    render(<QuizApp api={api} />);
    await screen.findByText('1/1');
    key('1');
    key('3');
    key('2');
    key('2'); // toggled off again
    const boxes = screen.getAllByRole('checkbox') as HTMLInputElement[];
    expect(boxes.map((b) => b.checked)).toEqual([true, false, true, false]);
    key('Enter');
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('回答错误'));
    expect(screen.getByRole('status').textContent).toContain('A. 使用敬语；C. 耐心倾听；D. 及时回复');
  });

  it('orders steps by pressing their numbers, with Backspace to undo', async () => {
    const guideline = entry('refund-delay');
    if (guideline.kind !== 'guideline') throw new Error('fixture');
    // Phrasings off, so the set holds the ordering item and the recall card of one guideline.
    const { api } = fakeApi([{ ...guideline, phrasings: [] }], EMPTY_QUIZ_STATE, 3);
    render(<QuizApp api={api} />);
    await screen.findByText('1/2');
    if (!screen.queryByText('待排列的步骤')) {
      key('Enter');
      key('3');
      await screen.findByText('已记录：记得');
      key('Enter');
      await screen.findByText('2/2');
    }
    const stepButtons = screen.getAllByRole('button').filter((b) => b.classList.contains('step'));
    const shown = stepButtons.map((b) => b.textContent?.slice(1));
    const right = ['先安抚客户情绪', '查询退款进度', '告知预计到账时间', '记录并跟进'];
    key(String(shown.indexOf('查询退款进度') + 1)); // a wrong first pick…
    key('Backspace'); // …undone
    for (const step of right) key(String(shown.indexOf(step) + 1));
    expect(screen.getByRole('list', { name: /你的顺序/ }).textContent).toBe(right.join(''));
    key('Enter');
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('回答正确'));
  });

  it('reveals a recall card and takes the agent’s grade, showing errata notes', async () => {
    const { api, saved } = fakeApi([entry('wrong-source')]);
    render(<QuizApp api={api} />);
    await screen.findByText('1/1');
    expect(screen.queryByText(/勘误/)).toBeNull();
    key('Enter');
    expect(await screen.findByText('勘误：原文第二步与第三步顺序矛盾，以主管口径为准。')).toBeTruthy();
    expect(screen.getByText('步骤乙')).toBeTruthy();
    key('2');
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('已记录：有点难'));
    expect(saved.at(-1)?.today?.answers['recall:wrong-source']).toMatchObject({ rating: 2, correct: true });
  });

  it('resumes today’s set where the agent left it when the popup reopens', async () => {
    const first = fakeApi([entry('q-single'), entry('q-tf'), entry('q-multiple')]);
    render(<QuizApp api={first.api} />);
    await screen.findByText('1/3');
    key('1');
    key('Enter');
    await waitFor(() => expect(first.saved.length).toBeGreaterThan(0));
    cleanup();

    const reopened = fakeApi([entry('q-single'), entry('q-tf'), entry('q-multiple')], first.saved.at(-1));
    render(<QuizApp api={reopened.api} />);
    expect(await screen.findByText('2/3')).toBeTruthy();
    await waitFor(() => expect(reopened.api.setBadge).toHaveBeenLastCalledWith('2'));
    expect(reopened.saved.at(-1)?.today?.day ?? dayKey(NOW)).toBe(dayKey(NOW));
  });

  it('opens a finished day on its end screen, and says so when saving fails', async () => {
    const first = fakeApi([entry('q-tf')]);
    // The first save stores the new day's set, the second the answer: that one fails.
    first.api.save.mockResolvedValueOnce().mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
    render(<QuizApp api={first.api} />);
    await screen.findByText('1/1');
    key('2');
    key('Enter');
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('QUOTA_BYTES');
    cleanup();

    const finished = first.api.save.mock.calls.at(-1)?.[0] as QuizState;
    const reopened = fakeApi([entry('q-tf')], finished);
    render(<QuizApp api={reopened.api} />);
    expect(await screen.findByText('答对 1/1')).toBeTruthy();
    expect(reopened.api.markInteractive).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(reopened.api.setBadge).toHaveBeenLastCalledWith(''));
    expect(screen.getByRole('table').textContent).toContain(`${dayKey(NOW)}1/1`);
  });

  it('shows the same question from a snapshot of today and saves an answer exactly as the full way', async () => {
    const entries = [entry('q-single'), entry('q-tf'), entry('q-multiple'), entry('refund-delay')];
    const full = startDay(EMPTY_QUIZ_STATE, entries, 3, NOW);
    const snapshotKey = { revision: 2, source: '0.1.0', size: 3 };
    const snapshot = JSON.parse(JSON.stringify(takeSnapshot(full, snapshotKey)));
    const resumed = resumeDay(full.state, snapshot, snapshotKey, NOW) as NonNullable<ReturnType<typeof resumeDay>>;
    expect(resumed.items.length).toBeLessThan(full.items.length);
    const answerFirst = async (data: QuizData) => {
      const { api, saved } = fakeApi([], EMPTY_QUIZ_STATE, 3);
      api.load.mockResolvedValueOnce(data);
      render(<QuizApp api={api} />);
      await screen.findByText('1/3');
      const shown = document.querySelector('.prompt, legend')?.textContent;
      if (screen.queryByRole('button', { name: '显示参考答案' })) {
        key('Enter');
        await screen.findByText('你记得怎么样？');
        key('3');
      } else {
        key('1');
        key('Enter');
      }
      await waitFor(() => expect(saved.at(-1)?.today?.answers).not.toEqual({}));
      cleanup();
      return { shown, saved: saved.at(-1) };
    };
    const settings: QuizData['settings'] = { quizSize: 3, uiLanguage: 'zh-CN' };
    const viaSnapshot = await answerFirst({ ...resumed, settings });
    const viaEntries = await answerFirst({ ...full, settings });
    expect(viaSnapshot.shown).toBeTruthy();
    expect(viaSnapshot).toEqual(viaEntries);
    expect(Object.keys(viaSnapshot.saved?.cards ?? {})).toHaveLength(1);
  });

  it('says so when the packs have nothing to quiz on', async () => {
    const { api } = fakeApi([]);
    render(<QuizApp api={api} />);
    expect(await screen.findByText('当前知识包里还没有可以出题的内容。')).toBeTruthy();
  });
});
