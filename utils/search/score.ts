/**
 * Second stage: how well one term matches one candidate entry, field by field. A field counts by its
 * group weight (title > keywords > phrasings > body) times the quality of the match in it: exact text,
 * pinyin / initials, a whole keyword found inside a longer term, or a fuzzy match scored by Fuse.js
 * (one wrong character in a 3+ character term).
 */
import Fuse from 'fuse.js/basic';
import type { Doc } from './build';
import { type Field, GROUP_WEIGHT, hasPinyin } from './fields';
import { matchPinyin } from './pinyin-match';
import type { Term } from './query';

/** Fuse's Bitap pattern limit: longer terms are matched by their n-grams instead. */
const FUZZY_MAX = 32;

/** Fuse threshold for a term: one error in 3 (score 0.33) must pass; short CJK otherwise stays near 0.3. */
export function fuzzyThreshold(length: number): number {
  return length === 3 ? 0.34 : 0.3;
}

export type MatchKind = 'exact' | 'pinyin' | 'inside' | 'fuzzy';

export interface FieldScore {
  field: number;
  kind: MatchKind;
  score: number;
}

/** Fuse.js score (0 = perfect … 1) of a fuzzy match of `term` somewhere in `text`, or undefined. */
export function fuzzyScore(term: string, text: string): number | undefined {
  if (term.length < 3 || term.length > FUZZY_MAX || text.length < term.length - 1) return undefined;
  const threshold = fuzzyThreshold(term.length);
  const errors = Math.floor(threshold * term.length);
  // Cheap precheck: Bitap with k errors needs all but k of the term's characters in the text.
  let missing = 0;
  for (const ch of term) if (!text.includes(ch) && ++missing > errors) return undefined;
  const result = Fuse.match(term, text, { ignoreLocation: true, threshold, isCaseSensitive: true });
  return result.isMatch ? (result.score ?? 0) : undefined;
}

/** What the last `fieldMatch` found (one shared object: scoring 150 candidates allocates nothing). */
const last: { kind: MatchKind; quality: number } = { kind: 'exact', quality: 0 };

/**
 * Quality (0 = no match, about 1 = the whole field) of a match of `term` in field `f` of `doc`, its kind
 * left in `last`; fuzzy matching only when `fuzzy` is set (a fallback pass: it is the costly part).
 */
function fieldMatch(doc: Doc, f: number, term: Term, fuzzy: boolean, exactGroups: number): number {
  const text = doc.norm[f] as string;
  if (!text) return 0;
  const t = term.text;
  const group = (doc.fields[f] as Field).group;
  // `exactGroups`: the groups holding all of the term's bigrams — elsewhere it cannot occur whole.
  const at = exactGroups & (1 << group) ? text.indexOf(t) : -1;
  if (at >= 0) return found('exact', 0.8 + (0.2 * t.length) / text.length + (at === 0 ? 0.05 : 0));
  const syllables = doc.syllables[f];
  if (term.letters && syllables) {
    const m = matchPinyin(t, text, syllables);
    if (m) {
      const matched = m.end - m.start;
      return found(
        'pinyin',
        0.55 + (0.3 * matched) / text.length + 0.1 * (1 - m.initials / matched) + (m.start ? 0 : 0.05),
      );
    }
  }
  // A keyword or title inside a longer term — the agent typed a sentence around it ("客户说我们骗人").
  if (hasPinyin(group) && text.length >= 2 && t.includes(text))
    return found('inside', 0.3 + (0.4 * text.length) / t.length);
  if (fuzzy && !term.letters) {
    const s = fuzzyScore(t, text);
    if (s !== undefined) return found('fuzzy', 0.75 * (1 - s));
  }
  return 0;
}

function found(kind: MatchKind, quality: number): number {
  last.kind = kind;
  last.quality = quality;
  return quality;
}

/** Bit per match kind, for `TermMatch.kinds`. */
export const KIND_BIT: Record<MatchKind, number> = { exact: 1, pinyin: 2, inside: 4, fuzzy: 8 };

/** The kinds of match of the last `termScore` (bits of `KIND_BIT`; 0: only by shared n-grams). */
export let lastKinds = 0;

/**
 * The score of `term` for `doc` (0 = the term does not match): the best field, plus a little for each
 * further matching field. In the `fallback` pass, fuzzy matches count and so does `coverage` (the share
 * of the term's n-grams the entry holds) for longer terms that no field holds whole. `found` receives
 * each matching field (only wanted for the hits shown: highlighting).
 */
export function termScore(
  doc: Doc,
  term: Term,
  coverage: number,
  fallback: boolean,
  exactGroups: number,
  found?: FieldScore[],
): number {
  let best = 0;
  let sum = 0;
  lastKinds = 0;
  const fields = doc.fields;
  for (let f = 0; f < fields.length; f++) {
    // Phrasings and body match only whole (outside the fallback pass): skip them where the term cannot be.
    const group = (fields[f] as Field).group;
    if (!fallback && !hasPinyin(group) && !(exactGroups & (1 << group))) continue;
    const q = fieldMatch(doc, f, term, fallback, exactGroups);
    if (q === 0) continue;
    const score = (GROUP_WEIGHT[group] as number) * q;
    found?.push({ field: f, kind: last.kind, score });
    lastKinds |= KIND_BIT[last.kind];
    sum += score;
    if (score > best) best = score;
  }
  if (best > 0) return best + 0.1 * Math.min(sum - best, 2);
  // No field holds the term: a longer CJK term may still be a sentence sharing its key words with the entry.
  const length = term.text.length;
  if (!fallback || term.letters || length < 4) return 0;
  const needed = length === 4 ? 0.5 : 0.25;
  return coverage >= needed ? 0.5 * coverage : 0;
}
