/**
 * Builds and caches the search index of the active entries, with pinyin for team texts (pinyin-pro).
 * Only the options page and the background import this: the side panel bundle stays small and just
 * loads the cached index (utils/browser/index-cache.ts).
 */
import type { PackLibrary } from '../packs/library';
import { buildIndex, builtinPinyin, serializeIndex } from '../search';
import { pinyinOf } from '../search/pinyin';
import { tableSource } from '../search/pinyin-table';
import { indexCacheKey } from './index-cache';
import { activeEntriesOf, activeSynonymsOf, readPackLibrary } from './pack-store';
import { packIndexCacheItem, packRevisionItem } from './storage';

/** Built-in texts come from the prebuilt table; only texts it lacks go through pinyin-pro. */
function pinyinSource(texts: readonly string[]) {
  const known = tableSource(builtinPinyin)(texts);
  return { ...pinyinOf(texts.filter((t) => !Object.hasOwn(known, t))), ...known };
}

/**
 * One index build at a time across the options page and the background: the page builds right after an
 * apply, and the background, woken by the same revision change, then finds the cache current instead of
 * building the same index again.
 */
const INDEX_LOCK = 'agent-coach:index-cache';

async function build(library: PackLibrary): Promise<void> {
  const index = buildIndex(activeEntriesOf(library), { pinyin: pinyinSource, synonyms: activeSynonymsOf(library) });
  // As JSON text: chrome.storage hands a page one big string ~3× faster than the same data as objects
  // (measured in Chromium: 3.5 MB as objects ≈ 260 ms, as one string ≈ 75 ms).
  const data = JSON.stringify(serializeIndex(index));
  await packIndexCacheItem.setValue({ key: indexCacheKey(library.revision), data });
}

export async function rebuildIndexCache(library: PackLibrary): Promise<void> {
  await navigator.locks.request(INDEX_LOCK, async () => {
    // Whoever took the lock first (this page or the background, both woken by the change) built it already.
    const cached = await packIndexCacheItem.getValue();
    if (cached?.key !== indexCacheKey(library.revision)) await build(library);
  });
}

/** Rebuilds the cache when it is missing or stale (an update changed the built-in pack, damage was set aside). */
export async function ensureIndexCache(): Promise<void> {
  await navigator.locks.request(INDEX_LOCK, async () => {
    const [revision, cached] = await Promise.all([packRevisionItem.getValue(), packIndexCacheItem.getValue()]);
    if (cached?.key === indexCacheKey(revision)) return;
    await build(await readPackLibrary());
  });
}
