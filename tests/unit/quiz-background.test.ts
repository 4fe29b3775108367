import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { FIXTURE_ENTRIES } from './quiz-fixtures';

/** The packs as the background reads them: the fixture entries at `packs.revision`. */
const packs = vi.hoisted(() => ({ revision: 0 }));
vi.mock('../../utils/browser/quiz-entries', () => ({
  readQuizPacks: vi.fn(async () => ({ entries: FIXTURE_ENTRIES, revision: packs.revision })),
}));
const quizEntries = await import('../../utils/browser/quiz-entries');

const { QUIZ_MIDNIGHT_ALARM, refreshQuizDay, registerQuizListeners } = await import(
  '../../utils/browser/quiz-background'
);
const { readQuizState, writeQuizState } = await import('../../utils/browser/quiz-store');
const { loadQuizDay, peekQuizDay, QUIZ_DAY_KEYS } = await import('../../utils/browser/quiz-today');
const {
  packLibraryItem,
  packRevisionItem,
  quizCorruptItem,
  quizStateItem,
  quizTodayItem,
  readFirstPaint,
  rememberFirstPaint,
  settingsItem,
} = await import('../../utils/browser/storage');
const { nextMidnight } = await import('../../utils/quiz/day');
const { QUIZ_STATE_VERSION } = await import('../../utils/quiz/migrations');
const { startDay } = await import('../../utils/quiz/session');

const badge = () => fakeBrowser.action.getBadgeText({});

describe('quiz background', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('starts the day’s set, shows the items left on the badge and schedules the next local midnight', async () => {
    const now = new Date(2026, 10, 23, 21, 30);
    await refreshQuizDay(now);
    const state = await readQuizState(now);
    expect(state.today?.itemIds).toHaveLength(5);
    expect(await badge()).toBe('5');
    const alarm = await fakeBrowser.alarms.get(QUIZ_MIDNIGHT_ALARM);
    expect(alarm?.scheduledTime).toBe(nextMidnight(now).getTime() + 1000);
    expect(new Date(alarm?.scheduledTime ?? 0).getHours()).toBe(0);
  });

  it('clears the badge when the set is done and refills it after midnight', async () => {
    const evening = new Date(2026, 10, 23, 21, 30);
    await refreshQuizDay(evening);
    const state = await readQuizState(evening);
    const today = state.today as NonNullable<typeof state.today>;
    const answers = Object.fromEntries(today.itemIds.map((id) => [id, { correct: true, rating: 3, at: 0 }]));
    await writeQuizState({ ...state, today: { ...today, answers } });
    await refreshQuizDay(evening);
    expect(await badge()).toBe('');
    await refreshQuizDay(new Date(2026, 10, 24, 0, 0, 1));
    expect(await badge()).toBe('5');
  });

  it('sets a damaged stored value aside before repairing it', async () => {
    await quizStateItem.setValue({ cards: 'nonsense', today: null, history: {}, streak: 4 });
    const state = await readQuizState(new Date(2026, 10, 23));
    expect(state.cards).toEqual({});
    const kept = await quizCorruptItem.getValue();
    expect(kept.at(-1)?.value).toEqual({ cards: 'nonsense', today: null, history: {}, streak: 4 });
  });

  it('migrates a value stored by v1 (streak as a number) when the extension loads', async () => {
    const v1 = { cards: {}, today: null, history: {}, streak: 9, lastCompletedDay: '2026-11-22' };
    await fakeBrowser.storage.local.set({ quiz: v1, quiz$: { v: 1 } });
    vi.resetModules();
    const fresh = await import('../../utils/browser/quiz-store');
    const state = await fresh.readQuizState(new Date(2026, 10, 23));
    expect(state.streak).toEqual({ count: 9, best: 9, lastDay: '2026-11-22', freezes: 0, frozenDays: [] });
    expect((await fakeBrowser.storage.local.get('quiz$')).quiz$).toEqual({ v: 2 });
  });
});

describe('opening the popup from the snapshot of today', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    packs.revision = 0;
  });
  const evening = new Date(2026, 10, 23, 21, 30);
  /** The popup's load, with a pack reader that counts its calls. */
  const popupLoad = async (now = evening) => {
    const readPacks = vi.fn(async () => ({ entries: FIXTURE_ENTRIES, revision: packs.revision }));
    const data = await loadQuizDay(readPacks, { now });
    return { data, readPacks };
  };

  it('shows the set the background started without reading the packs, with the same items', async () => {
    await refreshQuizDay(evening);
    const { data, readPacks } = await popupLoad();
    expect(readPacks).not.toHaveBeenCalled();
    const stored = await readQuizState(evening);
    expect(data.state).toEqual(stored);
    expect(data.changed).toBe(false);
    const full = startDay(stored, FIXTURE_ENTRIES, 5, evening);
    expect(data.items.map((i) => i.id).sort()).toEqual([...(stored.today?.itemIds ?? [])].sort());
    for (const item of data.items) expect(item).toEqual(full.items.find((i) => i.id === item.id));
  });

  it('takes the full way and stores a fresh snapshot when the packs, the size or the day changed', async () => {
    await refreshQuizDay(evening);
    // Another revision (an import the background has not caught up with yet).
    packs.revision = 4;
    await packRevisionItem.setValue(4);
    let load = await popupLoad();
    expect(load.readPacks).toHaveBeenCalledTimes(1);
    expect(await quizTodayItem.getValue()).toMatchObject({ revision: 4, size: 5 });
    expect((await popupLoad()).readPacks).not.toHaveBeenCalled();
    // Another quiz size.
    await settingsItem.setValue({ ...(await settingsItem.getValue()), quizSize: 3 });
    load = await popupLoad();
    expect(load.readPacks).toHaveBeenCalledTimes(1);
    expect(load.data.state.today?.itemIds).toHaveLength(3);
    await writeQuizState(load.data.state);
    expect((await popupLoad()).readPacks).not.toHaveBeenCalled();
    // The next day, before the midnight alarm ran.
    load = await popupLoad(new Date(2026, 10, 24, 8, 0));
    expect(load.readPacks).toHaveBeenCalledTimes(1);
    expect(load.data.state.today?.day).toBe('2026-11-24');
  });

  it('falls back to the full way over a damaged snapshot, keeping the agent’s answers', async () => {
    await refreshQuizDay(evening);
    const state = await readQuizState(evening);
    const today = state.today as NonNullable<typeof state.today>;
    const first = today.itemIds[0] as string;
    await writeQuizState({ ...state, today: { ...today, answers: { [first]: { correct: true, rating: 3, at: 1 } } } });
    const saved = await quizStateItem.getValue();
    await quizTodayItem.setValue({ format: 1, day: '2026-11-23', items: [{ id: first, type: 'essay' }] });
    const { data, readPacks } = await popupLoad();
    expect(readPacks).toHaveBeenCalledTimes(1);
    expect(data.state.today?.answers[first]).toEqual({ correct: true, rating: 3, at: 1 });
    expect(data.state.today?.itemIds).toEqual(today.itemIds);
    expect(await quizStateItem.getValue()).toEqual(saved);
    expect(await quizCorruptItem.getValue()).toEqual([]);
    // The damaged snapshot was replaced: the next open is quick again.
    expect((await popupLoad()).readPacks).not.toHaveBeenCalled();
  });

  it('refreshes the snapshot in the background when the packs change', async () => {
    registerQuizListeners();
    await refreshQuizDay(new Date());
    packs.revision = 9;
    await packRevisionItem.setValue(9);
    await vi.waitFor(async () => expect(await quizTodayItem.getValue()).toMatchObject({ revision: 9 }));
    const readPacks = vi.fn(async () => ({ entries: FIXTURE_ENTRIES, revision: packs.revision }));
    await loadQuizDay(readPacks);
    expect(readPacks).not.toHaveBeenCalled();
  });

  it('re-reads the packs for a new quiz size, not for other settings', async () => {
    registerQuizListeners();
    await refreshQuizDay(new Date());
    const reads = vi.mocked(quizEntries.readQuizPacks);
    reads.mockClear();
    const settings = await settingsItem.getValue();
    await settingsItem.setValue({ ...settings, uiLanguage: settings.uiLanguage === 'en' ? 'zh-CN' : 'en' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(reads).not.toHaveBeenCalled();
    await settingsItem.setValue({ ...(await settingsItem.getValue()), quizSize: 7 });
    await vi.waitFor(() => expect(reads).toHaveBeenCalledTimes(1));
  });
});

describe('quiz entries', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('reads the built-in pack and enabled team packs, like the panel does', async () => {
    const actual = await vi.importActual<typeof import('../../utils/browser/quiz-entries')>(
      '../../utils/browser/quiz-entries',
    );
    const { getActiveIndex } = await import('../../utils/browser/index-cache');
    const team = (id: string, entries: unknown[]) => ({
      format: 'agent-coach-pack',
      formatVersion: 1,
      id,
      name: id,
      entries,
    });
    const stored = (id: string, enabled: boolean) => ({
      pack: team(
        id,
        FIXTURE_ENTRIES.filter((e) => e.kind === 'question' && !e.guidelineId).map((e) => ({
          ...e,
          id: `${id}-${e.id}`,
        })),
      ),
      enabled,
      origin: 'import',
      from: `${id}.json`,
      installedAt: 0,
    });
    // Written as raw stored data, as an earlier session would have left it: the reader validates it.
    await fakeBrowser.storage.local.set({
      [packLibraryItem.key.replace(/^local:/, '')]: {
        revision: 3,
        builtinEnabled: false,
        packs: [stored('on', true), stored('off', false)],
      },
    });
    const ids = (await actual.readQuizPacks()).entries.map((e) => e.id);
    expect(ids).toEqual(['on-q-multiple', 'on-q-tf', 'on-q-open', 'on-q-errata']);
    expect(ids).toEqual((await getActiveIndex()).entries.map((e) => e.id));
  });
});

describe('the popup’s first-paint copy', () => {
  const evening = new Date(2026, 10, 23, 21, 30);
  const noPacks = vi.fn(async () => ({ entries: FIXTURE_ENTRIES, revision: 0 }));
  /** localStorage as the popup has it. */
  const pageStore = () => {
    const map = new Map<string, string>();
    return {
      map,
      getItem: (k: string) => map.get(k) ?? null,
      setItem: (k: string, v: string) => void map.set(k, v),
      removeItem: (k: string) => void map.delete(k),
    };
  };

  beforeEach(async () => {
    fakeBrowser.reset();
    // The state's version, as the extension stores it with the first value (this file's items were defined
    // before the reset, so they would not write it again).
    await fakeBrowser.storage.local.set({ quiz$: { v: QUIZ_STATE_VERSION } });
  });

  it('gives the popup the same day storage gives, from what the last load copied', async () => {
    await refreshQuizDay(evening);
    const store = pageStore();
    const loaded = await loadQuizDay(noPacks, { now: evening, remember: (v) => rememberFirstPaint(v, store) });
    const peeked = peekQuizDay(readFirstPaint(QUIZ_DAY_KEYS, store) ?? [], evening, '');
    expect(peeked).toEqual(loaded);
  });

  it('gives nothing when the copy is of another day, damaged, or of a state needing a migration', async () => {
    await refreshQuizDay(evening);
    const store = pageStore();
    await loadQuizDay(noPacks, { now: evening, remember: (v) => rememberFirstPaint(v, store) });
    const copied = readFirstPaint(QUIZ_DAY_KEYS, store) ?? [];
    expect(peekQuizDay(copied, new Date(2026, 10, 24, 8, 0), '')).toBeNull();
    expect(peekQuizDay([copied[0], { v: 1 }, ...copied.slice(2)], evening, '')).toBeNull();
    expect(peekQuizDay([{ cards: 'nonsense' }, ...copied.slice(1)], evening, '')).toBeNull();
    store.map.set([...store.map.keys()][0] as string, '{"format":1,"values":');
    expect(readFirstPaint(QUIZ_DAY_KEYS, store)).toBeNull();
    expect(readFirstPaint(QUIZ_DAY_KEYS, undefined)).toBeNull();
  });

  it('never throws when the page storage is full or denied, and drops a copy it could not update', () => {
    const store = pageStore();
    rememberFirstPaint({ 'local:settings': { quizSize: 3 } }, store);
    expect(readFirstPaint(['local:settings', 'local:quiz'], store)).toEqual([{ quizSize: 3 }, null]);
    const full = {
      ...store,
      setItem: () => {
        throw new DOMException('quota', 'QuotaExceededError');
      },
    };
    expect(() => rememberFirstPaint({ 'local:quiz': { big: true } }, full)).not.toThrow();
    expect(readFirstPaint(['local:settings'], store)).toBeNull();
  });
});
