/**
 * Text normalization shared by search, its evaluation and highlighting: traditional → simplified Chinese,
 * NFKC (full-width → half-width, compatibility ideographs → unified), lower case, and punctuation, symbols
 * and spaces removed. Conversion is one code point to one code point (OpenCC's character table), so every
 * normalized character maps back to one position in the original text — highlights stay exact.
 */
import TS_CHARACTERS from 'opencc-js/dict/TSCharacters';

/** BMP traditional → simplified lookup (0 = unchanged); astral code points go through `astral`. */
const bmp = new Uint32Array(0x10000);
const astral = new Map<number, number>();
for (const pair of TS_CHARACTERS.split('|')) {
  const [from, to] = pair.split(' ');
  const f = from?.codePointAt(0);
  const t = to?.codePointAt(0);
  // Only single-code-point pairs: a multi-character value would break the 1:1 position mapping.
  if (f === undefined || t === undefined || [...(from as string)].length !== 1) continue;
  if (f < 0x10000) bmp[f] = t;
  else astral.set(f, t);
}

const KEEP = /[\p{L}\p{N}]/u;
/** Normalized form of code points outside the ASCII/CJK fast paths ('' = dropped), computed once each. */
const slowCache = new Map<number, string>();

function slowPath(cp: number): string {
  let out = slowCache.get(cp);
  if (out === undefined) {
    out = '';
    for (const ch of String.fromCodePoint(cp).normalize('NFKC').toLowerCase()) {
      const c = ch.codePointAt(0) as number;
      const simplified = c < 0x10000 ? bmp[c] || c : (astral.get(c) ?? c);
      if (KEEP.test(ch)) out += String.fromCodePoint(simplified);
    }
    slowCache.set(cp, out);
  }
  return out;
}

/**
 * The normalized form of `text`; when `map` is given, pushes the original index of each normalized code unit.
 * Unchanged runs are copied with one slice each: most pack text is already simplified, lower-case CJK.
 */
function run(text: string, map?: number[]): string {
  let out = '';
  let runStart = 0;
  const len = text.length;
  for (let i = 0; i < len; i++) {
    const c = text.charCodeAt(i);
    let replacement: string;
    let width = 1;
    if (c < 0x80) {
      if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) continue;
      replacement = c >= 0x41 && c <= 0x5a ? String.fromCharCode(c + 32) : '';
    } else if (c >= 0x4e00 && c <= 0x9fff) {
      // CJK unified ideographs are NFKC-stable; only traditional forms change.
      const s = bmp[c];
      if (!s) continue;
      replacement = String.fromCodePoint(s);
    } else {
      let cp = c;
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < len) {
        const lo = text.charCodeAt(i + 1);
        if (lo >= 0xdc00 && lo <= 0xdfff) {
          cp = (c - 0xd800) * 0x400 + (lo - 0xdc00) + 0x10000;
          width = 2;
        }
      }
      replacement = slowPath(cp);
      if (replacement === String.fromCodePoint(cp)) {
        i += width - 1;
        continue;
      }
    }
    if (runStart < i) {
      out += text.slice(runStart, i);
      if (map) for (let k = runStart; k < i; k++) map.push(k);
    }
    out += replacement;
    if (map) for (let k = 0; k < replacement.length; k++) map.push(i);
    i += width - 1;
    runStart = i + 1;
  }
  if (runStart === 0) {
    if (map) for (let k = 0; k < len; k++) map.push(k);
    return text;
  }
  if (runStart < len) {
    out += text.slice(runStart);
    if (map) for (let k = runStart; k < len; k++) map.push(k);
  }
  return out;
}

/** The normalized form used for matching: `保單 丟失！` → `保单丢失`, `ＫＰＩ` → `kpi`. */
export function normalizeText(text: string): string {
  return run(text);
}

export interface NormalizedText {
  text: string;
  /** `map[k]` is the index in the original text of normalized code unit `k`; `map[text.length]` = original length. */
  map: number[];
}

/** Normalizes and keeps, for each normalized code unit, where it came from in the original text. */
export function normalizeWithMap(text: string): NormalizedText {
  const map: number[] = [];
  const out = run(text, map);
  map.push(text.length);
  return { text: out, map };
}

/**
 * Maps a half-open range of normalized positions back to the original text: from the start of the first
 * character to the end of the last one, so punctuation between matched characters is covered too.
 */
export function originalRange(n: NormalizedText, start: number, end: number, original: string): [number, number] {
  const from = n.map[start] ?? original.length;
  const lastSource = n.map[end - 1] ?? from;
  const code = original.charCodeAt(lastSource);
  const lastWidth = code >= 0xd800 && code <= 0xdbff ? 2 : 1;
  return [from, Math.min(original.length, lastSource + lastWidth)];
}
