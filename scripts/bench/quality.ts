/**
 * Search quality on labelled query sets (our dev set, the older agent queries, the shared eval): hit@3
 * and MRR per mode for this engine and for plain Fuse.js over the same entries, and for queries that
 * nothing in the pack answers, how many show a result not marked partial. Used by the eval test and
 * `npm run bench`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Entry } from '../../knowledge/schema';
import type { SearchHit } from '../../utils/search';
import { searchableText } from '../../utils/search/fields';
import { normalizeText } from '../../utils/text/normalize';

const ROOT = resolve(import.meta.dirname, '../..');

function labelled(file: string): LabelledQuery[] {
  return (JSON.parse(readFileSync(resolve(ROOT, file), 'utf8')) as { queries: LabelledQuery[] }).queries;
}

/** Our own labelled queries (tests/unit/search-dev-set.json), which the engine and lexicon were tuned on. */
export function devSet(): LabelledQuery[] {
  return labelled('tests/unit/search-dev-set.json');
}

/** Queries written after tuning and not tuned on (tests/unit/search-heldout-set.json). */
export function heldOutSet(): LabelledQuery[] {
  return labelled('tests/unit/search-heldout-set.json');
}

export interface SharedEvalQuery {
  q: string;
  mode: string;
  /** Phrases of the source documents the right entry contains. */
  expect: string[];
}

/**
 * The shared evaluation file, `shared/eval/search-queries.json` next to the repository (or next to the
 * folder holding this worktree), or undefined where it is not there.
 */
export function sharedEvalFile(env: NodeJS.ProcessEnv = process.env): string | undefined {
  // COACH_SHARED_DIR names the folder holding eval/ (and seeds/) when the checkout is elsewhere.
  if (env.COACH_SHARED_DIR) {
    const file = resolve(env.COACH_SHARED_DIR, 'eval/search-queries.json');
    return existsSync(file) ? file : undefined;
  }
  // Otherwise a `shared/` folder next to the checkout or next to any folder above it (worktrees, clones in /tmp).
  for (let dir = dirname(ROOT); ; dir = dirname(dir)) {
    const file = resolve(dir, 'shared/eval/search-queries.json');
    if (existsSync(file)) return file;
    if (dirname(dir) === dir) return undefined;
  }
}

/** Shared-eval hits: a query hits when an expected phrase is in one of the first three results. */
export function sharedHitAt3(
  queries: readonly SharedEvalQuery[],
  run: (q: string) => Entry[],
): { rate: number; misses: string[] } {
  const misses: string[] = [];
  for (const { q, mode, expect } of queries) {
    const texts = run(q)
      .slice(0, 3)
      .map((e) => normalizeText(searchableText(e)));
    if (!expect.some((p) => texts.some((t) => t.includes(normalizeText(p))))) misses.push(`${mode}: ${q}`);
  }
  return { rate: (queries.length - misses.length) / queries.length, misses };
}

export interface LabelledQuery {
  q: string;
  mode: string;
  /** Entries that answer the query; empty: nothing in the pack does. */
  ids: string[];
}

export interface ModeQuality {
  mode: string;
  queries: number;
  hit3: number;
  mrr: number;
  baseline_hit3: number;
  baseline_mrr: number;
}

export interface Quality {
  modes: ModeQuality[];
  misses: string[];
  /** Queries with nothing relevant: how many, and which showed a hit not marked partial. */
  none: { queries: number; answered: string[] };
}

function rankOf(ids: readonly string[], results: readonly Entry[]): number {
  const at = results.findIndex((e) => ids.includes(e.id));
  return at < 0 ? 0 : 1 / (at + 1);
}

export function quality(
  queries: readonly LabelledQuery[],
  ours: (q: string) => SearchHit[],
  baseline: (q: string) => Entry[],
): Quality {
  const byMode = new Map<string, { n: number; hit: number; rr: number; bHit: number; bRr: number }>();
  const misses: string[] = [];
  const answered: string[] = [];
  let none = 0;
  for (const { q, mode, ids } of queries) {
    const hits = ours(q);
    if (ids.length === 0) {
      none++;
      if (hits.some((h) => !h.partial)) answered.push(q);
      continue;
    }
    const m = byMode.get(mode) ?? { n: 0, hit: 0, rr: 0, bHit: 0, bRr: 0 };
    const rr = rankOf(
      ids,
      hits.map((h) => h.entry),
    );
    const bRr = rankOf(ids, baseline(q).slice(0, 10));
    m.n++;
    m.rr += rr;
    m.bRr += bRr;
    if (rr >= 1 / 3) m.hit++;
    else misses.push(`${mode}: ${q}`);
    if (bRr >= 1 / 3) m.bHit++;
    byMode.set(mode, m);
  }
  const r = (x: number) => Math.round(x * 1000) / 1000;
  return {
    modes: [...byMode].map(([mode, m]) => ({
      mode,
      queries: m.n,
      hit3: r(m.hit / m.n),
      mrr: r(m.rr / m.n),
      baseline_hit3: r(m.bHit / m.n),
      baseline_mrr: r(m.bRr / m.n),
    })),
    misses,
    none: { queries: none, answered },
  };
}
