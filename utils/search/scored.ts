/** Candidates as they are scored, and how result lists of different passes are combined. */
import type { Doc } from './build';
import type { Term } from './query';
import type { FieldScore } from './score';

/** Entries scored field by field per query: enough to hold the right one after the n-gram stage. */
export const CANDIDATES = 150;

/** Restricts results to entries it accepts (`kind:`, `tag:` and the caller's kinds); undefined: all. */
export type DocFilter = ((doc: Doc) => boolean) | undefined;

export interface Scored {
  d: number;
  score: number;
  /** The terms it matched as typed (or respelled), and whether in the fallback pass (typos, shared n-grams). */
  typed?: { terms: readonly Term[]; fallback: boolean };
  /** Every typed term matched whole, as pinyin or with a typo (not only by a keyword inside it or n-grams). */
  asTyped?: boolean;
  /** How each term matched, for highlighting; filled in for the hits shown. */
  found: { term: string; fields: FieldScore[] }[];
  /** Words and bigrams to highlight (the query's words, partly matching terms). */
  grams: string[];
  /** Only a near match (see `SearchHit.partial`). */
  partial?: boolean;
}

export function bigramsOf(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < text.length; i++) out.push(text.slice(i, i + 2));
  return out;
}

/** Both lists, each entry once with its better score. */
export function merge(a: Scored[], b: Scored[]): Scored[] {
  const best = new Map<number, Scored>();
  for (const s of [...a, ...b]) {
    const seen = best.get(s.d);
    if (!seen || s.score > seen.score) best.set(s.d, s);
  }
  return [...best.values()];
}
