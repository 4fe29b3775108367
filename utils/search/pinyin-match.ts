/**
 * Matches a typed term against a short field through its pinyin, character by character: each field
 * character is consumed by itself, its full syllable, its initial (`zh`/`ch`/`sh` too) or — at the end of
 * the term — a prefix of its syllable. So `tonglixin`, `tlx`, `tongl` and `保单ds` all match `同理心`/`保单丢失`.
 */
export interface PinyinMatch {
  /** UTF-16 positions [start, end) of the matched characters in the field. */
  start: number;
  end: number;
  /** Matched characters typed as initials only (less specific than full syllables). */
  initials: number;
}

const MAX_TERM = 64;
const MAX_FIELD = 256;
/** Failed (field position, term position) pairs of the current call, marked with the call's generation. */
const failed = new Uint32Array((MAX_FIELD + 1) * (MAX_TERM + 1));
let generation = 0;

let term = '';
let text = '';
let syllables: readonly string[] = [];
let initials = 0;

/** End of a match of term[j..] starting at field position i (-1: none); counts initials-only characters. */
function walk(i: number, j: number): number {
  if (j === term.length) return i;
  if (i === text.length) return -1;
  const key = i * (MAX_TERM + 1) + j;
  if (failed[key] === generation) return -1;
  if (text[i] === term[j]) {
    const r = walk(i + 1, j + 1);
    if (r >= 0) return r;
  }
  const syl = syllables[i];
  if (syl) {
    if (term.startsWith(syl, j)) {
      const r = walk(i + 1, j + syl.length);
      if (r >= 0) return r;
    }
    const rest = term.length - j;
    if (rest < syl.length && syl.startsWith(term.slice(j))) {
      if (rest === 1) initials++;
      return i + 1;
    }
    if (syl.length > 2 && syl[1] === 'h' && term.startsWith(syl.slice(0, 2), j)) {
      const r = walk(i + 1, j + 2);
      if (r >= 0) {
        initials++;
        return r;
      }
    }
    if (term[j] === syl[0]) {
      const r = walk(i + 1, j + 1);
      if (r >= 0) {
        initials++;
        return r;
      }
    }
  }
  failed[key] = generation;
  return -1;
}

/** The first match of `typed` in `field` (normalized) whose per-unit syllables are `fieldSyllables`. */
export function matchPinyin(typed: string, field: string, fieldSyllables: readonly string[]): PinyinMatch | undefined {
  if (typed.length === 0 || typed.length > MAX_TERM || field.length > MAX_FIELD) return undefined;
  generation = (generation + 1) >>> 0 || 1;
  term = typed;
  text = field;
  syllables = fieldSyllables;
  const first = typed[0];
  for (let start = 0; start < field.length; start++) {
    if (field[start] !== first && fieldSyllables[start]?.[0] !== first) continue;
    initials = 0;
    const end = walk(start, 0);
    if (end >= 0) return { start, end, initials };
  }
  return undefined;
}
