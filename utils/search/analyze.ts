/**
 * What a query says, word by word: the lexicon's words found in it (longest first: 理赔被拒 before 理赔),
 * the rest segmented into words by `Intl.Segmenter` (built into Chrome, Firefox and Node), filler and
 * single characters dropped. Each remaining word is a concept: the word itself, the other words of its
 * lexicon groups at a lower weight, the words of broader groups (what it is a kind of) lower, and of
 * related groups lowest. A customer's 「我要投诉你们！！」 becomes one concept, 投诉 (客诉, 申诉, …).
 */
import type { CompiledLexicon } from './lexicon';

/** Weight of a word of the same group as the query's word (a direct match weighs 1). */
export const SYNONYM = 0.7;
/** Weight of a word of a broader or narrower group: 找媒体 → 投诉升级, 退钱 → 退保. */
export const BROADER = 0.6;
/** Weight of a word of a related or narrower group: enough to rank, too little to be sure of a match alone. */
export const RELATED = 0.35;
/** Weights of a concept named by a single character, relative to one named by a word. */
const ONE_CHARACTER = 0.7;
/** Most words looked up per concept: a word in several large groups would otherwise cost a lot. */
const MAX_ALTS = 60;

export interface Alt {
  /** Normalized text to find in entries. */
  text: string;
  /** 1: the query's own word; SYNONYM, BROADER, RELATED: found through the lexicon. */
  q: number;
  /** The query's own word or a synonym: what the concept's rarity in the pack is measured by. */
  own: boolean;
}

export interface Concept {
  /** The query's own words for it (normalized), in order of appearance. */
  words: string[];
  /** The space-separated term it came from (0 for pasted text). */
  term: number;
  /** What to look for, strongest first; each text once. */
  alts: readonly Alt[];
  /** A lexicon concept (a service topic), not a word the lexicon does not know (a name, small talk). */
  known: boolean;
  /** The factor all weights of `alts` were scaled by (a typo or a single character: below 1). */
  scale: number;
}

export interface Clause {
  /** Normalized text without spaces or punctuation. */
  text: string;
  term: number;
}

type WordSegmenter = { segment(text: string): Iterable<{ segment: string; index: number; isWordLike?: boolean }> };

let segmenter: WordSegmenter | null | undefined;

/** `Intl.Segmenter` for Chinese words, or null where the runtime has none (then unknown runs are kept whole). */
function wordSegmenter(): WordSegmenter | null {
  if (segmenter === undefined) {
    const Segmenter = (Intl as { Segmenter?: new (locale: string, options: object) => WordSegmenter }).Segmenter;
    segmenter = Segmenter ? new Segmenter('zh', { granularity: 'word' }) : null;
  }
  return segmenter;
}

const ALNUM = /[a-z0-9]/;
const DIGITS = /^[0-9]+$/;

/** A lexicon word made of letters or digits at an edge matches only where the query's word ends too (app, not happy). */
function atBoundary(text: string, start: number, end: number): boolean {
  if (ALNUM.test(text[start] as string) && start > 0 && ALNUM.test(text[start - 1] as string)) return false;
  if (ALNUM.test(text[end - 1] as string) && end < text.length && ALNUM.test(text[end] as string)) return false;
  return true;
}

/**
 * Lexicon and filler words in `text` (2+ units), keeping only matches that no longer match contains:
 * [start, end, isFiller]. Filler takes part so that 怎么回事 covers the 怎么回 (怎么回复) inside it.
 */
function lexiconMatches(lexicon: CompiledLexicon, text: string): [number, number, boolean][] {
  const found: [number, number, boolean][] = [];
  for (let i = 0; i + 1 < text.length; i++) {
    // Only the lengths of words starting with these two units: one lookup instead of one per length.
    for (const n of lexicon.lengthsByStart.get(text.slice(i, i + 2)) ?? []) {
      if (i + n > text.length) continue;
      const piece = text.slice(i, i + n);
      const filler = lexicon.filler.has(piece);
      if ((filler || lexicon.groupsOf.has(piece)) && atBoundary(text, i, i + n)) {
        found.push([i, i + n, filler]);
        break; // the longest at this start; shorter ones are inside it
      }
    }
  }
  return found.filter(([s, e]) => !found.some(([s2, e2]) => s2 <= s && e <= e2 && e2 - s2 > e - s));
}

/** Characters that make no word on their own or together (了一, 我去, 要用: segmenter leftovers). */
function functionOnly(lexicon: CompiledLexicon, piece: string): boolean {
  for (const ch of piece) if (!lexicon.filler.has(ch) && !EXTRA_FUNCTION.includes(ch)) return false;
  return true;
}
const EXTRA_FUNCTION = '一个些下这那其之以于为所只';

/** A segment without the particles and pronouns stuck to it (赔了 → 赔, 我只 → 只). */
function trimmed(lexicon: CompiledLexicon, piece: string): string {
  let s = 0;
  let e = piece.length;
  while (e - s > 1 && lexicon.filler.has(piece[s] as string)) s++;
  while (e - s > 1 && lexicon.filler.has(piece[e - 1] as string)) e--;
  return piece.slice(s, e);
}

/**
 * The word a stretch of the query was meant to be when it is none itself (an input-method typo: 理陪 for
 * 理赔), or undefined. Given by the caller, which knows the pack (./homophones.ts).
 */
export type SoundAlike = (text: string) => string | undefined;

/** A word of the query: as typed, or the word a typo of it stands for. */
export interface QueryWord {
  text: string;
  typo?: boolean;
}

/** Weights of a concept found by its sound only (a typo), relative to one typed right. */
const TYPO = 0.85;

/** Typos in a stretch of text: windows of 4 down to 2 characters that sound like a known word. */
function typos(lexicon: CompiledLexicon, gap: string, alike: SoundAlike): [number, number, string][] {
  const out: [number, number, string][] = [];
  let i = 0;
  while (i < gap.length - 1) {
    let found = false;
    for (let n = Math.min(4, gap.length - i); n >= 2 && !found; n--) {
      const window = gap.slice(i, i + n);
      // A window starting or ending with a particle or pronoun is no word (的理, 陪我).
      if (lexicon.filler.has(window[0] as string) || lexicon.filler.has(window[n - 1] as string)) continue;
      const word = alike(window);
      if (word) {
        out.push([i, i + n, word]);
        i += n;
        found = true;
      }
    }
    if (!found) i++;
  }
  return out;
}

/** Words of a stretch of text the lexicon does not cover: typos read as the words meant, the rest segmented. */
function gapWords(lexicon: CompiledLexicon, gap: string, alike?: SoundAlike): QueryWord[] {
  if (!/\p{Script=Han}/u.test(gap)) return segmentWords(lexicon, gap);
  const out: QueryWord[] = [];
  let at = 0;
  for (const [s, e, word] of alike ? typos(lexicon, gap, alike) : []) {
    if (s > at) out.push(...segmentWords(lexicon, gap.slice(at, s)));
    out.push({ text: word, typo: true });
    at = e;
  }
  if (at < gap.length) out.push(...segmentWords(lexicon, gap.slice(at)));
  return out;
}

/** Segmented words of a stretch of text, filler and noise dropped. */
function segmentWords(lexicon: CompiledLexicon, gap: string): QueryWord[] {
  const seg = wordSegmenter();
  const pieces = seg ? [...seg.segment(gap)].map((s) => s.segment) : [gap];
  const out: QueryWord[] = [];
  for (const raw of pieces) {
    const piece = trimmed(lexicon, raw);
    if (!/[\p{L}\p{N}]/u.test(piece) || DIGITS.test(piece) || functionOnly(lexicon, piece)) continue;
    // One character means something only when the lexicon says so (催, 急, 骗); else it is noise (说, 要, 了).
    if (piece.length === 1 && !lexicon.groupsOf.has(piece)) continue;
    // Without a segmenter a long run is no word: its n-grams still count.
    if (!seg && piece.length > 4) continue;
    out.push({ text: piece });
  }
  return out;
}

/** The words of a clause in order: lexicon words, typos read as meant, and segmented words between them. */
export function clauseWords(lexicon: CompiledLexicon, text: string, alike?: SoundAlike): QueryWord[] {
  const out: QueryWord[] = [];
  let at = 0;
  for (const [s, e, filler] of lexiconMatches(lexicon, text)) {
    if (s > at) out.push(...gapWords(lexicon, text.slice(at, s), alike));
    // Overlapping matches (理赔款 / 款没到账) both count; the overlap is not segmented twice.
    if (e > at) {
      if (!filler) out.push({ text: text.slice(s, e) });
      at = e;
    }
  }
  if (at < text.length) out.push(...gapWords(lexicon, text.slice(at), alike));
  return out;
}

const altCache = new WeakMap<CompiledLexicon, Map<string, readonly Alt[]>>();
/** Concepts cached per lexicon: a keystroke repeats the previous one's. */
const CACHED_CONCEPTS = 2000;

/** The alternatives of a concept (shared, never changed: scale copies of them). */
function cachedAltsOf(lexicon: CompiledLexicon, words: readonly string[], groups: readonly number[]): readonly Alt[] {
  let cache = altCache.get(lexicon);
  if (!cache) {
    cache = new Map();
    altCache.set(lexicon, cache);
  }
  const key = `${words.join(' ')}|${groups.join(',')}`;
  let alts = cache.get(key);
  if (!alts) {
    if (cache.size >= CACHED_CONCEPTS) cache.clear();
    alts = altsOf(lexicon, words, groups);
    cache.set(key, alts);
  }
  return alts;
}

function altsOf(lexicon: CompiledLexicon, words: readonly string[], groups: readonly number[]): Alt[] {
  const q = new Map<string, number>();
  const put = (text: string, weight: number) => {
    // One character is looked for only through its group's words: 赔 alone would find every 理赔 and 拒赔.
    if (text.length < 2) return;
    // A word of the same group inside the query's own word is that word (投诉 in 我要投诉).
    const w = weight === SYNONYM && words.some((own) => own.includes(text)) ? 1 : weight;
    if ((q.get(text) ?? 0) < w) q.set(text, w);
  };
  for (const w of words) put(w, 1);
  for (const g of groups) for (const w of lexicon.words[g] ?? []) put(w, SYNONYM);
  for (const g of groups)
    for (const b of lexicon.broader[g] ?? []) for (const w of lexicon.words[b] ?? []) put(w, BROADER);
  for (const g of groups)
    for (const r of lexicon.related[g] ?? []) for (const w of lexicon.words[r] ?? []) put(w, RELATED);
  return [...q]
    .map(([text, weight]) => ({ text, q: weight, own: weight >= SYNONYM }))
    .sort((a, b) => b.q - a.q)
    .slice(0, MAX_ALTS);
}

/**
 * The concepts of a query's clauses. Words of the same lexicon groups are one concept (转来转去 and
 * 没人管 both mean the runaround), so a message repeating one idea does not outweigh one naming two.
 */
export function analyzeClauses(lexicon: CompiledLexicon, clauses: readonly Clause[], alike?: SoundAlike): Concept[] {
  const byKey = new Map<string, { words: string[]; term: number; groups: readonly number[]; typo: boolean }>();
  for (const { text, term } of clauses) {
    for (const { text: word, typo } of clauseWords(lexicon, text, alike)) {
      const groups = lexicon.groupsOf.get(word) ?? [];
      const key = `${term}:${groups.length ? [...groups].sort((a, b) => a - b).join(',') : `=${word}`}`;
      const seen = byKey.get(key);
      if (seen) {
        if (!seen.words.includes(word)) seen.words.push(word);
        seen.typo &&= typo === true;
      } else byKey.set(key, { words: [word], term, groups, typo: typo === true });
    }
  }
  return [...byKey.values()].map(({ words, term, groups, typo }) => {
    const cached = cachedAltsOf(lexicon, words, groups);
    // A concept named by one character only (告, 赔) is a weaker hint than a word: 赔 may be 理赔 or 赔偿.
    const scale = (words.every((w) => w.length === 1) ? ONE_CHARACTER : 1) * (typo ? TYPO : 1);
    const alts = scale < 1 ? cached.map((alt) => ({ ...alt, q: alt.q * scale })) : cached;
    return { words, term, alts, known: groups.length > 0, scale };
  });
}
