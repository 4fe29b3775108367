/**
 * The day's quiz as a pure state machine over `QuizState`: start (or resume) today's set, record an
 * answer, read progress. The popup and the background both use it, so the badge and the popup agree.
 */
import type { Entry } from '../../knowledge/schema';
import type { ReviewCard } from './card';
import { buildDailySet } from './daily-set';
import { type DayKey, dayKey, nextMidnight } from './day';
import type { Graded } from './grading';
import { generateItems, type QuizItem } from './items';
import type { QuizState } from './state';
import { completeDay, settleStreak } from './streak';

const HISTORY_DAYS_KEPT = 120;

/**
 * Today's set, started if needed. Within a day the set is fixed once an answer is given; before that it
 * follows the current items and size (a changed pack or quiz size applies at once).
 */
export function ensureToday(
  state: QuizState,
  items: readonly QuizItem[],
  size: number,
  now: Date = new Date(),
  timeZone?: string,
): QuizState {
  const day = dayKey(now, timeZone);
  const streak = settleStreak(state.streak, day);
  const known = new Set(items.map((item) => item.id));
  const current = state.today?.day === day ? state.today : null;
  if (current && Object.keys(current.answers).length > 0) {
    // An item removed from the packs disappears from the set unless it was already answered.
    const itemIds = current.itemIds.filter((id) => known.has(id) || id in current.answers);
    // Unchanged, the same object: callers save only what changed (and cannot overwrite a newer answer).
    if (itemIds.length === current.itemIds.length && streak === state.streak) return state;
    return { ...state, streak, today: itemIds.length === current.itemIds.length ? current : { ...current, itemIds } };
  }
  const itemIds = buildDailySet(items, state.cards, size, nextMidnight(now, timeZone).getTime());
  if (current && current.itemIds.join('\n') === itemIds.join('\n') && streak === state.streak) return state;
  return { ...state, streak, today: { day, itemIds, answers: {} } };
}

export interface Progress {
  day: DayKey;
  total: number;
  answered: number;
  correct: number;
  /** 1-based number of the item on screen (the next unanswered one); equals `total` when done. */
  position: number;
  done: boolean;
}

export function progressOf(state: QuizState): Progress | null {
  const today = state.today;
  if (!today) return null;
  const total = today.itemIds.length;
  const answered = today.itemIds.filter((id) => id in today.answers).length;
  const correct = today.itemIds.filter((id) => today.answers[id]?.correct).length;
  return { day: today.day, total, answered, correct, position: Math.min(total, answered + 1), done: answered >= total };
}

export function nextItemId(state: QuizState): string | null {
  const today = state.today;
  return today?.itemIds.find((id) => !(id in today.answers)) ?? null;
}

/** Items left today, as the toolbar badge shows them ('' when done or unknown). */
export function badgeText(state: QuizState, day: DayKey): string {
  const p = progressOf(state);
  if (!p || p.day !== day) return '';
  const left = p.total - p.answered;
  return left > 0 ? String(left) : '';
}

/**
 * Records the answer to an item of today's set: schedule (by `review`, fsrs.ts `reviewCard`, passed in so
 * the popup can load the scheduler after its first item is up), day score, and the streak when the set is done.
 */
export function recordAnswer(
  state: QuizState,
  item: QuizItem,
  graded: Graded,
  review: ReviewCard,
  now: Date = new Date(),
): QuizState {
  const today = state.today;
  if (!today?.itemIds.includes(item.id) || item.id in today.answers) return state;
  const answers = {
    ...today.answers,
    [item.id]: { correct: graded.correct, rating: graded.rating, at: now.getTime() },
  };
  const next: QuizState = {
    ...state,
    cards: { ...state.cards, [item.id]: review(state.cards[item.id], graded.rating, now) },
    today: { ...today, answers },
  };
  const p = progressOf(next) as Progress;
  const history = Object.fromEntries(
    Object.entries({ ...state.history, [today.day]: { correct: p.correct, total: p.total, done: p.done } })
      .sort(([a], [b]) => a.localeCompare(b))
      .slice(-HISTORY_DAYS_KEPT),
  );
  return { ...next, history, streak: p.done ? completeDay(state.streak, today.day) : state.streak };
}

/** Today's set started or resumed, with the items to show it. */
export interface QuizDay {
  day: DayKey;
  /** The stored state with today's set started or resumed. */
  state: QuizState;
  /** Whether `state` differs from the stored one and must be saved. */
  changed: boolean;
  /** Every item, or (from a snapshot, see snapshot.ts) at least today's unanswered ones. */
  items: readonly QuizItem[];
}

/** Today's set from every item of the active entries: the full (slow) way, see ensureToday. */
export function startDay(
  stored: QuizState,
  entries: readonly Entry[],
  size: number,
  now: Date = new Date(),
  timeZone?: string,
): QuizDay {
  const day = dayKey(now, timeZone);
  const items = generateItems(entries, day);
  const state = ensureToday(stored, items, size, now, timeZone);
  return { day, state, changed: state !== stored, items };
}
