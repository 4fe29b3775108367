/**
 * Merging two browsers' data without losing either side. Each part merges item by item:
 * - settings (field by field), favourites and personal phrasings: the later change wins; a delete or an
 *   unstar is a change too (tombstone / `on: false`), so it is not undone by the other side's older copy;
 * - the quiz state: see merge-quiz.ts (the later review wins, a day finished on either browser counts).
 * Ties are broken on content, so merge(a, b) and merge(b, a) give the same result and merging what was
 * already merged changes nothing (tests/unit/sync-merge.test.ts checks these properties).
 */
import type { FavoriteMarks } from '../panel/history';
import type { PersonalRecord, PersonalStore } from '../personal/phrasings';
import { compareJson, mergeById, mergeQuiz } from './merge-quiz';
import type { Stamped, StampedSettings, SyncData } from './model';

export {
  canonicalCard,
  compareCards,
  HISTORY_DAYS_KEPT,
  mergeCards,
  mergeHistory,
  mergeQuiz,
  mergeStreak,
  mergeToday,
  pickCard,
  pickResult,
  rebaseQuiz,
} from './merge-quiz';

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

export function mergeSyncData(a: SyncData, b: SyncData): SyncData {
  return {
    settings: mergeSettings(a.settings, b.settings),
    favorites: mergeFavorites(a.favorites, b.favorites),
    phrasings: mergePhrasings(a.phrasings, b.phrasings),
    quiz: mergeQuiz(a.quiz, b.quiz),
  };
}
