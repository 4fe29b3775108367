import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { FIXTURE_ENTRIES } from './quiz-fixtures';

vi.mock('../../utils/browser/quiz-entries', () => ({ getQuizEntries: async () => FIXTURE_ENTRIES }));

const { QUIZ_MIDNIGHT_ALARM, refreshQuizDay } = await import('../../utils/browser/quiz-background');
const { readQuizState, writeQuizState } = await import('../../utils/browser/quiz-store');
const { packLibraryItem, quizCorruptItem, quizStateItem } = await import('../../utils/browser/storage');
const { nextMidnight } = await import('../../utils/quiz/day');

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

describe('quiz entries', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('reads the built-in pack and enabled team packs, like the panel does', async () => {
    const actual = await vi.importActual<typeof import('../../utils/browser/quiz-entries')>(
      '../../utils/browser/quiz-entries',
    );
    const { getActiveEntries } = await import('../../utils/browser/packs');
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
    const ids = (await actual.getQuizEntries()).map((e) => e.id);
    expect(ids).toEqual(['on-q-multiple', 'on-q-tf', 'on-q-open', 'on-q-errata']);
    expect(ids).toEqual((await getActiveEntries()).map((e) => e.id));
  });
});
