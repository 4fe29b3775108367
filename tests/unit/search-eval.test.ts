/**
 * hit@3 on the shared evaluation set (../shared/eval/search-queries.json): a query hits when one of its
 * expected phrases appears (punctuation and spaces ignored, traditional counted as simplified) in the
 * searchable text of one of the first three results. Reported for this engine and for plain Fuse.js.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Entry } from '../../knowledge/schema';
import { plainFuse } from '../../scripts/bench/baseline';
import { buildIndex, search } from '../../utils/search';
import { searchableText } from '../../utils/search/fields';
import { normalizeText } from '../../utils/text/normalize';
import { builtinEntries } from './search-builtin';

const EVAL_FILE = resolve(__dirname, '../../../shared/eval/search-queries.json');

interface EvalQuery {
  q: string;
  mode: string;
  expect: string[];
}

function hitAt3(queries: readonly EvalQuery[], run: (q: string) => Entry[]): { rate: number; misses: string[] } {
  const misses: string[] = [];
  for (const { q, mode, expect: phrases } of queries) {
    const texts = run(q)
      .slice(0, 3)
      .map((e) => normalizeText(searchableText(e)));
    if (!phrases.some((p) => texts.some((t) => t.includes(normalizeText(p))))) misses.push(`${mode}: ${q}`);
  }
  return { rate: (queries.length - misses.length) / queries.length, misses };
}

describe.skipIf(!existsSync(EVAL_FILE))('search: hit@3 on the evaluation queries', () => {
  it('finds an expected entry in the first three results for at least 95% of queries', () => {
    const { queries } = JSON.parse(readFileSync(EVAL_FILE, 'utf8')) as { queries: EvalQuery[] };
    const entries = builtinEntries();
    const index = buildIndex(entries);
    const ours = hitAt3(queries, (q) => search(index, q, { limit: 3 }).map((h) => h.entry));
    const fuse = plainFuse(entries);
    const baseline = hitAt3(queries, (q) => fuse(q, 3));
    console.log(
      `hit@3 over ${queries.length} queries: this engine ${ours.rate.toFixed(3)}, plain Fuse.js ${baseline.rate.toFixed(3)}` +
        (ours.misses.length ? `\n  missed: ${ours.misses.join(' | ')}` : ''),
    );
    expect(ours.rate).toBeGreaterThanOrEqual(0.95);
  });
});

const AGENT_QUERIES = resolve(__dirname, 'search-agent-queries.json');

describe('search: hit@3 on our own agent queries', () => {
  it('answers colloquial, misspelt and pinyin-slip queries in the first three results for at least 90%', () => {
    const { queries } = JSON.parse(readFileSync(AGENT_QUERIES, 'utf8')) as { queries: { q: string; ids: string[] }[] };
    const entries = builtinEntries();
    const index = buildIndex(entries);
    const fuse = plainFuse(entries);
    const rate = (run: (q: string) => Entry[]) =>
      queries.filter(({ q, ids }) => run(q).some((e) => ids.includes(e.id))).length / queries.length;
    const ours = rate((q) => search(index, q, { limit: 3 }).map((h) => h.entry));
    const baseline = rate((q) => fuse(q, 3));
    console.log(
      `hit@3 over ${queries.length} agent queries: this engine ${ours.toFixed(3)}, plain Fuse.js ${baseline.toFixed(3)}`,
    );
    expect(ours).toBeGreaterThanOrEqual(0.9);
  });
});
