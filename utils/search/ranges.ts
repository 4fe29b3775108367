/**
 * Highlight ranges for the hits shown: where each term matched in a field, found in the normalized text
 * and mapped back to positions in the original text (full-width, traditional and punctuation included).
 */
import Fuse from 'fuse.js/basic';
import { type NormalizedText, normalizeWithMap, originalRange } from '../text/normalize';
import type { Doc } from './build';
import { matchPinyin } from './pinyin-match';
import { fuzzyThreshold, type MatchKind } from './score';
import type { Range } from './types';

const MAX_RANGES = 20;

type NormRange = [number, number];

function occurrences(text: string, needle: string, out: NormRange[]): void {
  if (!needle) return;
  for (let at = text.indexOf(needle); at >= 0 && out.length < MAX_RANGES; at = text.indexOf(needle, at + needle.length))
    out.push([at, at + needle.length]);
}

/** Normalized ranges of `term` in field `f`, for the way it matched there. */
export function termRanges(doc: Doc, f: number, term: string, kind: MatchKind): NormRange[] {
  const text = doc.norm[f] as string;
  const out: NormRange[] = [];
  if (kind === 'exact') occurrences(text, term, out);
  else if (kind === 'inside') out.push([0, text.length]);
  else if (kind === 'pinyin') {
    const syllables = doc.syllables[f];
    const m = syllables ? matchPinyin(term, text, syllables) : undefined;
    if (m) out.push([m.start, m.end]);
  } else {
    const result = Fuse.match(term, text, {
      ignoreLocation: true,
      threshold: fuzzyThreshold(term.length),
      isCaseSensitive: true,
      includeMatches: true,
    });
    // The typo splits the word into runs (同里心 in 同理心: 同, 心): runs one character apart are one
    // match, the wrong character included; what is left of one character alone is noise.
    const runs: NormRange[] = [];
    for (const [s, e] of result.indices ?? []) {
      const prev = runs[runs.length - 1];
      if (prev && s - prev[1] <= 1) prev[1] = e + 1;
      else runs.push([s, e + 1]);
    }
    for (const r of runs) if (r[1] - r[0] >= 2) out.push(r);
  }
  return out;
}

/** Ranges of the given bigrams in a field (for passages and partly matching terms). */
export function gramRanges(doc: Doc, f: number, grams: readonly string[]): NormRange[] {
  const out: NormRange[] = [];
  const text = doc.norm[f] as string;
  for (const g of grams) occurrences(text, g, out);
  return out;
}

/** Position maps of recently highlighted texts: typing highlights the same top entries keystroke after keystroke. */
const maps = new Map<string, NormalizedText>();
const CACHED_MAPS = 1000;

function mapOf(original: string): NormalizedText {
  let n = maps.get(original);
  if (!n) {
    if (maps.size >= CACHED_MAPS) maps.clear();
    n = normalizeWithMap(original);
    maps.set(original, n);
  }
  return n;
}

/** Normalized ranges of field `f` → merged ranges in its original text. */
export function toOriginal(doc: Doc, f: number, ranges: readonly NormRange[]): Range[] {
  const original = (doc.fields[f] as { text: string }).text;
  const n = mapOf(original);
  const mapped = ranges
    .filter(([s, e]) => e > s && e <= n.text.length)
    .map(([s, e]) => originalRange(n, s, e, original))
    .sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const r of mapped) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push(r);
  }
  return out;
}
