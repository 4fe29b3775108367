/**
 * The search index over the active entries: cached per library revision, loaded by the side panel.
 * The library itself is read and written through pack-store.ts.
 */
import { BUILTIN_PACK_FILES } from '../../knowledge/builtin';
import type { Entry } from '../../knowledge/schema';
import type { Corpus } from '../panel/api';
import {
  buildIndex,
  INDEX_FORMAT,
  INDEX_VERSION,
  loadIndex,
  type SearchIndex,
  search,
  searchWithWords,
} from '../search';
import { hashString } from '../text/hash';
import { activeEntriesOf, activeSynonymsOf, readPackLibrary } from './pack-store';
import { packIndexCacheItem, packRevisionItem } from './storage';

/**
 * The index of the active entries is built once per library revision — with pinyin for every text, which
 * needs pinyin-pro — by the options page or the background (utils/browser/index-build.ts) and cached.
 * This file is loaded by the side panel, so it only reads the cache; on a miss it builds an index with the
 * built-in pinyin table (team texts then lack pinyin matching until the cache is rebuilt) and asks nobody.
 */
let builtinKey: string | undefined;
/** Changes when an update ships a different built-in pack. */
function builtinFingerprint(): string {
  if (builtinKey === undefined) {
    const text = JSON.stringify(BUILTIN_PACK_FILES.map((f) => f.data));
    builtinKey = `${text.length}.${hashString(text).toString(36)}`;
  }
  return builtinKey;
}

/** The cache key: index format, built-in pack and library revision. */
export const indexCacheKey = (revision: number) =>
  `${INDEX_FORMAT}@${INDEX_VERSION}:${builtinFingerprint()}:${revision}`;

interface Active {
  revision: number;
  entries: readonly Entry[];
  index: SearchIndex;
  /** Built here without the cache (team texts lack pinyin): replaced as soon as the cache is written. */
  fallback: boolean;
}

let loading: Promise<Active> | undefined;

/** The cached index (JSON text, see packIndexCacheItem); undefined for an older release's cache or damage. */
function parseCachedIndex(data: unknown): SearchIndex | undefined {
  if (typeof data !== 'string') return undefined;
  try {
    return loadIndex(JSON.parse(data));
  } catch {
    return undefined;
  }
}

type CachedIndex = Awaited<ReturnType<typeof packIndexCacheItem.getValue>>;

async function fromCache(revision: number, read: Promise<CachedIndex>): Promise<Active | undefined> {
  const cached = await read;
  const index = cached?.key === indexCacheKey(revision) ? parseCachedIndex(cached.data) : undefined;
  return index && { revision, entries: index.entries, index, fallback: false };
}

/** Entries and index of the current revision: from this page's memory, the storage cache, or built here. */
async function loadActive(): Promise<Active> {
  // A page's first load needs the cache whatever the revision: both reads go out at once.
  const early = loading ? undefined : packIndexCacheItem.getValue();
  early?.catch(() => undefined);
  const revision = await packRevisionItem.getValue();
  const current = loading ? await loading.catch(() => undefined) : undefined;
  if (current?.revision === revision && !current.fallback) return current;
  loading = (async () => {
    const cached = await fromCache(revision, early ?? packIndexCacheItem.getValue());
    if (cached) return cached;
    if (current?.revision === revision) return current;
    const library = await readPackLibrary();
    const entries = activeEntriesOf(library);
    const index = buildIndex(entries, { synonyms: activeSynonymsOf(library) });
    return { revision: library.revision, entries, index, fallback: true };
  })();
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}

/** The search index of the active entries: from the cache when it is current (see index-build.ts). */
export async function getActiveIndex(): Promise<SearchIndex> {
  return (await loadActive()).index;
}

/** The corpus the side panel searches: the active entries with the engine over their index. */
export async function activeCorpus(): Promise<Corpus> {
  const { index } = await loadActive();
  return {
    entries: index.entries,
    search: (query, options) => search(index, query, options),
    searchWithWords: (query, options) => searchWithWords(index, query, options),
  };
}
