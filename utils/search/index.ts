/**
 * Chinese-aware search over pack entries, shared by the side panel, the quiz and the `kb` CLI.
 *
 * `buildIndex` normalizes every field once (traditional → simplified, NFKC, case, punctuation) and builds
 * n-gram inverted indexes; `search` looks up the query's n-grams to pick candidates, then scores those field
 * by field (exact, pinyin / initials, fuzzy via Fuse.js) and returns hits with highlight ranges in the
 * original text. Pinyin keys come from a `PinyinSource`: by default the compact table prebuilt from the
 * built-in pack at build time (`npm run gen:search`); imported packs pass `pinyinOf` (./pinyin.ts, pinyin-pro)
 * once at import and cache the index with `serializeIndex` / `loadIndex`.
 */
import type { Entry } from '../../knowledge/schema';
import { type SearchIndex as Built, createIndex } from './build';
import BUILTIN_PINYIN from './builtin-pinyin.generated.json';
import { chainSources, compactSource } from './pinyin-compact';
import { type PinyinSource, type PinyinTable, tableSource } from './pinyin-table';
import { runSearch } from './run';
import type { SearchHit, SearchOptions } from './types';

export type { PinyinSource, PinyinTable } from './pinyin-table';
export type { FieldMatch, Range, SearchHit, SearchOptions } from './types';

export type SearchIndex = Built;

export interface BuildOptions {
  /**
   * Where pinyin keys come from. Default: the keys prebuilt from the built-in pack, which also read any
   * text made of the characters it knows; pass `pinyinOf` (./pinyin.ts) where pinyin-pro may be loaded.
   */
  pinyin?: PinyinSource;
}

/** Pinyin prebuilt from the built-in pack (`npm run gen:search`): per character, plus context readings. */
export const builtinPinyinSource: PinyinSource = compactSource(BUILTIN_PINYIN);

/**
 * The built-in pack's texts whose pinyin differs from reading character by character (polyphones). For
 * complete keys of any text use `builtinPinyinSource`, or `pinyinOf` where pinyin-pro may be loaded.
 */
export const builtinPinyin: PinyinTable = BUILTIN_PINYIN.words;

export function buildIndex(entries: readonly Entry[], options: BuildOptions = {}): SearchIndex {
  return createIndex(entries, options.pinyin ?? builtinPinyinSource);
}

export function search(index: SearchIndex, query: string, options: SearchOptions = {}): SearchHit[] {
  return runSearch(index, query, options);
}

export const INDEX_FORMAT = 'agent-coach-search-index';
export const INDEX_VERSION = 1;

/** What an index is cached as (JSON-safe): the entries and their pinyin keys; n-grams are rebuilt on load. */
export interface SerializedIndex {
  format: typeof INDEX_FORMAT;
  version: typeof INDEX_VERSION;
  entries: readonly Entry[];
  pinyin: PinyinTable;
}

export function serializeIndex(index: SearchIndex): SerializedIndex {
  return { format: INDEX_FORMAT, version: INDEX_VERSION, entries: index.entries, pinyin: index.pinyin };
}

/**
 * Rebuilds an index from `serializeIndex` output without computing pinyin. Returns undefined for data
 * of another format or version (e.g. a cache written by an older release) or damaged data: build the
 * index again then.
 */
export function loadIndex(data: unknown): SearchIndex | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const d = data as Partial<SerializedIndex>;
  if (d.format !== INDEX_FORMAT || d.version !== INDEX_VERSION) return undefined;
  if (!Array.isArray(d.entries) || typeof d.pinyin !== 'object' || d.pinyin === null) return undefined;
  try {
    return createIndex(d.entries, chainSources(tableSource(d.pinyin), builtinPinyinSource));
  } catch {
    // Damaged cached entries: the caller rebuilds from the packs.
    return undefined;
  }
}
