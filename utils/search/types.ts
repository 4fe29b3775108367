import type { Entry, EntryKind } from '../../knowledge/schema';

/** Half-open range [start, end) in UTF-16 code units of the ORIGINAL (unnormalized) field text. */
export type Range = readonly [start: number, end: number];

export interface FieldMatch {
  /** Field path in the entry: `title`, `keywords.2`, `phrasings.0`, `steps.1`, `scenario`, `stem`, `options.1.text`… */
  field: string;
  ranges: Range[];
}

export interface SearchHit {
  entry: Entry;
  /** Higher is better; only comparable within one result list. */
  score: number;
  matches: FieldMatch[];
  /** Nothing matched the query as typed; this entry matches a respelling of it or part of its words. */
  partial?: true;
  /**
   * Ranked below the hits holding every term whole: found by the rarer words it shares with a
   * sentence-like term. Its score is scaled to stay below those hits in this list (not across lists).
   */
  loose?: true;
}

export interface SearchOptions {
  limit?: number;
  /** Restrict to these kinds (in addition to any `kind:` filter in the query). */
  kinds?: readonly EntryKind[];
  /** Small per-entry ranking boost, e.g. from usage counts; return 0 for none. Kept small so relevance wins. */
  boost?: (id: string) => number;
}
