/**
 * The entries the agent searches and is quizzed on: the built-in pack plus enabled team packs, and
 * the cached search index over them. All reads repair the stored library; writes replace it whole.
 */
import { storage } from '#imports';
import { BUILTIN_PACK_FILES, builtinPacks as validatedBuiltinPacks } from '../../knowledge/builtin';
import { mergePacks } from '../../knowledge/loader';
import type { Entry, Pack } from '../../knowledge/schema';
import { hashString } from '../hash';
import { activePacks, type CorruptPack, EMPTY_LIBRARY, type PackLibrary, repairLibrary } from '../pack-library';
import { buildIndex, INDEX_FORMAT, INDEX_VERSION, loadIndex, type SearchIndex } from '../search';
import { packIndexCacheItem, packLibraryCorruptItem, packLibraryItem, packRevisionItem } from './storage';

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

const REPAIR_LOCK = 'agent-coach:pack-library-repair';

/**
 * Moves damaged packs to `packLibraryCorruptItem` and writes the repaired library, under a lock shared by
 * every page and the background: two open pages finding the same damage must not both write (each write
 * of a large library is broadcast to every listener). Reads again under the lock, as another page may
 * have done it meanwhile.
 */
async function setDamageAside(now: number): Promise<PackLibrary> {
  return await navigator.locks.request(REPAIR_LOCK, async (): Promise<PackLibrary> => {
    const revision = await packRevisionItem.getValue();
    const raw = await packLibraryItem.getValue();
    if (raw === null) return { ...EMPTY_LIBRARY };
    const { library, corrupt } = repairLibrary(raw, now);
    if (!corrupt.length) return library;
    const kept = await packLibraryCorruptItem.getValue();
    await packLibraryCorruptItem.setValue([...kept, ...corrupt]);
    // A new revision past both copies, so every page and the index cache notice the change.
    const repaired = { ...library, revision: Math.max(library.revision, revision) + 1 };
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
    { item: packRevisionItem, value: library.revision },
  ]);
  known = library;
}

export type WriteResult = { ok: true } | { ok: false; message: string };

/**
 * Replaces the library if nobody changed it since `expectedRevision` was read (another options tab, a
 * policy sync). Callers then refresh the index cache (packs-index.ts) so the panel opens without indexing.
 */
export async function writePackLibrary(next: PackLibrary, expectedRevision: number): Promise<WriteResult> {
  const current = await packRevisionItem.getValue();
  if (current !== expectedRevision) {
    return { ok: false, message: 'the packs were changed elsewhere (another tab or an administrator sync); try again' };
  }
  await saveLibrary(next);
  return { ok: true };
}

// ── active entries and the index cache ──────────────────────────────────────────────────────────
/**
 * The index of the active entries is built once per library revision — with pinyin for every text, which
 * needs pinyin-pro — by the options page or the background (utils/browser/packs-index.ts) and cached.
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

export function activeEntriesOf(library: PackLibrary): Entry[] {
  return mergePacks(activePacks(library, builtinPacks()));
}

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
    return { revision: library.revision, entries, index: buildIndex(entries), fallback: true };
  })();
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}

export async function getActiveEntries(): Promise<Entry[]> {
  return [...(await loadActive()).entries];
}

/** The search index of the active entries: from the cache when it is current (see packs-index.ts). */
export async function getActiveIndex(): Promise<SearchIndex> {
  return (await loadActive()).index;
}

/** How long to wait for the writer's fresh index before indexing here (see watchActivePacks). */
const CACHE_GRACE_MS = 5_000;

/**
 * Calls `onChange` when the active packs change (import, toggle, reset, policy sync) in any extension
 * page. Every writer caches the new index right after the library, so this fires when that index lands;
 * if it does not land within a few seconds (a writer died), it fires anyway and the page indexes itself.
 */
export function watchActivePacks(onChange: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const fire = () => {
    clearTimeout(timer);
    timer = undefined;
    onChange();
  };
  const unwatch = [
    packRevisionItem.watch(() => {
      clearTimeout(timer);
      timer = setTimeout(fire, CACHE_GRACE_MS);
    }),
    packIndexCacheItem.watch(fire),
  ];
  return () => {
    clearTimeout(timer);
    for (const u of unwatch) u();
  };
}

/** Calls `onChange` when the installed packs change; for the options page, which needs no index. */
export function watchPackLibrary(onChange: () => void): () => void {
  return packRevisionItem.watch(() => onChange());
}
