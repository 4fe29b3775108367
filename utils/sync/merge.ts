/**
 * Merging two browsers' data without losing either side. Each part merges item by item:
 * - settings (field by field), favourites and personal phrasings: the later change wins; a delete or an
 *   unstar is a change too (tombstone / `on: false`), so it is not undone by the other side's older copy;
 * - quiz cards: the later review wins (then more reviews), so no review is ever undone;
 * - quiz history: per day, the more finished result (finished, then more right, then more items);
 * - the streak: a day counts when it was finished on either browser (see mergeStreak);
 * - today's set: the later day; on the same day the set with more answers, plus the other's answers to
 *   items of that set.
 * Ties are broken on content, so merge(a, b) and merge(b, a) give the same result and merging what was
 * already merged changes nothing (tests/unit/sync-merge.test.ts checks these properties).
 */
import type { FavoriteMarks } from '../panel/history';
import type { PersonalRecord, PersonalStore } from '../personal/phrasings';
import { addDays, type DayKey } from '../quiz/day';
import type { StoredCard } from '../quiz/fsrs';
import type { DailySet, DayResult, QuizState, StoredAnswer } from '../quiz/state';
import { completeDay, type Streak } from '../quiz/streak';
import { canonicalCard } from './codec';
import type { Stamped, StampedSettings, SyncData } from './model';

/** Quiz history days kept (as utils/quiz/session.ts keeps). */
export const HISTORY_DAYS_KEPT = 120;
const FROZEN_DAYS_KEPT = 30;

/** A total order on JSON values (the tie-break of last resort). */
function compareJson(a: unknown, b: unknown): number {
  const x = JSON.stringify(a) ?? '';
  const y = JSON.stringify(b) ?? '';
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Merges two records of items by id with `pick` choosing between two versions of one item. */
function mergeById<T>(
  a: Readonly<Record<string, T>>,
  b: Readonly<Record<string, T>>,
  pick: (x: T, y: T) => T,
): Record<string, T> {
  const out: Record<string, T> = { ...a };
  for (const [id, y] of Object.entries(b)) {
    const x = out[id];
    out[id] = x === undefined ? y : pick(x, y);
  }
  return sortKeys(out);
}

/** Same keys in sorted order: merged values compare equal whatever the order they were built in. */
function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

// ── the later change wins ──
export function pickStamped(x: Stamped, y: Stamped): Stamped {
  if (x.at !== y.at) return x.at > y.at ? x : y;
  return compareJson(x.value, y.value) >= 0 ? x : y;
}

export const mergeSettings = (a: StampedSettings, b: StampedSettings): StampedSettings => mergeById(a, b, pickStamped);

/** The later mark; at the same time the star wins (nothing the agent marked is lost). */
export function pickFavorite(x: FavoriteMarks[string], y: FavoriteMarks[string]): FavoriteMarks[string] {
  return x.at !== y.at ? (x.at > y.at ? x : y) : x.on ? x : y;
}

export const mergeFavorites = (a: FavoriteMarks, b: FavoriteMarks): FavoriteMarks => mergeById(a, b, pickFavorite);

export function pickRecord(x: PersonalRecord, y: PersonalRecord): PersonalRecord {
  if (x.updatedAt !== y.updatedAt) return x.updatedAt > y.updatedAt ? x : y;
  return compareJson(x, y) >= 0 ? x : y;
}

export const mergePhrasings = (a: PersonalStore, b: PersonalStore): PersonalStore => mergeById(a, b, pickRecord);

// ── quiz ──
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

export function mergeSyncData(a: SyncData, b: SyncData): SyncData {
  return {
    settings: mergeSettings(a.settings, b.settings),
    favorites: mergeFavorites(a.favorites, b.favorites),
    phrasings: mergePhrasings(a.phrasings, b.phrasings),
    quiz: mergeQuiz(a.quiz, b.quiz),
  };
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
