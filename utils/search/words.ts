/**
 * Word-level ranking (BM25F-style) of a query's concepts (./analyze.ts). Each concept scores an entry by
 * its rarity in the pack (BM25 idf of the entries holding its own words or synonyms) times its
 * best-matching word's query weight (1 for the query's own word, lower for lexicon synonyms, broader and
 * related words) times a saturating sum of the weights of the field groups holding that word (title >
 * keywords > phrasings > body). Concepts add up, so an entry answering two of the message's ideas beats
 * one answering one, and a decisive but common word (投诉) still counts when it is the only one.
 *
 * Words are found through the n-gram postings of the index (a word of 3+ characters is in a field group
 * when all of its bigrams are), so no word index is built or stored.
 *
 * Confidence: the share of the query's concepts an entry covers, each credited by how it matched
 * (directly or through the lexicon; in a title or keyword, or only in the body); words the lexicon does
 * not know count half. A long message is judged on its few best-covered concepts' worth, so its small
 * talk does not make every answer look partial. Rarity is left out on purpose: a concept the pack has
 * nothing for must weigh as much as one it has plenty of, or a question off the pack's topics would
 * look answered by whatever common word it shares.
 */
import { BROADER, type Concept } from './analyze';
import { type Doc, gramKey, type SearchIndex } from './build';
import { topDocs } from './candidates';
import { GROUP_WEIGHT } from './fields';
import type { DocFilter, Scored } from './scored';

/** BM25 term-frequency saturation. */
const K1 = 1.2;
/** Below this confidence a hit is only a near match (`partial`). */
export const CONFIDENT = 0.45;
/**
 * How much a word the lexicon does not know weighs in the judgement, relative to a service concept (1):
 * a customer's small talk (下载, 礼拜) or a name is less likely the topic, but it may well be the point
 * (停车位, 头像) — a question the pack has nothing for must not look answered by its other words.
 */
const UNKNOWN_WORD = 0.75;
/** A merely related word (退保 for 退保损失) ranks an entry, but covers the concept only half as much. */
const RELATED_CREDIT = 0.5;
/** A long query is judged on at most this many concepts' worth of weight. */
const JUDGED_CONCEPTS = 3;
/** Entries reached by a concept's own words (and synonyms) beyond which broader and related words are not looked up. */
const ENOUGH_DIRECT = 60;
/** Words whose postings are cached per index (a keystroke repeats most of the previous one's lookups). */
const CACHE_WORDS = 4000;

/** Saturated field weight of each group mask: BM25F's tf with one occurrence per field group. */
const SATURATED = Array.from({ length: 16 }, (_, mask) => {
  let w = 0;
  for (let g = 0; g < 4; g++) if (mask & (1 << g)) w += GROUP_WEIGHT[g] as number;
  return (w * (K1 + 1)) / (K1 + w);
});
const SATURATED_MAX = SATURATED[15] as number;
/** How convincing a match is by where it is: a title or keyword says what the entry is about, the body may mention it. */
const CREDIT = Array.from({ length: 16 }, (_, mask) => (mask & 3 ? 1 : mask & 4 ? 0.8 : mask & 8 ? 0.6 : 0));

const EMPTY = new Int32Array(0);
const caches = new WeakMap<SearchIndex, Map<string, Int32Array>>();

/** First index ≥ `from` in ascending `list` whose document is ≥ `doc` (galloping, then bisection). */
function seek(list: Int32Array, from: number, doc: number): number {
  let lo = from;
  let step = 1;
  let hi = from;
  while (hi < list.length && (list[hi] as number) >> 4 < doc) {
    lo = hi + 1;
    hi += step;
    step *= 2;
  }
  hi = Math.min(hi, list.length);
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] as number) >> 4 < doc) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Postings of a word (document × 16 + field groups holding it), from the n-gram postings: one character
 * (titles, keywords and phrasings only), a bigram, or the intersection of a longer word's bigrams.
 */
export function wordPostings(index: SearchIndex, text: string): Int32Array {
  let cache = caches.get(index);
  if (!cache) {
    cache = new Map();
    caches.set(index, cache);
  }
  const hit = cache.get(text);
  if (hit) return hit;
  let out: Int32Array;
  if (text.length === 1) out = index.grams.get(gramKey(text, 0, 1)) ?? EMPTY;
  else if (text.length === 2) out = index.grams.get(gramKey(text, 0, 2)) ?? EMPTY;
  else {
    const lists: Int32Array[] = [];
    const keys = new Set<number>();
    for (let i = 0; i + 1 < text.length; i++) keys.add(gramKey(text, i, 2));
    for (const k of keys) lists.push(index.grams.get(k) ?? EMPTY);
    lists.sort((a, b) => a.length - b.length);
    const [first, ...rest] = lists as [Int32Array, ...Int32Array[]];
    const at = new Array<number>(rest.length).fill(0);
    const found: number[] = [];
    for (let k = 0; k < first.length; k++) {
      const p = first[k] as number;
      const doc = p >> 4;
      let mask = p & 15;
      for (let r = 0; r < rest.length && mask; r++) {
        const list = rest[r] as Int32Array;
        const i = seek(list, at[r] as number, doc);
        at[r] = i;
        mask = i < list.length && (list[i] as number) >> 4 === doc ? mask & (list[i] as number) : 0;
      }
      if (mask) found.push(doc * 16 + mask);
    }
    out = found.length ? Int32Array.from(found) : EMPTY;
  }
  if (cache.size >= CACHE_WORDS) cache.clear();
  cache.set(text, out);
  return out;
}

/** BM25's idf: rarer words count more; never negative. */
export function idf(docs: number, df: number): number {
  return Math.log(1 + (docs - df + 0.5) / (df + 0.5));
}

export interface WordScored extends Scored {
  /** Share of the query's concepts the entry covers (0–1), see the module comment. */
  confidence: number;
}

interface Buffers {
  total: Float64Array;
  best: Float64Array;
  bestCredit: Float64Array;
  /** Credit per query term, `terms` values per document. */
  credit: Float64Array;
  touched: Int32Array;
  seen: Uint8Array;
  conceptTouched: Int32Array;
  rank: Float64Array;
}
const buffers = new WeakMap<SearchIndex, Buffers>();

/** Zeroed buffers reused across queries (no 10k-element allocations per keystroke). */
function buffersFor(index: SearchIndex, terms: number): Buffers {
  const n = index.docs.length;
  let b = buffers.get(index);
  if (!b) {
    b = {
      total: new Float64Array(n),
      best: new Float64Array(n),
      bestCredit: new Float64Array(n),
      credit: new Float64Array(n),
      touched: new Int32Array(n),
      seen: new Uint8Array(n),
      conceptTouched: new Int32Array(n),
      rank: new Float64Array(n),
    };
    buffers.set(index, b);
  }
  if (b.credit.length < n * terms) b.credit = new Float64Array(n * terms);
  return b;
}

/**
 * The `count` entries the query's concepts score best, plus the entries in `also` (found as typed):
 * `score` is the BM25F sum divided by the best any entry could get (0–1), `confidence` as in the module
 * comment (the lowest over the query's space-separated terms). `matched`: per concept, whether any
 * entry holds it.
 */
export function scoreConcepts(
  index: SearchIndex,
  concepts: readonly Concept[],
  passes: DocFilter,
  count: number,
  also: readonly number[] = [],
): { hits: WordScored[]; matched: boolean[] } {
  const n = index.docs.length;
  const matched = concepts.map(() => false);
  if (concepts.length === 0 || n === 0) return { hits: [], matched };
  const terms = Math.max(...concepts.map((c) => c.term)) + 1;
  const b = buffersFor(index, terms);
  const { total, best, bestCredit, touched, seen, conceptTouched, rank } = b;
  const credit = b.credit;
  let size = 0;
  let most = 0;
  /** Per term: the summed weight of its concepts, which a fully covering entry would collect. */
  const weightOfTerm = new Float64Array(terms);
  const capOfTerm = new Float64Array(terms).fill(JUDGED_CONCEPTS);
  try {
    concepts.forEach((concept, c) => {
      let touchedHere = 0;
      let ownDocs = -1;
      let top = 0;
      for (const alt of concept.alts) {
        if (!alt.own && ownDocs < 0) {
          ownDocs = touchedHere;
          // Broader and related words widen a concept the pack has few entries for; where its own words
          // already reach many, they would only add cost (alternatives come strongest first).
          if (ownDocs >= ENOUGH_DIRECT) break;
        }
        const postings = wordPostings(index, alt.text);
        if (postings.length === 0) continue;
        if (alt.q * SATURATED_MAX > top) top = alt.q * SATURATED_MAX;
        for (let k = 0; k < postings.length; k++) {
          const p = postings[k] as number;
          const d = p >> 4;
          const mask = p & 15;
          const s = alt.q * (SATURATED[mask] as number);
          if (best[d] === 0) conceptTouched[touchedHere++] = d;
          if (s > (best[d] as number)) best[d] = s;
          const c = (alt.q < BROADER ? alt.q * RELATED_CREDIT : alt.q) * (CREDIT[mask] as number);
          if (c > (bestCredit[d] as number)) bestCredit[d] = c;
        }
      }
      // BM25 over concepts: a concept is as rare as the entries holding its own words (or its synonyms);
      // one the pack never words that way counts as rare, whichever broader word found it.
      const rarity = idf(n, Math.max(1, ownDocs < 0 ? touchedHere : ownDocs));
      const weight = concept.known ? 1 : UNKNOWN_WORD;
      weightOfTerm[concept.term] = (weightOfTerm[concept.term] as number) + weight;
      most += rarity * top;
      matched[c] = touchedHere > 0;
      for (let k = 0; k < touchedHere; k++) {
        const d = conceptTouched[k] as number;
        if (!seen[d]) {
          seen[d] = 1;
          touched[size++] = d;
        }
        total[d] = (total[d] as number) + rarity * (best[d] as number);
        const at = d * terms + concept.term;
        credit[at] = (credit[at] as number) + weight * (bestCredit[d] as number);
        best[d] = 0;
        bestCredit[d] = 0;
      }
    });
    // Objects only for the best few: a common word touches thousands of entries of a large pack.
    let pool = 0;
    for (let k = 0; k < size; k++) {
      const d = touched[k] as number;
      if (passes && !passes(index.docs[d] as Doc)) continue;
      conceptTouched[pool] = d;
      rank[pool++] = total[d] as number;
    }
    const chosen = new Set(topDocs(conceptTouched.subarray(0, pool), rank.subarray(0, pool), count));
    for (const d of also) if (seen[d]) chosen.add(d);
    const out: WordScored[] = [];
    for (const d of chosen) {
      let confidence = Number.POSITIVE_INFINITY;
      for (let t = 0; t < terms; t++) {
        const w = weightOfTerm[t] as number;
        if (w === 0) continue;
        const judged = Math.min(w, capOfTerm[t] as number);
        confidence = Math.min(confidence, Math.min(1, (credit[d * terms + t] as number) / judged));
      }
      out.push({
        d,
        score: most > 0 ? (total[d] as number) / most : 0,
        confidence: Number.isFinite(confidence) ? confidence : 0,
        found: [],
        grams: [],
      });
    }
    return { hits: out, matched };
  } finally {
    for (let k = 0; k < size; k++) {
      const d = touched[k] as number;
      total[d] = 0;
      seen[d] = 0;
      for (let t = 0; t < terms; t++) credit[d * terms + t] = 0;
    }
  }
}

/**
 * The words of `concepts` an entry holds, to highlight: per concept the strongest of the query's own
 * words and their synonyms, or where it holds none of those, the broader or narrower word it was found
 * by (退钱 → 退保); never merely related ones.
 */
export function matchedWords(index: SearchIndex, concepts: readonly Concept[], d: number): string[] {
  const holds = (text: string) => {
    const postings = wordPostings(index, text);
    const i = seek(postings, 0, d);
    return i < postings.length && (postings[i] as number) >> 4 === d;
  };
  const out: string[] = [];
  for (const concept of concepts) {
    // Alternatives come strongest first: the first one held is the word to mark.
    for (const alt of concept.alts) {
      if (alt.q < BROADER * concept.scale) break;
      if (holds(alt.text)) {
        out.push(alt.text);
        break;
      }
    }
  }
  return out;
}
