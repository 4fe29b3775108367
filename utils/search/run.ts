/**
 * One query from text to ranked hits. Two views of the query are scored and added up:
 * - as typed (./score.ts): every space-separated term must occur in the entry — whole, as pinyin or
 *   initials, or with one wrong character; candidates come from the n-gram indexes;
 * - as words (./analyze.ts, ./words.ts): the query's concepts with their lexicon synonyms, ranked
 *   BM25F-style, which is what finds the entry for a customer's sentence or for other words than the
 *   entry's.
 * A hit is `partial` (a near match) unless the query as typed matched it or its words cover enough of
 * the query (`CONFIDENT`). Pasted passages are scored as words only.
 */
import type { EntryKind } from '../../knowledge/schema';
import { analyzeClauses, type Concept } from './analyze';
import type { Doc, SearchIndex } from './build';
import { type Accumulated, accumulate, exactGroups, release, termGrams, topDocs } from './candidates';
import { soundAlike } from './homophones';
import { matchesOf } from './matches';
import { isSpelling, pinyinVariants } from './pinyin-variants';
import { type ParsedQuery, parseQuery, type Term } from './query';
import { type FieldScore, KIND_BIT, lastKinds, termScore } from './score';
import { bigramsOf, CANDIDATES, type DocFilter, merge, type Scored } from './scored';
import type { SearchOptions, SearchOutcome } from './types';
import { CONFIDENT, matchedWords, scoreConcepts, wordPostings } from './words';

const DEFAULT_LIMIT = 20;
const KIND_ORDER: Record<EntryKind, number> = { guideline: 0, phrasing: 1, question: 2 };
/** A hit at least this good (a title or keyword match) makes the fuzzy fallback pass unnecessary… */
const STRONG = 0.5;
/** …once there are this many of them. */
const FALLBACK_BELOW = 5;
/** Pinyin this long that finds nothing is worth respelling (shorter may be initials: `tlx`)… */
const RESPELL = 5;
/** …and this long at most: longer is a phrase typed in pinyin, where one slip cannot be guessed cheaply. */
const RESPELL_MAX = 16;
/** Respellings tried per query at most (each is a search of its own). */
export const MAX_RESPELLINGS = 24;
/** Fewer candidates per respelling: dozens are tried, and a slip still shares most n-grams with its word. */
const RESPELL_CANDIDATES = 20;
/** Most words shown as "searched for" under the search box. */
const SHOWN_WORDS = 6;

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
  const strict = { terms, fallback: false };
  const loose = { terms, fallback: true };
  const score = (d: number, fallback: boolean): Scored | undefined => {
    const doc = index.docs[d] as Doc;
    let total = 0;
    let asTyped = true;
    for (let i = 0; i < terms.length; i++) {
      const s = termScore(doc, terms[i] as Term, coverage(d, i), fallback, exactGroups(accs[i] as Accumulated, d));
      if (s <= 0) return undefined;
      total += s;
      // A keyword inside the term is no match of the term; nor is a typo of 3 characters, which is
      // as often a different word sharing two of them (转人工 / 人工沟通) as a slip (同里心 / 同理心).
      const sure = (terms[i] as Term).text.length > 3 ? ~KIND_BIT.inside : KIND_BIT.exact | KIND_BIT.pinyin;
      if ((lastKinds & sure) === 0) asTyped = false;
    }
    return { d, score: total / terms.length, typed: fallback ? loose : strict, asTyped, found: [], grams: [] };
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

/** Fills in how a hit shown matched the typed terms (scoring left it out: it allocates per field). */
function explain(index: SearchIndex, s: Scored): void {
  if (!s.typed) return;
  const doc = index.docs[s.d] as Doc;
  for (const term of s.typed.terms) {
    const fields: FieldScore[] = [];
    termScore(doc, term, 0, s.typed.fallback, 15, fields);
    s.found.push({ term: term.text, fields });
    // Matched by shared n-grams only: highlight those.
    if (fields.length === 0) s.grams.push(...bigramsOf(term.text));
  }
}

/**
 * The respellings of a pinyin-like term worth a search when it finds nothing (`tonglixing` → `tonglixin`):
 * one slip away, splitting into syllables of the index, in two tiers (./pinyin-variants.ts), at most
 * `MAX_RESPELLINGS` in all. Empty for terms too short (initials) or too long (a phrase).
 */
export function respellings(index: SearchIndex, text: string): [string[], string[]] {
  if (!/^[a-z]+$/.test(text) || text.length < RESPELL || text.length > RESPELL_MAX) return [[], []];
  const [first, second] = pinyinVariants(text).map((vs) =>
    vs.filter((v) => isSpelling(v, index.syllables, index.syllablePrefixes)),
  ) as [string[], string[]];
  const kept = first.slice(0, MAX_RESPELLINGS);
  return [kept, second.slice(0, MAX_RESPELLINGS - kept.length)];
}

/**
 * When the query as typed finds nothing: pinyin respelled one slip away (`tonglixing`), marked partial
 * so the panel can say so; only this path pays for the extra lookups, so typing that finds something
 * stays fast.
 */
function respelled(index: SearchIndex, terms: readonly Term[], passes: DocFilter): Scored[] {
  const respell = terms.flatMap((t, i) => {
    const tiers = respellings(index, t.text);
    return tiers[0].length + tiers[1].length ? [{ i, tiers }] : [];
  });
  for (const tier of [0, 1] as const) {
    let found: Scored[] = [];
    for (const { i, tiers } of respell) {
      for (const variant of tiers[tier]) {
        const respelledTerms = terms.map((t, j) => (j === i ? { text: variant, letters: true } : t));
        found = merge(found, scoreTerms(index, respelledTerms, passes, RESPELL_CANDIDATES));
      }
    }
    if (found.length) return found.map((s) => ({ ...s, partial: true }));
  }
  return [];
}

/** Whether a term is read as words: it holds Chinese (or other non-letter) text, or is a lexicon word (`vip`). */
function hasWords(index: SearchIndex, term: Term): boolean {
  return !/^[a-z]+$/.test(term.text) || index.lexicon.groupsOf.has(term.text);
}

/** Adds the word view to the typed view: scores add up, and a hit is partial unless either view is sure. */
function combine(
  index: SearchIndex,
  typed: readonly Scored[],
  concepts: readonly Concept[],
  passes: DocFilter,
): { scored: Scored[]; words: string[] } {
  const { hits: words, matched } = scoreConcepts(
    index,
    concepts,
    passes,
    CANDIDATES,
    typed.map((s) => s.d),
  );
  const byDoc = new Map<number, Scored>();
  for (const s of typed) {
    s.partial = s.partial === true || s.asTyped !== true;
    byDoc.set(s.d, s);
  }
  for (const w of words) {
    const seen = byDoc.get(w.d);
    const sure = w.confidence >= CONFIDENT;
    if (seen) {
      seen.score += w.score;
      if (sure) seen.partial = false;
    } else byDoc.set(w.d, { d: w.d, score: w.score, found: [], grams: [], partial: !sure });
  }
  const used = concepts.flatMap((c, i) => (matched[i] ? c.words.slice(0, 1) : []));
  return { scored: [...byDoc.values()], words: [...new Set(used)].slice(0, SHOWN_WORDS) };
}

/** The query as words: pasted clauses, or the typed terms read as words (pinyin and initials are not). */
function conceptsOf(index: SearchIndex, q: ParsedQuery): Concept[] {
  const clauses = q.passage
    ? q.passage.map((text) => ({ text, term: 0 }))
    : q.terms.flatMap((t, term) => (hasWords(index, t) ? [{ text: t.text, term }] : []));
  // A stretch the pack does not hold may be a typo of a word it does (理陪 → 理赔).
  const alike = (text: string) => {
    const word = soundAlike(index, text);
    return word && wordPostings(index, text).length === 0 ? word : undefined;
  };
  return analyzeClauses(index.lexicon, clauses, alike);
}

/** Whether the words searched for differ from what was typed (filler dropped, a sentence split). */
function reduced(q: ParsedQuery, concepts: readonly Concept[]): boolean {
  if (q.passage) return true;
  const typed = q.terms.map((t) => t.text).join(' ');
  return concepts.flatMap((c) => c.words).join(' ') !== typed;
}

export function runSearch(index: SearchIndex, query: string, options: SearchOptions = {}): SearchOutcome {
  const limit = Math.max(0, Math.floor(options.limit ?? DEFAULT_LIMIT));
  const none: SearchOutcome = { hits: [], words: [] };
  if (limit === 0 || index.docs.length === 0) return none;
  const q = parseQuery(query);
  const passes = filterOf(q, options);
  let scored: Scored[];
  let words: string[] = [];
  const concepts = conceptsOf(index, q);
  if (q.passage) {
    ({ scored, words } = combine(index, [], concepts, passes));
  } else if (q.terms.length) {
    let typed = scoreTerms(index, q.terms, passes);
    // `tong li xin`: syllables typed with spaces are one word as well as separate terms.
    if (q.terms.length > 1 && q.terms.every((t) => /^[a-z]+$/.test(t.text))) {
      const joined: Term = { text: q.terms.map((t) => t.text).join(''), letters: true };
      typed = merge(typed, scoreTerms(index, [joined], passes));
    }
    ({ scored, words } = combine(index, typed, concepts, passes));
    if (scored.length === 0) scored = respelled(index, q.terms, passes);
  } else if (q.kinds || q.tags.length) {
    // Filters alone list what they allow, in pack order.
    scored = [];
    index.docs.forEach((doc, d) => {
      if (scored.length < limit && (!passes || passes(doc))) scored.push({ d, score: 0, found: [], grams: [] });
    });
  } else return none;
  const boost = options.boost;
  for (const s of scored) {
    const b = boost ? Number(boost((index.docs[s.d] as Doc).entry.id)) : 0;
    if (Number.isFinite(b)) s.score += b;
  }
  // Equal scores: what an agent can act on first (a guideline, a phrasing), then quiz questions.
  const kind = (s: Scored) => KIND_ORDER[(index.docs[s.d] as Doc).entry.kind];
  scored.sort((x, y) => y.score - x.score || kind(x) - kind(y) || x.d - y.d);
  const hits = scored.slice(0, limit).map((s) => {
    explain(index, s);
    // Highlight the query's words (and synonyms) the entry holds, besides the typed matches.
    if (concepts.length) s.grams.push(...matchedWords(index, concepts, s.d));
    return {
      entry: (index.docs[s.d] as Doc).entry,
      score: s.score,
      matches: matchesOf(index, s),
      partial: s.partial === true,
      asTyped: s.asTyped === true && s.partial !== true,
    };
  });
  return { hits, words: reduced(q, concepts) ? words : [] };
}
