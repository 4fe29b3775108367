/**
 * The compact encoding of synced records: positional arrays instead of objects with field names, times
 * of quiz cards and answers in seconds, card parameters rounded to 4 decimals — a card takes ~70 bytes
 * instead of ~230. Every decoder checks its record and returns `undefined` for anything else: a damaged
 * record is set aside by the caller, never merged.
 *
 * A change of any record's shape needs a new SYNC_FORMAT (layout.ts): a browser still running the older
 * release then pauses syncing instead of rewriting data it cannot read.
 */
import * as v from 'valibot';
import type { FavoriteMarks } from '../panel/history';
import { type PersonalRecord, repairRecord } from '../personal/phrasings';
import type { StoredCard } from '../quiz/card';
import type { DayKey } from '../quiz/day';
import type { DailySet, DayResult, StoredAnswer } from '../quiz/state';
import type { Streak } from '../quiz/streak';
import { SettingsSchema } from '../settings';
import { round4, toSeconds } from './merge-quiz';
import type { Stamped } from './model';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const ID = /^[a-z0-9][a-z0-9-]{0,79}$/;
/** Quiz item ids: `q:`, `recall:`, `order:`, `phrase:` + entry id. */
const ITEM = /^[a-z]{1,10}:[a-z0-9][a-z0-9-]{0,79}$/;

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isCount = (v: unknown): v is number => isNum(v) && Number.isInteger(v) && v >= 0;
const isTime = (v: unknown): v is number => isCount(v);
const isDay = (v: unknown): v is DayKey => typeof v === 'string' && DAY.test(v);
const isBit = (v: unknown): v is 0 | 1 => v === 0 || v === 1;

function tuple(raw: unknown, length: number): unknown[] | undefined {
  return Array.isArray(raw) && raw.length === length ? raw : undefined;
}

// ── settings: [field, value, at] ──
export type SettingRecord = [field: string, value: unknown, at: number];

export function encodeSetting(field: string, s: Stamped): SettingRecord {
  return [field, s.value, s.at];
}

/** A known field must hold a valid value; a field this release does not know is kept as it is. */
export function decodeSetting(raw: unknown): [string, Stamped] | undefined {
  const r = tuple(raw, 3);
  if (!r || typeof r[0] !== 'string' || !/^[A-Za-z][A-Za-z0-9]{0,40}$/.test(r[0]) || !isTime(r[2])) return undefined;
  const schema = (SettingsSchema.entries as Record<string, v.GenericSchema | undefined>)[r[0]];
  if (r[1] === undefined || r[1] === null || (schema && !v.is(schema, r[1]))) return undefined;
  return [r[0], { value: r[1], at: r[2] }];
}

// ── favourites: [id, on, at] ──
export type FavoriteRecord = [id: string, on: 0 | 1, at: number];

export const encodeFavorite = (id: string, m: FavoriteMarks[string]): FavoriteRecord => [id, m.on ? 1 : 0, m.at];

export function decodeFavorite(raw: unknown): [string, FavoriteMarks[string]] | undefined {
  const r = tuple(raw, 3);
  if (!r || typeof r[0] !== 'string' || !ID.test(r[0]) || !isBit(r[1]) || !isTime(r[2])) return undefined;
  return [r[0], { on: r[1] === 1, at: r[2] }];
}

// ── personal phrasings: [id, title, text, tags, guidelineId, createdAt, updatedAt] or a tombstone [id, updatedAt] ──
export type PhrasingRecord =
  | [id: string, title: string, text: string, tags: string[], guidelineId: string, createdAt: number, updatedAt: number]
  | [id: string, updatedAt: number];

export function encodePhrasing(r: PersonalRecord): PhrasingRecord {
  if ('deleted' in r) return [r.id, r.updatedAt];
  return [r.id, r.title, r.text, r.tags, r.guidelineId ?? '', r.createdAt, r.updatedAt];
}

export function decodePhrasing(raw: unknown): PersonalRecord | undefined {
  if (!Array.isArray(raw)) return undefined;
  if (raw.length === 2) return repairRecord({ id: raw[0], updatedAt: raw[1], deleted: true });
  const r = tuple(raw, 7);
  if (!r || typeof r[4] !== 'string') return undefined;
  return repairRecord({
    id: r[0],
    title: r[1],
    text: r[2],
    tags: r[3],
    ...(r[4] ? { guidelineId: r[4] } : {}),
    createdAt: r[5],
    updatedAt: r[6],
  });
}

// ── quiz cards: [item, due s, stability, difficulty, elapsed, scheduled, learning steps, reps, lapses, state, last review s | 0] ──
export type CardRecord = [
  item: string,
  due: number,
  stability: number,
  difficulty: number,
  elapsedDays: number,
  scheduledDays: number,
  learningSteps: number,
  reps: number,
  lapses: number,
  state: number,
  lastReview: number,
];

export function encodeCard(item: string, c: StoredCard): CardRecord {
  return [
    item,
    toSeconds(c.due),
    round4(c.stability),
    round4(c.difficulty),
    round4(c.elapsed_days),
    round4(c.scheduled_days),
    round4(c.learning_steps),
    c.reps,
    c.lapses,
    c.state,
    c.last_review === undefined ? 0 : toSeconds(c.last_review),
  ];
}

export function decodeCard(raw: unknown): [string, StoredCard] | undefined {
  const r = tuple(raw, 11);
  if (!r || typeof r[0] !== 'string' || !ITEM.test(r[0])) return undefined;
  const [, due, stability, difficulty, elapsed, scheduled, steps, reps, lapses, state, last] = r;
  if (![due, stability, difficulty, elapsed, scheduled, steps].every(isNum)) return undefined;
  if (!isCount(reps) || !isCount(lapses) || !(state === 0 || state === 1 || state === 2 || state === 3))
    return undefined;
  if (!isTime(due) || !isTime(last)) return undefined;
  const card: StoredCard = {
    due: due * 1000,
    stability: stability as number,
    difficulty: difficulty as number,
    elapsed_days: elapsed as number,
    scheduled_days: scheduled as number,
    learning_steps: steps as number,
    reps,
    lapses,
    state,
    ...(last ? { last_review: last * 1000 } : {}),
  };
  return [r[0], card];
}

// ── quiz history: [day, correct, total, done] ──
export type HistoryRecord = [day: DayKey, correct: number, total: number, done: 0 | 1];

export const encodeHistory = (day: DayKey, r: DayResult): HistoryRecord => [day, r.correct, r.total, r.done ? 1 : 0];

export function decodeHistory(raw: unknown): [DayKey, DayResult] | undefined {
  const r = tuple(raw, 4);
  if (!r || !isDay(r[0]) || !isCount(r[1]) || !isCount(r[2]) || !isBit(r[3])) return undefined;
  return [r[0], { correct: r[1], total: r[2], done: r[3] === 1 }];
}

// ── the streak: [count, best, last day | '', freezes, frozen days] ──
export type StreakRecord = [count: number, best: number, lastDay: string, freezes: number, frozenDays: DayKey[]];

export const encodeStreak = (s: Streak): StreakRecord => [s.count, s.best, s.lastDay ?? '', s.freezes, s.frozenDays];

export function decodeStreak(raw: unknown): Streak | undefined {
  const r = tuple(raw, 5);
  if (!r || !isCount(r[0]) || !isCount(r[1]) || !isCount(r[3])) return undefined;
  if (!(r[2] === '' || isDay(r[2])) || !Array.isArray(r[4]) || !r[4].every(isDay)) return undefined;
  return { count: r[0], best: r[1], lastDay: r[2] === '' ? null : r[2], freezes: r[3], frozenDays: r[4] };
}

// ── today's set: [day, item ids, [[item, correct, rating, at s]…]] ──
export type AnswerRecord = [item: string, correct: 0 | 1, rating: number, at: number];
export type TodayRecord = [day: DayKey, itemIds: string[], answers: AnswerRecord[]];

export function encodeToday(t: DailySet): TodayRecord {
  const answers = Object.entries(t.answers)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([id, a]): AnswerRecord => [id, a.correct ? 1 : 0, a.rating, toSeconds(a.at)]);
  return [t.day, t.itemIds, answers];
}

export function decodeToday(raw: unknown): DailySet | undefined {
  const r = tuple(raw, 3);
  if (!r || !isDay(r[0]) || !Array.isArray(r[1]) || !r[1].every((id) => typeof id === 'string' && ITEM.test(id))) {
    return undefined;
  }
  if (!Array.isArray(r[2])) return undefined;
  const answers: Record<string, StoredAnswer> = {};
  for (const a of r[2]) {
    const x = tuple(a, 4);
    if (!x || typeof x[0] !== 'string' || !ITEM.test(x[0]) || !isBit(x[1]) || !isTime(x[3])) return undefined;
    if (!(x[2] === 1 || x[2] === 2 || x[2] === 3 || x[2] === 4)) return undefined;
    answers[x[0]] = { correct: x[1] === 1, rating: x[2], at: x[3] * 1000 };
  }
  return { day: r[0], itemIds: r[1] as string[], answers };
}
