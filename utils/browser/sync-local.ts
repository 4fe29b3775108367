/**
 * This browser's side of the sync: its synced data read from local storage as SyncData, and another
 * browser's data merged into it — each part under its own item's lock and merged with the value stored at
 * that moment, so a star or an answer given meanwhile in a page is never written over.
 */
import { type FavoriteMarks, pruneFavoriteMarks, repairFavoriteMarks } from '../panel/history';
import { pruneTombstones } from '../personal/phrasings';
import { sameJson } from '../sync/equal';
import { mergeFavorites, mergePhrasings, mergeSettings } from '../sync/merge';
import type { SyncData, SyncPart } from '../sync/model';
import { repairStamps, stampSettings, unstampSettings } from '../sync/settings-stamps';
import { readPersonalStore, updatePersonalStore } from './personal-store';
import { mergeQuizState, readQuizState } from './quiz-store';
import {
  favoritesItem,
  readRepaired,
  readSettings,
  settingsStampsItem,
  updateRepaired,
  updateStampedSettings,
} from './storage';

/** Everything this browser syncs, as stored now (old tombstones and unstars forgotten). */
export async function readLocalSyncData(now: number = Date.now()): Promise<SyncData> {
  const [settings, stamps, favorites, phrasings, quiz] = await Promise.all([
    readSettings(),
    settingsStampsItem.getValue(),
    readRepaired(favoritesItem, repairFavoriteMarks, {}, now),
    readPersonalStore(now),
    readQuizState(new Date(now)),
  ]);
  return {
    settings: stampSettings(settings, repairStamps(stamps)),
    favorites: pruneFavoriteMarks(favorites, now),
    phrasings: pruneTombstones(phrasings, now),
    quiz,
  };
}

/** Merges `remote` into local storage part by part; returns the parts that changed here. */
export async function mergeIntoLocal(remote: SyncData, now: number = Date.now()): Promise<SyncPart[]> {
  const changed: SyncPart[] = [];
  const settingsChanged = await updateStampedSettings((settings, stamps) => {
    const stamped = stampSettings(settings, stamps);
    const merged = mergeSettings(stamped, remote.settings);
    return sameJson(merged, stamped) ? null : unstampSettings(merged, settings);
  }, now);
  if (settingsChanged) changed.push('settings');
  await updateRepaired(
    favoritesItem,
    repairFavoriteMarks,
    {},
    (current: FavoriteMarks) => {
      const merged = pruneFavoriteMarks(mergeFavorites(current, remote.favorites), now);
      if (sameJson(merged, current)) return current;
      changed.push('favorites');
      return merged;
    },
    now,
  );
  await updatePersonalStore((current) => {
    const merged = pruneTombstones(mergePhrasings(current, remote.phrasings), now);
    if (sameJson(merged, current)) return current;
    changed.push('phrasings');
    return merged;
  }, now);
  // Only answered sets travel (layout.ts); an unanswered one from elsewhere must not replace this browser's.
  const today = remote.quiz.today && Object.keys(remote.quiz.today.answers).length ? remote.quiz.today : null;
  const before = await readQuizState(new Date(now));
  const after = await mergeQuizState({ ...remote.quiz, today }, new Date(now));
  if (!sameJson(before, after)) changed.push('quiz');
  return changed;
}
