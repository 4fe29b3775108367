/**
 * The persisted quiz state (storage key `local:quiz`) and its repair on read. Versions: migrations.ts.
 */
import * as v from 'valibot';
import type { StoredCard } from './card';
import type { DayKey } from './day';
import { EMPTY_STREAK, type Streak } from './streak';

export interface StoredAnswer {
  correct: boolean;
  /** FSRS grade given (1 Again … 4 Easy). */
  rating: number;
  at: number;
}

export interface DailySet {
  day: DayKey;
  itemIds: string[];
  answers: Record<string, StoredAnswer>;
}

export interface DayResult {
  correct: number;
  total: number;
  done: boolean;
}

export interface QuizState {
  /** FSRS schedule per item id. */
  cards: Record<string, StoredCard>;
  today: DailySet | null;
  history: Record<DayKey, DayResult>;
  streak: Streak;
}

export const EMPTY_QUIZ_STATE: QuizState = { cards: {}, today: null, history: {}, streak: EMPTY_STREAK };

const Day = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/));
const Count = v.pipe(v.number(), v.integer(), v.minValue(0));
const CardSchema = v.object({
  due: v.number(),
  stability: v.number(),
  difficulty: v.number(),
  elapsed_days: v.number(),
  scheduled_days: v.number(),
  learning_steps: v.number(),
  reps: Count,
  lapses: Count,
  state: v.picklist([0, 1, 2, 3]),
  last_review: v.optional(v.number()),
});
const AnswerSchema = v.object({ correct: v.boolean(), rating: v.picklist([1, 2, 3, 4]), at: v.number() });
const DailySetSchema = v.object({
  day: Day,
  itemIds: v.array(v.string()),
  answers: v.record(v.string(), AnswerSchema),
});
const DayResultSchema = v.object({ correct: Count, total: Count, done: v.boolean() });
const StreakSchema = v.object({
  count: Count,
  best: Count,
  lastDay: v.nullable(Day),
  freezes: Count,
  frozenDays: v.array(Day),
});

/** Keeps only the entries of a record that pass `schema`; reports whether any were dropped. */
function validRecord<T>(
  raw: unknown,
  schema: v.GenericSchema<unknown, T>,
): { value: Record<string, T>; dropped: boolean } {
  const value: Record<string, T> = {};
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { value, dropped: raw !== undefined };
  let dropped = false;
  for (const [key, item] of Object.entries(raw)) {
    const parsed = v.safeParse(schema, item);
    if (parsed.success) value[key] = parsed.output;
    else dropped = true;
  }
  return { value, dropped };
}

/**
 * Repairs a stored value field by field: one bad card or day loses only itself. `repaired` tells the
 * caller to set the original aside before writing over it.
 */
export function repairQuizState(raw: unknown): { state: QuizState; repaired: boolean } {
  if (raw === null || raw === undefined) return { state: EMPTY_QUIZ_STATE, repaired: false };
  if (typeof raw !== 'object' || Array.isArray(raw)) return { state: EMPTY_QUIZ_STATE, repaired: true };
  const r = raw as Record<string, unknown>;
  const cards = validRecord(r.cards, CardSchema);
  const history = validRecord(r.history, DayResultSchema);
  const today = r.today === null || r.today === undefined ? null : v.safeParse(DailySetSchema, r.today);
  const streak = v.safeParse(StreakSchema, r.streak);
  const state: QuizState = {
    cards: cards.value as Record<string, StoredCard>,
    today: today?.success ? today.output : null,
    history: history.value,
    streak: streak.success ? streak.output : EMPTY_STREAK,
  };
  const repaired = cards.dropped || history.dropped || today?.success === false || !streak.success;
  return { state, repaired };
}
