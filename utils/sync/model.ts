/**
 * What follows the agent from browser to browser through the browser's own sync (`storage.sync`): the
 * personal phrasings, favourites, settings and the quiz's schedule, streak, history and today's set.
 * Every part carries what a merge needs to keep both sides (times, tombstones, review dates), so merging
 * two browsers' data never loses either side (merge.ts). Local storage stays the source of truth; the
 * sync area is a replica in a compact, chunked encoding (codec.ts, layout.ts).
 */
import type { FavoriteMarks } from '../panel/history';
import type { PersonalStore } from '../personal/phrasings';
import type { QuizState } from '../quiz/state';

/** A value with the time it was set (ms since the epoch): the later one wins. */
export interface Stamped<T = unknown> {
  value: T;
  at: number;
}

/** Settings field by field, so that changing the quiz size here and the language there keeps both. */
export type StampedSettings = Record<string, Stamped>;

export interface SyncData {
  settings: StampedSettings;
  favorites: FavoriteMarks;
  phrasings: PersonalStore;
  quiz: QuizState;
}

export type SyncPart = keyof SyncData;
