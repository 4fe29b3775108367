/** Candidates as they are scored, and how result lists of different passes are combined. */
import type { Doc } from './build';
import type { FieldScore } from './score';

/** Entries scored field by field per query: enough to hold the right one after the n-gram stage. */
export const CANDIDATES = 150;

/** Restricts results to entries it accepts (`kind:`, `tag:` and the caller's kinds); undefined: all. */
export type DocFilter = ((doc: Doc) => boolean) | undefined;

export interface Scored {
  d: number;
  score: number;
  /** How each term matched, for highlighting. */
  found: { term: string; fields: FieldScore[] }[];
  /** Bigrams to highlight (passage queries and partly matching terms). */
  grams: string[];
  /** Found only by the no-result fallback: a corrected spelling or part of the words. */
  partial?: boolean;
  /** Ranked below the hits holding the terms whole, by the words it shares with them (appendBelow). */
  loose?: boolean;
}

export function bigramsOf(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < text.length; i++) out.push(text.slice(i, i + 2));
  return out;
}

/** `extra` ranked after every hit of `first` (in its own order), without repeating entries. */
export function appendBelow(first: Scored[], extra: Scored[]): Scored[] {
  const seen = new Set(first.map((s) => s.d));
  const floor = first.reduce((m, s) => Math.min(m, s.score), Number.POSITIVE_INFINITY);
  const rest = extra.filter((s) => !seen.has(s.d)).sort((x, y) => y.score - x.score || x.d - y.d);
  const top = rest[0]?.score ?? 0;
  // Rescaled into (0, floor) so that boosts and sorting keep them below the whole-term hits.
  const scale = Number.isFinite(floor) && top > 0 ? (0.9 * floor) / top : 1;
  return [...first, ...rest.map((s) => ({ ...s, score: s.score * scale, loose: true }))];
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
