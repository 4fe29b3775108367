/**
 * Computes pinyin keys with pinyin-pro. Import this only where bundle size does not matter — Node scripts,
 * the options page and the background (pack import) — never from the side panel, which reads prebuilt tables.
 */
import { pinyin } from 'pinyin-pro';
import type { PinyinTable } from './pinyin-table';

const HAN = /\p{Script=Han}/u;
const BATCH = 2000;
/**
 * pinyin-pro's reverse maximum matching (TokenizationAlgorithm.ReverseMaxMatch; a const enum, so its
 * value): half the time of its default maximum-probability segmentation, and the same readings for all
 * but about 1 in 3,000 characters of pack text — polyphones in rare contexts, which pinyin search
 * tolerates (a query typed the other way still finds the entry by its initials).
 */
const REVERSE_MAX_MATCH = 1;
const OPTIONS = { toneType: 'none', type: 'array', v: true, segmentit: REVERSE_MAX_MATCH } as const;

/** Pinyin for each text containing Han characters; other texts are left out of the table. */
export function pinyinOf(texts: readonly string[]): PinyinTable {
  const todo = [...new Set(texts.filter((t) => HAN.test(t)))];
  const out: Record<string, string> = {};
  // Batched: one pinyin-pro call per few thousand texts is much faster than one per text. Normalized
  // texts never contain a line break, so it separates them without joining words across texts.
  for (let start = 0; start < todo.length; start += BATCH) {
    const batch = todo.slice(start, start + BATCH);
    const chars = [...batch.join('\n')];
    const syllables = pinyin(chars.join(''), OPTIONS);
    const aligned = syllables.length === chars.length;
    let at = 0;
    for (const text of batch) {
      const own = [...text];
      const keys = aligned ? syllables.slice(at, at + own.length) : pinyin(text, OPTIONS);
      at += own.length + 1;
      out[text] = own.map((ch, i) => (HAN.test(ch) && /^[a-z]+$/.test(keys[i] ?? '') ? keys[i] : '')).join(' ');
    }
  }
  return out;
}
