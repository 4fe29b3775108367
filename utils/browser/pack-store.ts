/**
 * The installed packs (the library) as stored: read and repaired, damage set aside, written whole; and the
 * entries they make active. No search code here: the quiz popup and the background read packs through it.
 */
import { storage } from 'wxt/utils/storage';
import { builtinPacks as validatedBuiltinPacks } from '../../knowledge/builtin';
import { mergePacks, mergeSynonyms } from '../../knowledge/loader';
import type { Entry, Pack } from '../../knowledge/schema';
import { activePacks, type CorruptPack, EMPTY_LIBRARY, type PackLibrary, repairLibrary } from '../packs/library';
import { packLibraryCorruptItem, packLibraryItem, packRevisionItem, withItemLock } from './storage';

let reported = false;

/** The valid built-in packs; problems are logged (once), as tests and `kb validate` keep them away. */
export function builtinPacks(): Pack[] {
  const { packs, problems } = validatedBuiltinPacks();
  if (problems.length && !reported) {
    reported = true;
    console.error('built-in pack is invalid', problems);
  }
  return packs;
}

/**
 * The stored library, repaired. Packs that fail validation are appended to `packLibraryCorruptItem`
 * (verbatim, with reasons) before the repaired library is written back: reported, never dropped.
 */
export async function readPackLibrary(now = Date.now()): Promise<PackLibrary> {
  // Validating 10,000 entries takes a few hundred ms: a page re-validates only when the revision moved.
  const revision = await packRevisionItem.getValue();
  if (known?.revision === revision) return known;
  const raw = await packLibraryItem.getValue();
  if (raw === null) return { ...EMPTY_LIBRARY };
  const { library, corrupt } = repairLibrary(raw, now);
  if (!corrupt.length && library.revision === revision) known = library;
  return corrupt.length ? setDamageAside(now) : library;
}

/**
 * Every write of the library runs under this lock, shared by every page and the background: a write
 * checks the revision it expects and stores the next one in one step, so an Apply in one tab and a policy
 * sync (or a second tab) can never both be told "ok" while one of them is lost.
 */
const withLibraryLock = <R>(task: () => Promise<R>) => withItemLock(packLibraryItem.key, task);

/**
 * A revision no earlier library had: past the stored one and past the clock, so a library written after
 * storage was cleared (revision 0 again) never meets an index cached for an older one.
 */
export function nextRevision(current: number, now: number = Date.now()): number {
  return Math.max(current + 1, now);
}

/**
 * Moves damaged packs to `packLibraryCorruptItem` and writes the repaired library, under the library lock:
 * two open pages finding the same damage must not both write (each write of a large library is broadcast
 * to every listener). Reads again under the lock, as another page may have done it meanwhile.
 */
async function setDamageAside(now: number): Promise<PackLibrary> {
  return withLibraryLock(async () => {
    const revision = await packRevisionItem.getValue();
    const raw = await packLibraryItem.getValue();
    if (raw === null) return { ...EMPTY_LIBRARY };
    const { library, corrupt } = repairLibrary(raw, now);
    if (!corrupt.length) return library;
    const kept = await packLibraryCorruptItem.getValue();
    await packLibraryCorruptItem.setValue([...kept, ...corrupt]);
    // A new revision, so every page and the index cache notice the change.
    const repaired = { ...library, revision: nextRevision(Math.max(library.revision, revision), now) };
    await saveLibrary(repaired);
    return repaired;
  });
}

export async function readCorruptPacks(): Promise<CorruptPack[]> {
  return packLibraryCorruptItem.getValue();
}

export function watchCorruptPacks(onChange: () => void): () => void {
  return packLibraryCorruptItem.watch(() => onChange());
}

export async function discardCorruptPacks(): Promise<void> {
  await packLibraryCorruptItem.setValue([]);
}

/** The library this page last read or wrote, already validated. */
let known: PackLibrary | undefined;

async function saveLibrary(library: PackLibrary): Promise<void> {
  known = undefined;
  // One storage.local.set call for both keys: the revision hint never disagrees with a half-written library.
  await storage.setItems([
    { key: packLibraryItem.key, value: library },
    { key: packRevisionItem.key, value: library.revision },
  ]);
  known = library;
}

export type WriteResult = { ok: true; library: PackLibrary } | { ok: false; message: string };

/**
 * Replaces the library if nobody changed it since `expectedRevision` was read (another options tab, a
 * policy sync), giving it a new unique revision; returns the library as written. Callers then refresh the
 * index cache (index-build.ts) with it, so the panel opens without indexing.
 */
export function writePackLibrary(
  next: PackLibrary,
  expectedRevision: number,
  now: number = Date.now(),
): Promise<WriteResult> {
  return withLibraryLock(async (): Promise<WriteResult> => {
    const current = await packRevisionItem.getValue();
    if (current !== expectedRevision) {
      return {
        ok: false,
        message: 'the packs were changed elsewhere (another tab or an administrator sync); try again',
      };
    }
    const library = { ...next, revision: nextRevision(current, now) };
    await saveLibrary(library);
    return { ok: true, library };
  });
}

/** The built-in pack (if enabled) and the enabled team packs, merged by id. */
export function activeEntriesOf(library: PackLibrary): Entry[] {
  return mergePacks(activePacks(library, builtinPacks()));
}

/** The synonym groups of the enabled packs (for the search index). */
export function activeSynonymsOf(library: PackLibrary): string[][] {
  return mergeSynonyms(activePacks(library, builtinPacks()));
}

/** Calls `onChange` when the installed packs change; for the options page, which needs no index. */
export function watchPackLibrary(onChange: () => void): () => void {
  return packRevisionItem.watch(() => onChange());
}
