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
  /**
   * Only a near match: the query as typed does not match this entry and its words cover too little of
   * the query (or only a respelling of it matches). When every hit is partial, nothing really matches.
   */
  partial: boolean;
  /**
   * The query as typed matched it: every term whole, as pinyin or initials, or with one typo (not only its
   * words). Scores of such hits compare across indexes (field weight times match quality); word scores
   * depend on the index's word counts, so lists of several indexes rank these first (mergeHits).
   */
  asTyped: boolean;
}

/** Hits, and the words a sentence or pasted message was reduced to (empty when searched as typed). */
export interface SearchOutcome {
  hits: SearchHit[];
  /** The query's words that found something, e.g. ['投诉', '理赔'] for a customer's message. */
  words: string[];
}

export interface SearchOptions {
  limit?: number;
  /** Restrict to these kinds (in addition to any `kind:` filter in the query). */
  kinds?: readonly EntryKind[];
  /** Small per-entry ranking boost, e.g. from usage counts; return 0 for none. Kept small so relevance wins. */
  boost?: (id: string) => number;
}
