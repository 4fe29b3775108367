import { describe, expect, it } from 'vitest';
import { Rating } from '../../utils/quiz/card';
import { reviewCard } from '../../utils/quiz/fsrs';
import { gradeResponse } from '../../utils/quiz/grading';
import { generateItems, type QuizItem } from '../../utils/quiz/items';
import { badgeText, ensureToday, nextItemId, progressOf, recordAnswer } from '../../utils/quiz/session';
import { EMPTY_QUIZ_STATE, type QuizState } from '../../utils/quiz/state';
import { FIXTURE_ENTRIES } from './quiz-fixtures';

const TZ = 'Asia/Shanghai';
/** 09:00 in Shanghai on the given day. */
const morning = (day: string) => new Date(`${day}T09:00:00+08:00`);
const items = generateItems(FIXTURE_ENTRIES, '2026-11-23');
const byId = new Map(items.map((item) => [item.id, item]));

function answerAll(state: QuizState, now: Date, correct: (item: QuizItem) => boolean = () => true): QuizState {
  let s = state;
  for (let id = nextItemId(s); id; id = nextItemId(s)) {
    const item = byId.get(id) as QuizItem;
    s = recordAnswer(
      s,
      item,
      correct(item) ? { correct: true, rating: Rating.Good } : { correct: false, rating: Rating.Again },
      reviewCard,
      now,
    );
  }
  return s;
}

function playDay(state: QuizState, day: string, size = 5, correct?: (item: QuizItem) => boolean): QuizState {
  return answerAll(ensureToday(state, items, size, morning(day), TZ), morning(day), correct);
}

describe('quiz daily session', () => {
  it('starts a set of N new items, one per entry, and shows progress 1/N', () => {
    const s = ensureToday(EMPTY_QUIZ_STATE, items, 5, morning('2026-11-23'), TZ);
    expect(s.today?.itemIds).toHaveLength(5);
    const entries = s.today?.itemIds.map((id) => byId.get(id)?.entryId);
    expect(new Set(entries).size).toBe(5);
    // New items take turns by type, although recall cards are the most numerous.
    const types = s.today?.itemIds.map((id) => byId.get(id)?.type);
    expect(new Set(types).size).toBe(5);
    expect(progressOf(s)).toMatchObject({ day: '2026-11-23', total: 5, answered: 0, position: 1, done: false });
    expect(badgeText(s, '2026-11-23')).toBe('5');
  });

  it('keeps the same set and answers all day (the popup closes on every blur)', () => {
    const now = morning('2026-11-23');
    let s = ensureToday(EMPTY_QUIZ_STATE, items, 5, now, TZ);
    const first = byId.get(nextItemId(s) as string) as QuizItem;
    s = recordAnswer(s, first, { correct: true, rating: Rating.Good }, reviewCard, now);
    const later = ensureToday(s, items, 5, new Date('2026-11-23T23:59:00+08:00'), TZ);
    expect(later.today).toEqual(s.today);
    // Nothing to change: the very same state, so reopening the popup saves nothing.
    expect(later).toBe(s);
    expect(progressOf(later)).toMatchObject({ answered: 1, position: 2 });
    expect(badgeText(later, '2026-11-23')).toBe('4');
    // Answering the same item twice changes nothing.
    expect(recordAnswer(later, first, { correct: false, rating: Rating.Again }, reviewCard, now)).toBe(later);
  });

  it('starts a new set at local midnight in a non-UTC zone', () => {
    const s = playDay(EMPTY_QUIZ_STATE, '2026-11-23');
    expect(badgeText(s, '2026-11-23')).toBe('');
    // 16:00 UTC is midnight in Shanghai: a new day there while it is still the 23rd in UTC.
    const next = ensureToday(s, items, 5, new Date('2026-11-23T16:00:00Z'), TZ);
    expect(next.today?.day).toBe('2026-11-24');
    expect(progressOf(next)).toMatchObject({ answered: 0, total: 5 });
    expect(ensureToday(s, items, 5, new Date('2026-11-23T15:59:00Z'), TZ).today).toEqual(s.today);
  });

  it('brings wrong answers back the next day before new items', () => {
    const day1 = playDay(EMPTY_QUIZ_STATE, '2026-11-23', 5, () => false);
    const missedYesterday = day1.today?.itemIds ?? [];
    const day2 = ensureToday(day1, items, 5, morning('2026-11-24'), TZ);
    expect(day2.today?.itemIds.slice().sort()).toEqual(missedYesterday.slice().sort());
  });

  it('never grows past N however many days were missed', () => {
    let s = EMPTY_QUIZ_STATE;
    for (const day of ['2026-11-01', '2026-11-02', '2026-11-03']) s = playDay(s, day, 4);
    const overdue = Object.values(s.cards).filter((c) => c.due < morning('2026-12-20').getTime()).length;
    expect(overdue).toBeGreaterThan(4);
    const back = ensureToday(s, items, 4, morning('2026-12-20'), TZ);
    expect(back.today?.itemIds).toHaveLength(4);
    // The most overdue come first.
    const dues = back.today?.itemIds.map((id) => s.cards[id]?.due ?? Number.POSITIVE_INFINITY) ?? [];
    expect(dues).toEqual(dues.slice().sort((a, b) => a - b));
  });

  it('records the day score in history and the streak when the set is finished', () => {
    const s = playDay(EMPTY_QUIZ_STATE, '2026-11-23', 5, (item) => item.type !== 'recall');
    const recalls = s.today?.itemIds.filter((id) => byId.get(id)?.type === 'recall').length ?? 0;
    expect(s.history['2026-11-23']).toEqual({ correct: 5 - recalls, total: 5, done: true });
    expect(s.streak).toMatchObject({ count: 1, lastDay: '2026-11-23' });
    const two = playDay(s, '2026-11-24');
    expect(two.streak.count).toBe(2);
    // Skipping a day without a freeze ends the streak when the next set starts.
    expect(ensureToday(two, items, 5, morning('2026-11-26'), TZ).streak.count).toBe(0);
  });

  it('uses the agent’s recall grade for the schedule', () => {
    const s = ensureToday(EMPTY_QUIZ_STATE, [byId.get('recall:q-open') as QuizItem], 5, morning('2026-11-23'), TZ);
    const item = byId.get('recall:q-open') as QuizItem;
    const easy = recordAnswer(
      s,
      item,
      gradeResponse(item, { type: 'recall', grade: Rating.Easy }),
      reviewCard,
      morning('2026-11-23'),
    );
    const hard = recordAnswer(
      s,
      item,
      gradeResponse(item, { type: 'recall', grade: Rating.Hard }),
      reviewCard,
      morning('2026-11-23'),
    );
    expect(easy.cards['recall:q-open']?.due).toBeGreaterThan(hard.cards['recall:q-open']?.due ?? 0);
  });

  it('follows a changed quiz size until the first answer, then keeps the set', () => {
    const now = morning('2026-11-23');
    const five = ensureToday(EMPTY_QUIZ_STATE, items, 5, now, TZ);
    expect(ensureToday(five, items, 3, now, TZ).today?.itemIds).toHaveLength(3);
    const started = recordAnswer(
      five,
      byId.get(nextItemId(five) as string) as QuizItem,
      { correct: true, rating: Rating.Good },
      reviewCard,
      now,
    );
    expect(ensureToday(started, items, 3, now, TZ).today?.itemIds).toHaveLength(5);
  });
});
