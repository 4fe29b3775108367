/**
 * `npm run bench [-- --json]`: search latency on synthetic packs of 1,000 and 10,000 entries and on the
 * built-in pack, against plain Fuse.js over the same entries in the same run. Per row: entries,
 * p50_ms / p95_ms of this engine, baseline_p50_ms / baseline_p95_ms of plain Fuse.js, index_ms (build
 * with pinyin computed, as at pack import, median of 3; the built-in row uses the prebuilt pinyin table, as
 * the panel does).
 */
import { builtinPacks } from '../knowledge/builtin';
import { mergePacks } from '../knowledge/loader';
import type { Entry } from '../knowledge/schema';
import { buildIndex, search } from '../utils/search';
import { pinyinOf } from '../utils/search/pinyin';
import { plainFuse } from './bench/baseline';
import { percentile } from './bench/percentile';
import { syntheticEntries, typedQueries } from './bench/synthetic';

const QUERIES = 300;
/** Plain Fuse.js takes up to a second per query at 10k entries: it runs on an evenly spread sample. */
const BASELINE_BUDGET_MS = 12_000;
const LIMIT = 20;

interface Row {
  pack: string;
  entries: number;
  queries: number;
  p50_ms: number;
  p95_ms: number;
  baseline_queries: number;
  baseline_p50_ms: number;
  baseline_p95_ms: number;
  index_ms: number;
  speedup_p95: number;
}

function time(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

const round = (n: number) => Math.round(n * 1000) / 1000;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

function measure(
  pack: string,
  entries: Entry[],
  queries: string[],
  indexMs: number,
  index: ReturnType<typeof buildIndex>,
): Row {
  // Warm-up (one pass over the queries): JIT and reusable buffers, so the figures describe steady typing.
  for (const q of queries) search(index, q, { limit: LIMIT });
  const ours = queries.map((q) => time(() => search(index, q, { limit: LIMIT }))).sort((a, b) => a - b);
  const baseline = plainFuse(entries);
  const first = time(() => baseline(queries[0] as string, LIMIT));
  const sampleSize = Math.max(10, Math.min(queries.length, Math.floor(BASELINE_BUDGET_MS / Math.max(first, 0.01))));
  const step = queries.length / sampleSize;
  const sample = Array.from({ length: sampleSize }, (_, i) => queries[Math.floor(i * step)] as string);
  const theirs = sample.map((q) => time(() => baseline(q, LIMIT))).sort((a, b) => a - b);
  const p95 = percentile(ours, 95);
  const baseP95 = percentile(theirs, 95);
  return {
    pack,
    entries: entries.length,
    queries: queries.length,
    p50_ms: round(percentile(ours, 50)),
    p95_ms: round(p95),
    baseline_queries: sample.length,
    baseline_p50_ms: round(percentile(theirs, 50)),
    baseline_p95_ms: round(baseP95),
    index_ms: round(indexMs),
    speedup_p95: Math.round(baseP95 / p95),
  };
}

function builtinEntries(): Entry[] {
  const { packs, problems } = builtinPacks();
  if (problems.length) throw new Error(`the built-in pack is invalid:\n${problems.join('\n')}`);
  return mergePacks(packs);
}

function main(args: string[]): void {
  const json = args.includes('--json');
  const builtin = builtinEntries();
  const rows: Row[] = [];
  for (const size of [1000, 10000]) {
    const entries = syntheticEntries(builtin, size, size);
    const queries = typedQueries(entries, QUERIES, size + 1).map((q) => q.q);
    let index!: ReturnType<typeof buildIndex>;
    // Median of three builds: one build on a shared machine can catch another process's burst.
    const builds = [0, 1, 2].map(() =>
      time(() => {
        index = buildIndex(entries, { pinyin: pinyinOf });
      }),
    );
    rows.push(measure(`synthetic-${size}`, entries, queries, median(builds), index));
    if (!json) process.stderr.write(`measured ${size} entries\n`);
  }
  const queries = typedQueries(builtin, QUERIES, 99).map((q) => q.q);
  let index!: ReturnType<typeof buildIndex>;
  const builds = [0, 1, 2].map(() =>
    time(() => {
      index = buildIndex(builtin);
    }),
  );
  rows.push(measure('built-in', builtin, queries, median(builds), index));
  if (json) {
    process.stdout.write(`${JSON.stringify({ results: rows }, null, 2)}\n`);
    return;
  }
  const cols = Object.keys(rows[0] as Row) as (keyof Row)[];
  const widths = cols.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c]).length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i] as number)).join('  ');
  process.stdout.write(`${line(cols)}\n${rows.map((r) => line(cols.map((c) => String(r[c])))).join('\n')}\n`);
}

main(process.argv.slice(2));
