/**
 * The active entries for the quiz popup, WITHOUT the search engine. `getActiveEntries()` in packs.ts
 * also builds the search index (Fuse.js, pinyin tables): importing it would put ~40 KB gzipped and an
 * index build into a popup that must be interactive in 150 ms and ship ≤ 100 KB of JS.
 * Same sources and order as packs.ts (built-in first if enabled, then enabled team packs). Read-only: a
 * damaged library is repaired here for reading; packs.ts sets the damaged part aside when a page
 * that owns the library (options, panel) loads it.
 * The popup imports this module only when its snapshot of today's items is stale (quiz-today.ts).
 */
import { builtinPacks } from '../../knowledge/builtin';
import { mergePacks } from '../../knowledge/loader';
import type { Entry } from '../../knowledge/schema';
import { activePacks, EMPTY_LIBRARY, repairLibrary } from '../pack-library';
import { packLibraryItem } from './storage';

/** The active entries and the library revision they were read at (which keys the quiz's snapshot). */
export async function readQuizPacks(): Promise<{ entries: Entry[]; revision: number }> {
  const raw = await packLibraryItem.getValue();
  const library = raw === null ? EMPTY_LIBRARY : repairLibrary(raw).library;
  return { entries: mergePacks(activePacks(library, builtinPacks().packs)), revision: library.revision };
}

export async function getQuizEntries(): Promise<Entry[]> {
  return (await readQuizPacks()).entries;
}
