import { describe, expect, it } from 'vitest';
import { newCard } from '../../utils/quiz/fsrs';
import { migrateQuizV1ToV2, QUIZ_MIGRATIONS } from '../../utils/quiz/migrations';
import { EMPTY_QUIZ_STATE, repairQuizState } from '../../utils/quiz/state';

const card = newCard(new Date('2026-11-01T00:00:00Z'));

describe('quiz state storage', () => {
  it('migrates v1 (streak as a number beside lastCompletedDay) to the v2 streak object', () => {
    const v1 = {
      cards: { 'q:a': card },
      today: null,
      history: { '2026-11-22': { correct: 4, total: 5, done: true } },
      streak: 9,
      lastCompletedDay: '2026-11-22',
    };
    const v2 = migrateQuizV1ToV2(v1);
    expect(v2).toEqual({
      cards: { 'q:a': card },
      today: null,
      history: { '2026-11-22': { correct: 4, total: 5, done: true } },
      streak: { count: 9, best: 9, lastDay: '2026-11-22', freezes: 0, frozenDays: [] },
    });
    expect(repairQuizState(v2)).toEqual({ state: v2, repaired: false });
    expect(QUIZ_MIGRATIONS[2]).toBe(migrateQuizV1ToV2);
  });

  it('migrates a v1 value without a last day to a streak that has ended, keeping the best', () => {
    expect(migrateQuizV1ToV2({ streak: 3 })).toMatchObject({ streak: { count: 0, best: 3, lastDay: null } });
    // Not a v1 value: left for repair on read rather than throwing (a throw would block the item).
    expect(migrateQuizV1ToV2('garbage')).toBe('garbage');
  });

  it('repairs field by field: a bad card or day loses only itself', () => {
    const { state, repaired } = repairQuizState({
      cards: { good: card, bad: { due: 'tomorrow' } },
      today: { day: '2026-11-23', itemIds: ['good'], answers: {} },
      history: { '2026-11-22': { correct: 1, total: 5, done: false }, '2026-11-21': 'x' },
      streak: { count: -1 },
    });
    expect(repaired).toBe(true);
    expect(Object.keys(state.cards)).toEqual(['good']);
    expect(state.today?.itemIds).toEqual(['good']);
    expect(Object.keys(state.history)).toEqual(['2026-11-22']);
    expect(state.streak).toEqual(EMPTY_QUIZ_STATE.streak);
  });

  it('reads nothing stored as the empty state without calling it corrupt', () => {
    expect(repairQuizState(undefined)).toEqual({ state: EMPTY_QUIZ_STATE, repaired: false });
    expect(repairQuizState(42)).toEqual({ state: EMPTY_QUIZ_STATE, repaired: true });
  });
});
