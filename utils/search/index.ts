/**
 * Search over pack entries. PLACEHOLDER ENGINE (substring match over titles, keywords and text) so the
 * panel and quiz can be built against the final API; the Chinese-aware engine replaces it (issue 3).
 */
import type { Entry } from '../../knowledge/schema';
import type { SearchHit, SearchOptions } from './types';

export type { FieldMatch, Range, SearchHit, SearchOptions } from './types';

export interface SearchIndex {
  entries: readonly Entry[];
}

export function buildIndex(entries: readonly Entry[]): SearchIndex {
  return { entries };
}

function fields(entry: Entry): [string, string][] {
  const out: [string, string][] = [['title', entry.title]];
  entry.keywords.forEach((k, i) => out.push([`keywords.${i}`, k]));
  if (entry.kind === 'guideline') {
    out.push(['scenario', entry.scenario]);
    entry.steps.forEach((s, i) => out.push([`steps.${i}`, s]));
    entry.phrasings.forEach((s, i) => out.push([`phrasings.${i}`, s]));
  } else if (entry.kind === 'phrasing') out.push(['text', entry.text]);
  else out.push(['stem', entry.stem]);
  return out;
}

export function search(index: SearchIndex, query: string, options: SearchOptions = {}): SearchHit[] {
  const q = query.trim();
  if (!q) return [];
  const hits: SearchHit[] = [];
  for (const entry of index.entries) {
    if (options.kinds && !options.kinds.includes(entry.kind)) continue;
    const matches = fields(entry)
      .map(([field, text]) => ({ field, at: text.indexOf(q) }))
      .filter((m) => m.at >= 0)
      .map((m) => ({ field: m.field, ranges: [[m.at, m.at + q.length] as const] }));
    if (matches.length) hits.push({ entry, score: matches.length + (options.boost?.(entry.id) ?? 0), matches });
  }
  return hits.sort((a, b) => b.score - a.score).slice(0, options.limit ?? 20);
}
