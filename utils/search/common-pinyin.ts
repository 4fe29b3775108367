/**
 * The content of common-pinyin.generated.json: one reading for each character of GB2312 level 1 (the
 * 3,755 most common Chinese characters) and of the lexicon, grouped by syllable (`pei 陪赔培…`). Search
 * reads a typed word by it to catch input-method typos (理陪 → 理赔) without bundling pinyin-pro. Built
 * at build time only (pinyin-pro); shared by the generator script and its up-to-date test.
 */
import { builtinLexicon } from '../../knowledge/lexicon';
import { pinyinOf } from './pinyin';

const HAN = /\p{Script=Han}/u;

/** GB2312 level 1: rows 0xB0–0xD7 of the encoding, decoded (Node's TextDecoder has GB2312). */
function gb2312Level1(): string[] {
  const decoder = new TextDecoder('gb2312');
  const out: string[] = [];
  for (let hi = 0xb0; hi <= 0xd7; hi++) {
    for (let lo = 0xa1; lo <= 0xfe; lo++) {
      if (hi === 0xd7 && lo > 0xf9) break;
      out.push(decoder.decode(Uint8Array.of(hi, lo)));
    }
  }
  return out;
}

export function commonPinyinJson(): string {
  const { lexicon } = builtinLexicon();
  const chars = new Set(gb2312Level1());
  for (const group of lexicon.groups)
    for (const word of group.words) for (const ch of word) if (HAN.test(ch)) chars.add(ch);
  const sorted = [...chars].filter((ch) => HAN.test(ch)).sort();
  // Each character alone: its most common reading.
  const table = pinyinOf(sorted);
  const bySyllable = new Map<string, string>();
  for (const ch of sorted) {
    const syllable = table[ch];
    if (syllable) bySyllable.set(syllable, (bySyllable.get(syllable) ?? '') + ch);
  }
  const groups = [...bySyllable].sort(([a], [b]) => (a < b ? -1 : 1)).map(([syl, cs]) => syl + cs);
  return `${JSON.stringify({ readings: groups.join(' ') })}\n`;
}
