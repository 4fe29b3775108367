/**
 * The active entries for the quiz, read through pack-store.ts (no search engine: the popup must stay
 * small), with the library revision that keys the quiz's snapshot of today's items. The popup imports
 * this module only when that snapshot is stale (quiz-today.ts).
 */
import type { Entry } from '../../knowledge/schema';
import { activeEntriesOf, readPackLibrary } from './pack-store';

/** The active entries and the library revision they were read at. */
export async function readQuizPacks(): Promise<{ entries: Entry[]; revision: number }> {
  const library = await readPackLibrary();
  return { entries: activeEntriesOf(library), revision: library.revision };
}
