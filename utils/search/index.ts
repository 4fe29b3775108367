/**
 * Chinese-aware search over pack entries, shared by the side panel, the quiz and the `kb` CLI.
 *
 * `buildIndex` normalizes every field once (traditional → simplified, NFKC, case, punctuation) and builds
 * n-gram inverted indexes; `search` looks up the query's n-grams to pick candidates, then scores those field
 * by field (exact, pinyin / initials, fuzzy via Fuse.js) and returns hits with highlight ranges in the
 * original text. Pinyin keys come from a `PinyinSource`: by default the compact table prebuilt from the
 * built-in pack at build time (`npm run gen:search`); imported packs pass `pinyinOf` (./pinyin.ts, pinyin-pro)
 * once at import and cache the index, postings included, with `serializeIndex` / `loadIndex`.
 */
import type { Entry } from '../../knowledge/schema';
import { type SearchIndex as Built, createIndex, type PhaseTimer, restoreIndex } from './build';
import BUILTIN_PINYIN from './builtin-pinyin.generated.json';
import { type PackedPostings, packPostings, unpackPostings } from './packed-postings';
import { chainSources, compactSource } from './pinyin-compact';
import { type PinyinSource, type PinyinTable, tableSource } from './pinyin-table';
import { runSearch } from './run';
import type { SearchHit, SearchOptions, SearchOutcome } from './types';

export type { BuildPhase, PhaseTimer } from './build';
export type { PinyinSource, PinyinTable } from './pinyin-table';
export type { FieldMatch, Range, SearchHit, SearchOptions, SearchOutcome } from './types';

export type SearchIndex = Built;

export interface BuildOptions {
  /**
   * Where pinyin keys come from. Default: the keys prebuilt from the built-in pack, which also read any
   * text made of the characters it knows; pass `pinyinOf` (./pinyin.ts) where pinyin-pro may be loaded.
   */
  pinyin?: PinyinSource;
  /** The pack's own synonym groups (a pack's `synonyms`), added to the built-in concept lexicon. */
  synonyms?: readonly (readonly string[])[];
  /** Wraps each phase of the build (to time it, `npm run bench`). */
  timed?: PhaseTimer;
}

/** Pinyin prebuilt from the built-in pack (`npm run gen:search`): per character, plus context readings. */
export const builtinPinyinSource: PinyinSource = compactSource(BUILTIN_PINYIN);

/**
 * The built-in pack's texts whose pinyin differs from reading character by character (polyphones). For
 * complete keys of any text use `builtinPinyinSource`, or `pinyinOf` where pinyin-pro may be loaded.
 */
export const builtinPinyin: PinyinTable = BUILTIN_PINYIN.words;

export function buildIndex(entries: readonly Entry[], options: BuildOptions = {}): SearchIndex {
  return createIndex(entries, options.pinyin ?? builtinPinyinSource, options.synonyms ?? [], options.timed);
}

export function search(index: SearchIndex, query: string, options: SearchOptions = {}): SearchHit[] {
  return runSearch(index, query, options).hits;
}

/** As `search`, plus the words a sentence or pasted message was searched by (for 「按“投诉、理赔”搜索」). */
export function searchWithWords(index: SearchIndex, query: string, options: SearchOptions = {}): SearchOutcome {
  return runSearch(index, query, options);
}

export const INDEX_FORMAT = 'agent-coach-search-index';
/** 2: postings stored prebuilt (version 1 rebuilt them on every load). 3: the pack's synonyms stored. */
export const INDEX_VERSION = 3;

/**
 * What an index is cached as (JSON-safe): the entries, their pinyin keys and the n-gram postings, so
 * loading needs neither pinyin nor a pass over every field.
 */
export interface SerializedIndex {
  format: typeof INDEX_FORMAT;
  version: typeof INDEX_VERSION;
  entries: readonly Entry[];
  pinyin: PinyinTable;
  /** Every syllable in `pinyin`. */
  syllables: string[];
  grams: PackedPostings;
  pinyinGrams: PackedPostings;
  synonyms: string[][];
}

export function serializeIndex(index: SearchIndex): SerializedIndex {
  return {
    format: INDEX_FORMAT,
    version: INDEX_VERSION,
    entries: index.entries,
    pinyin: index.pinyin,
    syllables: [...index.syllables],
    grams: packPostings(index.grams),
    pinyinGrams: packPostings(index.pinyinGrams),
    synonyms: index.synonyms.map((group) => [...group]),
  };
}

/** Cheap shape check of a cached entry: enough for `entryFields` and the result list not to throw. */
function entryLike(e: unknown): boolean {
  const x = e as Partial<Entry> | null;
  return (
    typeof x === 'object' &&
    x !== null &&
    typeof x.id === 'string' &&
    typeof x.title === 'string' &&
    typeof x.kind === 'string' &&
    Array.isArray(x.tags) &&
    Array.isArray(x.keywords)
  );
}

/**
 * Restores an index from `serializeIndex` output without computing pinyin or n-grams; fields are
 * normalized when a query first reaches an entry. Returns undefined for data of another format or
 * version (e.g. a cache written by an older release) or damaged data: build the index again then.
 */
export function loadIndex(data: unknown): SearchIndex | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const d = data as Partial<SerializedIndex>;
  if (d.format !== INDEX_FORMAT || d.version !== INDEX_VERSION) return undefined;
  if (!Array.isArray(d.entries) || typeof d.pinyin !== 'object' || d.pinyin === null) return undefined;
  if (!Array.isArray(d.syllables) || !d.syllables.every((s) => typeof s === 'string')) return undefined;
  if (!d.grams || !d.pinyinGrams || !d.entries.every(entryLike)) return undefined;
  const synonyms = d.synonyms;
  if (!Array.isArray(synonyms) || !synonyms.every((g) => Array.isArray(g) && g.every((w) => typeof w === 'string')))
    return undefined;
  try {
    const n = d.entries.length;
    const postings = { grams: unpackPostings(d.grams, n), pinyinGrams: unpackPostings(d.pinyinGrams, n) };
    const pinyin = chainSources(tableSource(d.pinyin), builtinPinyinSource);
    return restoreIndex(d.entries, d.pinyin, d.syllables, pinyin, postings, synonyms);
  } catch {
    // Damaged postings: the caller rebuilds from the packs.
    return undefined;
  }
}
