import { describe, expect, it } from 'vitest';
import { Rating } from '../../utils/quiz/card';
import { reviewCard } from '../../utils/quiz/fsrs';
import type { QuizItem } from '../../utils/quiz/items';
import { nextItemId, recordAnswer, startDay } from '../../utils/quiz/session';
import { cardsFingerprint, resumeDay, type SnapshotKey, takeSnapshot } from '../../utils/quiz/snapshot';
import { EMPTY_QUIZ_STATE, type QuizState } from '../../utils/quiz/state';
import { FIXTURE_ENTRIES } from './quiz-fixtures';

const TZ = 'Asia/Shanghai';
/** 09:00 in Shanghai on the given day. */
const morning = (day: string) => new Date(`${day}T09:00:00+08:00`);
const KEY: SnapshotKey = { revision: 7, source: '0.1.0', size: 5 };

/** Answers `count` items of today's set rightly. */
function answer(state: QuizState, items: readonly QuizItem[], now: Date, count = 1): QuizState {
  const byId = new Map(items.map((item) => [item.id, item]));
  let s = state;
  for (let i = 0; i < count; i++) {
    const id = nextItemId(s);
    if (!id) break;
    s = recordAnswer(s, byId.get(id) as QuizItem, { correct: true, rating: Rating.Good }, reviewCard, now);
  }
  return s;
}

/** The full way, then a snapshot as the background stores it (state saved as the caller would). */
function fullWay(stored: QuizState, now: Date, key = KEY) {
  const day = startDay(stored, FIXTURE_ENTRIES, key.size, now, TZ);
  return { day, snapshot: JSON.parse(JSON.stringify(takeSnapshot(day, key))) as unknown };
}

describe('snapshot of today’s items', () => {
  it('resumes exactly what the full way gives, before and after the first answer, over many days', () => {
    let state: QuizState = EMPTY_QUIZ_STATE;
    for (let d = 1; d <= 20; d++) {
      const now = morning(`2026-11-${String(d).padStart(2, '0')}`);
      const { day, snapshot } = fullWay(state, now);
      state = day.state;
      // Set started, nothing answered yet: reopening the popup.
      const resumed = resumeDay(state, snapshot, KEY, now, TZ);
      expect(resumed).not.toBeNull();
      const again = startDay(state, FIXTURE_ENTRIES, KEY.size, now, TZ);
      expect(resumed?.state).toEqual(again.state);
      expect(resumed?.items.map((i) => i.id).sort()).toEqual([...(state.today?.itemIds ?? [])].sort());
      // The snapshot's items are the very items the full way shows.
      for (const item of resumed?.items ?? []) expect(item).toEqual(again.items.find((i) => i.id === item.id));
      // Some answered (skip some days so cards fall due and streaks lapse), then reopened.
      state = answer(state, day.items, now, d % 3);
      const later = resumeDay(state, snapshot, KEY, now, TZ);
      expect(later?.state).toEqual(startDay(state, FIXTURE_ENTRIES, KEY.size, now, TZ).state);
      if (d % 4 === 0) d++;
    }
  });

  it('is not used for another day, pack revision, quiz size, extension version or format', () => {
    const now = morning('2026-11-23');
    const { day, snapshot } = fullWay(EMPTY_QUIZ_STATE, now);
    const state = day.state;
    expect(resumeDay(state, snapshot, KEY, now, TZ)).not.toBeNull();
    expect(resumeDay(state, snapshot, { ...KEY, revision: 8 }, now, TZ)).toBeNull();
    expect(resumeDay(state, snapshot, { ...KEY, size: 3 }, now, TZ)).toBeNull();
    expect(resumeDay(state, snapshot, { ...KEY, source: '0.2.0' }, now, TZ)).toBeNull();
    expect(resumeDay(state, { ...(snapshot as object), format: 0 }, KEY, now, TZ)).toBeNull();
    // The next day (the state still holds yesterday's set), and a state already on the next day.
    const tomorrow = morning('2026-11-24');
    expect(resumeDay(state, snapshot, KEY, tomorrow, TZ)).toBeNull();
    const next = startDay(state, FIXTURE_ENTRIES, 5, tomorrow, TZ).state;
    expect(resumeDay(next, snapshot, KEY, tomorrow, TZ)).toBeNull();
    // Same local day elsewhere is another day here: 23:30 in Shanghai is already the 24th.
    expect(resumeDay(state, snapshot, KEY, new Date('2026-11-23T23:30:00+08:00'), 'Asia/Tokyo')).toBeNull();
  });

  it('is not used for an unanswered set when the schedule or the set differs from the snapshot’s', () => {
    const now = morning('2026-11-23');
    const { day } = fullWay(EMPTY_QUIZ_STATE, now);
    const played = answer(day.state, day.items, now, 5);
    // Tomorrow's set is chosen from a schedule of five cards: resumed with it, not with another schedule.
    const tomorrow = morning('2026-11-24');
    const started = startDay(played, FIXTURE_ENTRIES, 5, tomorrow, TZ).state;
    const fresh = fullWay(started, tomorrow);
    expect(resumeDay(started, fresh.snapshot, KEY, tomorrow, TZ)).not.toBeNull();
    const forgotten = { ...started, cards: {} };
    expect(cardsFingerprint(forgotten.cards)).not.toBe(cardsFingerprint(started.cards));
    expect(resumeDay(forgotten, fresh.snapshot, KEY, tomorrow, TZ)).toBeNull();
    const reordered = { ...started, today: { ...(started.today as NonNullable<QuizState['today']>) } };
    reordered.today.itemIds = [...reordered.today.itemIds].reverse();
    expect(resumeDay(reordered, fresh.snapshot, KEY, tomorrow, TZ)).toBeNull();
    // A snapshot taken after the set was fixed by an answer says nothing about choosing a new one.
    const fixed = fullWay(answer(day.state, day.items, now, 1), now).snapshot as { cards: string };
    expect(fixed.cards).toBe('');
    expect(resumeDay(day.state, fixed, KEY, now, TZ)).toBeNull();
  });

  it('is not used when damaged or missing an item still to answer, and never changes the state', () => {
    const now = morning('2026-11-23');
    const { day, snapshot } = fullWay(EMPTY_QUIZ_STATE, now);
    const s = snapshot as { items: Record<string, unknown>[] };
    const frozen = JSON.stringify(day.state);
    const broken: unknown[] = [
      null,
      'snapshot',
      { ...s, items: 'none' },
      { ...s, day: '23.11.2026' },
      { ...s, items: s.items.slice(1) },
      { ...s, items: s.items.map((item, i) => (i === 0 ? { ...item, prompt: undefined } : item)) },
      { ...s, items: s.items.map((item, i) => (i === 0 ? { ...item, type: 'essay' } : item)) },
    ];
    const order = s.items.findIndex((item) => item.type === 'order');
    if (order >= 0) {
      broken.push({ ...s, items: s.items.map((item, i) => (i === order ? { ...item, shown: [0, 1, 9] } : item)) });
    }
    for (const raw of broken) expect(resumeDay(day.state, raw, KEY, now, TZ)).toBeNull();
    expect(JSON.stringify(day.state)).toBe(frozen);
  });

  it('resumes without an answered item that was removed from the packs since, as the full way keeps it', () => {
    const now = morning('2026-11-23');
    const { day } = fullWay(EMPTY_QUIZ_STATE, now);
    const played = answer(day.state, day.items, now, 1);
    const gone = played.today?.itemIds[0] as string;
    const entryId = day.items.find((item) => item.id === gone)?.entryId;
    const entries = FIXTURE_ENTRIES.filter((e) => e.id !== entryId);
    // The packs changed (a new revision): the full way runs once and snapshots what remains.
    const full = startDay(played, entries, 5, now, TZ);
    const snapshot = JSON.parse(JSON.stringify(takeSnapshot(full, { ...KEY, revision: 8 })));
    expect(snapshot.items.map((i: QuizItem) => i.id)).not.toContain(gone);
    const resumed = resumeDay(full.state, snapshot, { ...KEY, revision: 8 }, now, TZ);
    expect(resumed?.state.today?.itemIds).toContain(gone);
    expect(resumed?.state).toEqual(startDay(full.state, entries, 5, now, TZ).state);
  });

  it('settles a lapsed streak as the full way does, and asks for it to be saved', () => {
    const day1 = morning('2026-11-20');
    const { day } = fullWay(EMPTY_QUIZ_STATE, day1);
    const done = answer(day.state, day.items, day1, 5);
    expect(done.streak.count).toBe(1);
    // Three days later the background started the set before the streak was settled in storage.
    const later = morning('2026-11-23');
    const stale = { ...startDay(done, FIXTURE_ENTRIES, 5, later, TZ).state, streak: done.streak };
    const { snapshot } = fullWay(stale, later);
    const resumed = resumeDay(stale, snapshot, KEY, later, TZ);
    const full = startDay(stale, FIXTURE_ENTRIES, 5, later, TZ);
    expect(resumed?.changed).toBe(true);
    expect(resumed?.state).toEqual(full.state);
    expect(resumed?.state.streak.count).toBe(0);
  });
});
