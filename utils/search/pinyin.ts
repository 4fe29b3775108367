/**
 * Computes pinyin keys with pinyin-pro. Import this only where bundle size does not matter — Node scripts,
 * the options page and the background (pack import) — never from the side panel, which reads prebuilt tables.
 */
import { pinyin } from 'pinyin-pro';
import type { PinyinTable } from './pinyin-table';

const BATCH = 2000;
/**
 * pinyin-pro's reverse maximum matching (TokenizationAlgorithm.ReverseMaxMatch; a const enum, so its
 * value): half the time of its default maximum-probability segmentation, and the same readings for all
 * but about 1 in 3,000 characters of pack text — polyphones in rare contexts, which pinyin search
 * tolerates (a query typed the other way still finds the entry by its initials).
 */
const REVERSE_MAX_MATCH = 1;
const OPTIONS = { toneType: 'none', type: 'array', v: true, segmentit: REVERSE_MAX_MATCH } as const;

/** Whether a code point is a Chinese character (what `\p{Script=Han}` matches, by range: no regex per character). */
function isHan(cp: number): boolean {
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x20000 && cp <= 0x323af) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x2e80 && cp <= 0x2fdf) ||
    cp === 0x3005 ||
    cp === 0x3007 ||
    (cp >= 0x3021 && cp <= 0x3029) ||
    (cp >= 0x3038 && cp <= 0x303b)
  );
}

function hasHan(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x2e80 && isHan(text.codePointAt(i) as number)) return true;
  }
  return false;
}

/** A syllable as pinyin-pro writes it without tones: lower-case letters (ü as v); anything else is no reading. */
function isSyllable(s: string | undefined): s is string {
  if (!s) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x61 || c > 0x7a) return false;
  }
  return true;
}

/** Code points in `text` (pinyin-pro returns one reading per code point). */
function codePoints(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) n++;
  }
  return n;
}

/** The table value of one text: a syllable or '' per code point, joined by spaces. */
function keysOf(text: string, syllables: readonly string[], from: number): string {
  let out = '';
  let k = from;
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i) as number;
    if (cp > 0xffff) i++;
    const syl = syllables[k++];
    if (k - from > 1) out += ' ';
    if (isHan(cp) && isSyllable(syl)) out += syl;
  }
  return out;
}

/** Pinyin for each text containing Han characters; other texts are left out of the table. */
export function pinyinOf(texts: readonly string[]): PinyinTable {
  const seen = new Set<string>();
  const todo: string[] = [];
  for (const t of texts) {
    if (seen.has(t)) continue;
    seen.add(t);
    if (hasHan(t)) todo.push(t);
  }
  const out: Record<string, string> = {};
  // Batched: one pinyin-pro call per few thousand texts is much faster than one per text. Normalized
  // texts never contain a line break, so it separates them without joining words across texts.
  for (let start = 0; start < todo.length; start += BATCH) {
    const batch = todo.slice(start, start + BATCH);
    const joined = batch.join('\n');
    const syllables = pinyin(joined, OPTIONS);
    const aligned = syllables.length === codePoints(joined);
    let at = 0;
    for (const text of batch) {
      out[text] = aligned ? keysOf(text, syllables, at) : keysOf(text, pinyin(text, OPTIONS), 0);
      at += codePoints(text) + 1;
    }
  }
  return out;
}
