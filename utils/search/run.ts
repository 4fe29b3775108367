/**
 * One query from text to ranked hits: parse, pick candidates from the n-gram indexes (every term must
 * have some n-gram in the entry), score candidates field by field, and compute highlight ranges for the
 * hits returned. Pasted passages are ranked by shared words (weighted by rarity), not by required terms.
 */
import type { Doc, SearchIndex } from './build';
import { type Accumulated, accumulate, exactGroups, release, termGrams, topDocs } from './candidates';
import { matchesOf } from './matches';
import { scorePassage } from './passage';
import { isSpelling, pinyinVariants } from './pinyin-variants';
import { type ParsedQuery, parseQuery, type Term } from './query';
import { type FieldScore, termScore } from './score';
import { appendBelow, bigramsOf, CANDIDATES, type DocFilter, merge, type Scored } from './scored';
import type { SearchHit, SearchOptions } from './types';

const DEFAULT_LIMIT = 20;
/** A hit at least this good (a title or keyword match) makes the fuzzy fallback pass unnecessary… */
const STRONG = 0.5;
/** …once there are this many of them. */
const FALLBACK_BELOW = 5;
/** Pinyin this long that finds nothing is worth respelling (shorter may be initials: `tlx`). */
const RESPELL = 5;
/** Fewer candidates per respelling: dozens are tried, and a slip still shares most n-grams with its word. */
const RESPELL_CANDIDATES = 20;
/** A CJK term this long may be a sentence… */
const SENTENCE = 5;
/** …and when fewer entries than this hold it, entries sharing its rarer words follow them. */
const FEW = 3;

/** The filter of a query and the options, or undefined when nothing is filtered. */
function filterOf(q: ParsedQuery, options: SearchOptions): DocFilter {
  const { kinds } = options;
  if (!kinds && !q.kinds && q.tags.length === 0) return undefined;
  return (doc) => {
    const kind = doc.entry.kind;
    if (kinds && !kinds.includes(kind)) return false;
    if (q.kinds && !q.kinds.includes(kind)) return false;
    return q.tags.every((t) => doc.tags.some((tag) => tag.includes(t)));
  };
}

function scoreTerms(index: SearchIndex, terms: readonly Term[], passes: DocFilter, candidates = CANDIDATES): Scored[] {
  const accs: Accumulated[] = [];
  try {
    terms.forEach((t, i) => {
      accs.push(accumulate(index, termGrams(index, t.text, t.letters), i));
    });
    return rankTerms(index, terms, accs, passes, candidates);
  } finally {
    for (const a of accs) release(a);
  }
}

function rankTerms(
  index: SearchIndex,
  terms: readonly Term[],
  accs: readonly Accumulated[],
  passes: DocFilter,
  candidates: number,
): Scored[] {
  // Every term must have some n-gram in the entry: walk the entries of the term with the fewest.
  let first = accs[0] as Accumulated;
  for (const a of accs) if (a.size < first.size) first = a;
  const pool: number[] = [];
  const rank: number[] = [];
  for (let k = 0; k < first.size; k++) {
    const d = first.touched[k] as number;
    let sum = 0;
    for (const a of accs) {
      const v = a.acc[d] as number;
      if (v === 0) {
        sum = -1;
        break;
      }
      sum += v / a.max;
    }
    if (sum > 0 && (!passes || passes(index.docs[d] as Doc))) {
      pool.push(d);
      rank.push(sum);
    }
  }
  const coverage = (d: number, i: number) => {
    const a = accs[i] as Accumulated;
    return a.max > 0 ? (a.acc[d] as number) / a.max : 0;
  };
  const ranked = topDocs(pool, Float64Array.from(rank), candidates);
  const score = (d: number, fallback: boolean): Scored | undefined => {
    const doc = index.docs[d] as Doc;
    let total = 0;
    const found: Scored['found'] = [];
    const grams: string[] = [];
    for (let i = 0; i < terms.length; i++) {
      const term = terms[i] as Term;
      const fields: FieldScore[] = [];
      const s = termScore(doc, term, coverage(d, i), fallback, exactGroups(accs[i] as Accumulated, d), fields);
      if (s <= 0) return undefined;
      total += s;
      found.push({ term: term.text, fields });
      if (fields.length === 0) grams.push(...bigramsOf(term.text));
    }
    return { d, score: total / terms.length, found, grams };
  };
  const out: Scored[] = [];
  const missed: number[] = [];
  let strong = 0;
  for (const d of ranked) {
    const s = score(d, false);
    if (!s) missed.push(d);
    else {
      out.push(s);
      if (s.score >= STRONG) strong++;
    }
  }
  // Typos and sentence-like terms: only when the exact pass found little, so typing stays fast.
  if (strong < FALLBACK_BELOW) {
    for (const d of missed) {
      const s = score(d, true);
      if (s) out.push(s);
    }
  }
  return out;
}

/**
 * When the query as typed finds nothing: pinyin respelled one slip away (`tonglixing`), then the entries
 * sharing the query's rarer words (`缩减人手`). Marked partial so the panel can say so; only this path pays
 * for the extra lookups, so typing that finds something stays fast.
 */
function approximate(index: SearchIndex, terms: readonly Term[], passes: DocFilter): Scored[] {
  // Per term worth respelling: its two tiers of plausible spellings, computed once.
  const respell = terms.flatMap((t, i) =>
    /^[a-z]+$/.test(t.text) && t.text.length >= RESPELL
      ? [
          {
            i,
            tiers: pinyinVariants(t.text).map((vs) =>
              vs.filter((v) => isSpelling(v, index.syllables, index.syllablePrefixes)),
            ),
          },
        ]
      : [],
  );
  for (const tier of [0, 1] as const) {
    let found: Scored[] = [];
    for (const { i, tiers } of respell) {
      for (const variant of tiers[tier] as string[]) {
        const respelled = terms.map((t, j) => (j === i ? { text: variant, letters: true } : t));
        found = merge(found, scoreTerms(index, respelled, passes, RESPELL_CANDIDATES));
      }
    }
    if (found.length) return found.map((s) => ({ ...s, partial: true }));
  }
  const words = terms.filter((t) => /[^a-z0-9]/.test(t.text)).map((t) => t.text);
  return words.length ? scorePassage(index, words, passes).map((s) => ({ ...s, partial: true })) : [];
}

export function runSearch(index: SearchIndex, query: string, options: SearchOptions = {}): SearchHit[] {
  const limit = Math.max(0, Math.floor(options.limit ?? DEFAULT_LIMIT));
  if (limit === 0 || index.docs.length === 0) return [];
  const q = parseQuery(query);
  const passes = filterOf(q, options);
  let scored: Scored[];
  if (q.passage) scored = q.passage.length ? scorePassage(index, q.passage, passes) : [];
  else if (q.terms.length) {
    scored = scoreTerms(index, q.terms, passes);
    // Words typed as a sentence ("客户说要去监管部门告我们") that few entries hold whole: after those,
    // the entries sharing the sentence's rarer words, as for a pasted message.
    const words = q.terms.filter((t) => !t.letters && t.text.length >= SENTENCE).map((t) => t.text);
    if (words.length) {
      // Hits holding each term whole (not only a keyword inside the sentence) stay on top.
      const whole = scored.filter((s) => s.found.every((f) => f.fields.some((m) => m.kind !== 'inside')));
      if (whole.length < FEW) scored = appendBelow(whole, scorePassage(index, words, passes));
    }
    // `tong li xin`: syllables typed with spaces are one word as well as separate terms.
    if (q.terms.length > 1 && q.terms.every((t) => /^[a-z]+$/.test(t.text))) {
      const joined: Term = { text: q.terms.map((t) => t.text).join(''), letters: true };
      scored = merge(scored, scoreTerms(index, [joined], passes));
    }
    if (scored.length === 0) scored = approximate(index, q.terms, passes);
  } else if (q.kinds || q.tags.length) {
    // Filters alone list what they allow, in pack order.
    scored = [];
    index.docs.forEach((doc, d) => {
      if (scored.length < limit && (!passes || passes(doc))) scored.push({ d, score: 0, found: [], grams: [] });
    });
  } else return [];
  const boost = options.boost;
  for (const s of scored) {
    const b = boost ? Number(boost((index.docs[s.d] as Doc).entry.id)) : 0;
    if (Number.isFinite(b)) s.score += b;
  }
  scored.sort((x, y) => y.score - x.score || x.d - y.d);
  return scored.slice(0, limit).map((s) => ({
    entry: (index.docs[s.d] as Doc).entry,
    score: s.score,
    matches: matchesOf(index, s),
    ...(s.partial ? { partial: true as const } : {}),
    ...(s.loose && !s.partial ? { loose: true as const } : {}),
  }));
}
