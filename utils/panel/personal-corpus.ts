/**
 * The agent's own phrasings beside the team index: a small index of their own, built in the panel in
 * a millisecond or two whenever they change, so a saved phrasing is searchable at once without rebuilding
 * a 10,000-entry team index. Searches run over both and the hits are merged by score (mergeHits).
 */
import type { Phrasing } from '../../knowledge/schema';
import { type PersonalPhrasing, toEntry } from '../personal/phrasings';
import { buildIndex, builtinPinyinSource, type SearchIndex, searchWithWords as searchIn } from '../search';
import { chainSources } from '../search/pinyin-compact';
import { type PinyinTable, tableSource } from '../search/pinyin-table';
import type { SearchHit, SearchOptions, SearchOutcome } from '../search/types';
import type { Corpus } from './api';

export interface PersonalCorpus {
  entries: Phrasing[];
  index: SearchIndex;
  /** Personal phrasings by id (for the form and the 「我的」 mark). */
  records: ReadonlyMap<string, PersonalPhrasing>;
}

/**
 * Indexes the phrasings. Pinyin comes from the table the background computed with pinyin-pro; a text it
 * does not cover yet (just saved) is read with the built-in table, and the index is rebuilt when the
 * background's table arrives.
 */
export function personalCorpus(
  records: readonly PersonalPhrasing[],
  pinyin: PinyinTable,
  timeZone?: string,
): PersonalCorpus {
  const entries = records.map((r) => toEntry(r, timeZone));
  const index = buildIndex(entries, { pinyin: chainSources(tableSource(pinyin), builtinPinyinSource) });
  return { entries, index, records: new Map(records.map((r) => [r.id, r])) };
}

/**
 * Hits of several indexes as one list: hits the query matched as typed first (their scores, field weight
 * times match quality, compare across indexes), then those found by their words only (`asTyped` false),
 * and near matches (`partial`) only when no index has anything better. An id found in two indexes keeps
 * its better hit.
 */
export function mergeHits(lists: readonly SearchHit[][], limit: number): SearchHit[] {
  const tier = (h: SearchHit) => (h.partial ? 2 : h.asTyped ? 0 : 1);
  const all = lists.flat();
  const found = all.some((h) => !h.partial);
  const best = new Map<string, SearchHit>();
  for (const hit of found ? all.filter((h) => !h.partial) : all) {
    const seen = best.get(hit.entry.id);
    if (!seen || tier(hit) < tier(seen) || (tier(hit) === tier(seen) && hit.score > seen.score))
      best.set(hit.entry.id, hit);
  }
  return [...best.values()].sort((a, b) => tier(a) - tier(b) || b.score - a.score).slice(0, limit);
}

/** The team's corpus with the agent's own phrasings: their entries added, both searched, hits merged. */
export function combineCorpus(team: Corpus, personal: PersonalCorpus): Corpus {
  const searchWithWords = (query: string, options: SearchOptions = {}): SearchOutcome => {
    const theirs = team.searchWithWords(query, options);
    const mine = searchIn(personal.index, query, options);
    return {
      hits: mergeHits([theirs.hits, mine.hits], options.limit ?? 20),
      words: [...new Set([...theirs.words, ...mine.words])],
    };
  };
  return {
    entries: [...team.entries, ...personal.entries],
    search: (query, options) => searchWithWords(query, options).hits,
    searchWithWords,
    personal: personal.records,
  };
}
