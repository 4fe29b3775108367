/**
 * `kb search "<query>" [--pack FILE] [--limit N] [--json]` and `kb search --queries FILE` (one query per
 * line): the engine the side panel uses, over the built-in pack or a pack file (with its synonyms).
 * `--json` prints, per result, id, kind, title, score, partial (only a near match) and all searchable
 * text (`text`), so results can be checked by script; with --queries, also the words each query was
 * searched by.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Entry } from '../../knowledge/schema';
import { buildIndex, type SearchHit, searchWithWords } from '../../utils/search';
import { searchableText } from '../../utils/search/fields';
import { pinyinOf } from '../../utils/search/pinyin';
import type { KbIo } from './io';
import { entriesOf, loadPacks, parseArgs, synonymsOf } from './load';

const USAGE =
  'usage: kb search "<query>" [--pack FILE] [--limit N] [--json]\n       kb search --queries FILE [--pack FILE] [--limit N] [--json]';

interface JsonResult {
  id: string;
  kind: Entry['kind'];
  title: string;
  /** Higher is better; comparable within one query's results. */
  score: number;
  /** Only a near match: nothing in the pack really matches the query. */
  partial: boolean;
  text: string;
}

function toJson(hit: SearchHit): JsonResult {
  const { entry } = hit;
  return {
    id: entry.id,
    kind: entry.kind,
    title: entry.title,
    score: Math.round(hit.score * 1000) / 1000,
    partial: hit.partial,
    text: searchableText(entry),
  };
}

/** One line per hit: rank, score, near (`~`), kind, id, title, and the fields that matched. */
function table(query: string, hits: SearchHit[], words: string[]): string {
  const partial = hits.length > 0 && hits.every((hit) => hit.partial) ? ', nothing matches: nearest' : '';
  const by = words.length ? `, by ${words.join('、')}` : '';
  const lines = [`# ${query}  (${hits.length} result${hits.length === 1 ? '' : 's'}${partial}${by})`];
  hits.forEach((hit, i) => {
    const fields = hit.matches.map((m) => m.field).join(', ');
    lines.push(
      `${String(i + 1).padStart(3)}  ${hit.score.toFixed(3).padStart(6)} ${hit.partial ? '~' : ' '} ${hit.entry.kind.padEnd(9)}  ${hit.entry.id.padEnd(28)}  ${hit.entry.title}${fields ? `  [${fields}]` : ''}`,
    );
  });
  return lines.join('\n');
}

function usage(io: KbIo, message: string): number {
  io.err(`kb search: ${message}\n${USAGE}\n`);
  return 2;
}

export async function runSearch(args: string[], io: KbIo): Promise<number> {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs(args, ['pack', 'limit', 'queries']);
  } catch (error) {
    return usage(io, (error as Error).message);
  }
  const { positional, flags } = parsed;
  const json = flags.has('json');
  const limitFlag = flags.get('limit');
  const limit = limitFlag === undefined ? 10 : Number(limitFlag);
  if (!Number.isInteger(limit) || limit < 1)
    return usage(io, `--limit must be a whole number of 1 or more, got "${limitFlag}"`);
  const queriesFile = flags.get('queries');
  let queries: string[];
  if (typeof queriesFile === 'string') {
    if (positional.length) return usage(io, 'give either a query or --queries FILE, not both');
    try {
      queries = readFileSync(resolve(io.cwd, queriesFile), 'utf8')
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter(Boolean);
    } catch (error) {
      io.err(`kb search: cannot read --queries file ${queriesFile}: ${(error as Error).message}\n`);
      return 1;
    }
  } else {
    if (positional.length !== 1) return usage(io, 'give one query (quote it if it has spaces)');
    queries = positional;
  }
  const pack = flags.get('pack');
  const loaded = loadPacks(typeof pack === 'string' ? pack : undefined, io.cwd);
  if (loaded.problems.length > 0) {
    for (const line of loaded.problems) io.err(`${line}\n`);
    return 1;
  }
  // Pinyin computed here (Node): a pack file has no prebuilt table.
  const index = buildIndex(entriesOf(loaded), { pinyin: pinyinOf, synonyms: synonymsOf(loaded) });
  const results = queries.map((query) => ({ query, ...searchWithWords(index, query, { limit }) }));
  if (json) {
    const out =
      typeof queriesFile === 'string'
        ? results.map((r) => ({ query: r.query, words: r.words, results: r.hits.map(toJson) }))
        : results[0]?.hits.map(toJson);
    io.out(`${JSON.stringify(out, null, 2)}\n`);
  } else io.out(`${results.map((r) => table(r.query, r.hits, r.words)).join('\n\n')}\n`);
  return 0;
}
