/**
 * Merging two browsers' quiz state without losing either side (the quiz part of merge.ts; apart, so the
 * popup, which merges every answer it saves, loads only this):
 * - cards: the later review wins (then more reviews), so no review is ever undone;
 * - history: per day, the more finished result (finished, then more right, then more items);
 * - the streak: a day counts when it was finished on either browser (see mergeStreak);
 * - today's set: the later day; on the same day the set with more answers, plus the other's answers to
 *   items of that set.
 * Ties are broken on content, so merge(a, b) and merge(b, a) give the same result and merging what was
 * already merged changes nothing (tests/unit/sync-merge.test.ts).
 */

import type { StoredCard } from '../quiz/card';
import { addDays, type DayKey } from '../quiz/day';
import type { DailySet, DayResult, QuizState, StoredAnswer } from '../quiz/state';
import { completeDay, type Streak } from '../quiz/streak';

/** Quiz history days kept (as utils/quiz/session.ts keeps). */
export const HISTORY_DAYS_KEPT = 120;
const FROZEN_DAYS_KEPT = 30;

/** A total order on JSON values (the tie-break of last resort). */
export function compareJson(a: unknown, b: unknown): number {
  const x = JSON.stringify(a) ?? '';
  const y = JSON.stringify(b) ?? '';
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Merges two records of items by id with `pick` choosing between two versions of one item. */
export function mergeById<T>(
  a: Readonly<Record<string, T>>,
  b: Readonly<Record<string, T>>,
  pick: (x: T, y: T) => T,
): Record<string, T> {
  const out: Record<string, T> = { ...a };
  for (const [id, y] of Object.entries(b)) {
    const x = out[id];
    out[id] = x === undefined ? y : pick(x, y);
  }
  // Keys in sorted order: merged values compare equal whatever order they were built in.
  return Object.fromEntries(Object.entries(out).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)));
}

/** Card times travel in seconds and its parameters to 4 decimals (codec.ts): the precision merges compare at. */
export const toSeconds = (ms: number) => Math.round(ms / 1000);
export const round4 = (n: number) => Math.round(n * 10_000) / 10_000;

/** A card as the sync area holds it. */
export function canonicalCard(c: StoredCard): StoredCard {
  const out: StoredCard = {
    due: toSeconds(c.due) * 1000,
    stability: round4(c.stability),
    difficulty: round4(c.difficulty),
    elapsed_days: round4(c.elapsed_days),
    scheduled_days: round4(c.scheduled_days),
    learning_steps: round4(c.learning_steps),
    reps: c.reps,
    lapses: c.lapses,
    state: c.state,
  };
  if (c.last_review) out.last_review = toSeconds(c.last_review) * 1000;
  return out;
}

/** Orders two versions of a card: the later review, then more reviews, then content. */
export function compareCards(x: StoredCard, y: StoredCard): number {
  const cx = canonicalCard(x);
  const cy = canonicalCard(y);
  return (cx.last_review ?? -1) - (cy.last_review ?? -1) || cx.reps - cy.reps || cx.due - cy.due || compareJson(cx, cy);
}

/**
 * The later review wins. Versions equal at the precision synced (codec.ts rounds) keep the first
 * argument's: the local card keeps its full precision when the remote copy is the same review.
 */
export const pickCard = (x: StoredCard, y: StoredCard): StoredCard => (compareCards(x, y) >= 0 ? x : y);

export const mergeCards = (a: Record<string, StoredCard>, b: Record<string, StoredCard>) => mergeById(a, b, pickCard);

function rankResult(r: DayResult): [number, number, number] {
  return [r.done ? 1 : 0, r.correct, r.total];
}

export function pickResult(x: DayResult, y: DayResult): DayResult {
  const [a, b] = [rankResult(x), rankResult(y)];
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return (a[i] as number) > (b[i] as number) ? x : y;
  return x;
}

/** Per day the more finished result; the newest HISTORY_DAYS_KEPT days. */
export function mergeHistory(
  a: Readonly<Record<DayKey, DayResult>>,
  b: Readonly<Record<DayKey, DayResult>>,
  keep = HISTORY_DAYS_KEPT,
): Record<DayKey, DayResult> {
  const all = mergeById(a, b, pickResult);
  return Object.fromEntries(Object.entries(all).slice(-keep));
}

const answeredCount = (set: DailySet) => set.itemIds.filter((id) => id in set.answers).length;

/** The first answer given is the one that counted; the same answer (to the second synced) keeps the first argument's. */
function pickAnswer(x: StoredAnswer, y: StoredAnswer): StoredAnswer {
  const [sx, sy] = [Math.round(x.at / 1000), Math.round(y.at / 1000)];
  if (sx !== sy) return sx < sy ? x : y;
  const order = compareJson([x.correct, x.rating], [y.correct, y.rating]);
  return order <= 0 ? x : y;
}

/**
 * Today's set: the later day wins; on the same day the set with more answers (then the larger list, so
 * both sides choose alike), with the other side's answers to items of that set added.
 */
export function mergeToday(a: DailySet | null, b: DailySet | null): DailySet | null {
  if (!a || !b) return a ?? b;
  if (a.day !== b.day) return a.day > b.day ? a : b;
  const [na, nb] = [answeredCount(a), answeredCount(b)];
  const base = na !== nb ? (na > nb ? a : b) : compareJson(a.itemIds, b.itemIds) >= 0 ? a : b;
  const other = base === a ? b : a;
  const answers: Record<string, StoredAnswer> = {};
  for (const id of base.itemIds) {
    const x = base.answers[id];
    const y = other.itemIds.includes(id) ? other.answers[id] : undefined;
    const pick = x && y ? pickAnswer(x, y) : (x ?? y);
    if (pick) answers[id] = pick;
  }
  return { day: base.day, itemIds: base.itemIds, answers };
}

/** The day's result as recorded from a set (as recordAnswer counts it). */
function resultOf(set: DailySet): DayResult {
  const answered = set.itemIds.filter((id) => id in set.answers);
  const correct = answered.filter((id) => set.answers[id]?.correct).length;
  return { correct, total: set.itemIds.length, done: answered.length >= set.itemIds.length };
}

/**
 * The streak, counting a day finished on either browser. Each side's count is extended over the days
 * after its last day that the merged history shows finished (or a freeze bridged); a walk back over the
 * merged history from the last day also counts, and the larger count wins. A streak is never made longer
 * than consecutive finished days support, and never shorter than either side's.
 */
export function mergeStreak(a: Streak, b: Streak, history: Readonly<Record<DayKey, DayResult>>): Streak {
  const frozenDays = [...new Set([...a.frozenDays, ...b.frozenDays])].sort().slice(-FROZEN_DAYS_KEPT);
  const best = Math.max(a.best, b.best);
  const lastDay = [a.lastDay, b.lastDay].filter((d): d is DayKey => d !== null).sort()[1] ?? a.lastDay ?? b.lastDay;
  if (lastDay === null) return { count: 0, best, lastDay: null, freezes: Math.max(a.freezes, b.freezes), frozenDays };
  const frozen = new Set(frozenDays);
  const done = (d: DayKey) => history[d]?.done === true;
  const covered = (d: DayKey) => done(d) || frozen.has(d);
  const extended = (s: Streak): number => {
    if (s.lastDay === null) return 0;
    let count = s.count;
    for (let d = addDays(s.lastDay, 1); d <= lastDay; d = addDays(d, 1)) {
      if (!covered(d)) return 0;
      if (done(d)) count++;
    }
    return count;
  };
  const oldest = Object.keys(history).sort()[0] ?? lastDay;
  let walked = 0;
  for (let d = lastDay; d >= oldest && covered(d); d = addDays(d, -1)) if (done(d)) walked++;
  const count = Math.max(extended(a), extended(b), walked);
  const atLast = [a, b].filter((s) => s.lastDay === lastDay);
  const freezes = Math.max(...atLast.map((s) => s.freezes));
  return { count, best: Math.max(best, count), lastDay, freezes, frozenDays };
}

export function mergeQuiz(a: QuizState, b: QuizState): QuizState {
  const today = mergeToday(a.today, b.today);
  let history = mergeHistory(a.history, b.history);
  if (today && answeredCount(today) > 0) {
    // Answers from both sides may meet in one set: the day's result follows the merged set.
    history = mergeHistory(history, { [today.day]: resultOf(today) });
  }
  let streak = mergeStreak(a.streak, b.streak, history);
  if (today && history[today.day]?.done && (streak.lastDay === null || streak.lastDay < today.day)) {
    // Finished only by putting both sides' answers together: the day counts as finished.
    streak = mergeStreak(completeDay(streak, today.day), streak, history);
  }
  return { cards: mergeCards(a.cards, b.cards), today, history, streak };
}

/**
 * A local write of the quiz state (`next`, computed by the popup or the background from an earlier read)
 * onto what is stored now, which a sync may have changed meanwhile: merged, so neither loses anything,
 * except that `next`'s set for today stands when it has every answer the stored one has (a new quiz size
 * applies to a set nobody answered yet).
 */
export function rebaseQuiz(stored: QuizState, next: QuizState): QuizState {
  const t = next.today;
  const s = stored.today;
  const ahead =
    !!t && (!s || s.day < t.day || (s.day === t.day && Object.keys(s.answers).every((id) => id in t.answers)));
  return mergeQuiz(next, ahead ? { ...stored, today: t } : stored);
}
