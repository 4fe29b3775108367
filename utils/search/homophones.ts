/**
 * Input-method typos: a customer types 理陪 for 理赔, 等代期 for 等待期, 保但 for 保单 — the right
 * syllables, the wrong character. A word of the query that the pack does not hold is read as pinyin
 * (common characters' readings, prebuilt: ./common-pinyin.ts) and looked up among the words that sound
 * the same: the lexicon's and the pack's own titles, keywords and tags. Sounds that many speakers and
 * input methods mix up count as the same (zh/z, ch/c, sh/s, -ng/-n).
 */

import type { SearchIndex } from './build';
import COMMON from './common-pinyin.generated.json';
import { syllablesOf } from './pinyin-table';

let readings: Map<string, string> | undefined;

/** Character → its most common syllable. */
function readingOf(ch: string): string | undefined {
  if (!readings) {
    readings = new Map();
    for (const group of COMMON.readings.split(' ')) {
      const m = /^([a-z]+)(.*)$/u.exec(group);
      if (!m) continue;
      for (const c of m[2] as string) readings.set(c, m[1] as string);
    }
  }
  return readings.get(ch);
}

/** A syllable as a speaker who mixes up the fuzzy sounds would type it. */
function blurred(syllable: string): string {
  return syllable.replace(/^([zcs])h/, '$1').replace(/ng$/, 'n');
}

/** The sound of a text (blurred syllables), or undefined when a character has no known reading. */
export function soundOf(text: string, syllables?: readonly string[]): string | undefined {
  let out = '';
  let i = 0;
  for (const ch of text) {
    const syl = syllables?.[i] || readingOf(ch);
    i += ch.length;
    if (!syl) return undefined;
    out += `${blurred(syl)} `;
  }
  return out;
}

/** Words of 2–6 characters: long enough to be a word, short enough to be one (not a sentence). */
const MIN = 2;
const MAX = 6;

const bySound = new WeakMap<SearchIndex, Map<string, string>>();

/** Sound → word, for the lexicon's words and the index's titles, keywords and tags; built on first use. */
function soundsOf(index: SearchIndex): Map<string, string> {
  let map = bySound.get(index);
  if (map) return map;
  map = new Map();
  const add = (word: string, sound: string | undefined) => {
    if (sound && !map?.has(sound)) map?.set(sound, word);
  };
  // The pack's own words first (their readings come from the index, polyphones read in context).
  for (const [text, keys] of Object.entries(index.pinyin)) {
    if (text.length < MIN || text.length > MAX) continue;
    const syllables = syllablesOf(text, keys);
    if (syllables?.every(Boolean)) add(text, soundOf(text, syllables));
  }
  for (const word of index.lexicon.groupsOf.keys()) {
    if (word.length >= MIN && word.length <= MAX && /^\p{Script=Han}+$/u.test(word)) add(word, soundOf(word));
  }
  bySound.set(index, map);
  return map;
}

/** The word of the lexicon or the pack that `text` sounds like (other than itself), if any. */
export function soundAlike(index: SearchIndex, text: string): string | undefined {
  if (text.length < MIN || text.length > MAX) return undefined;
  const sound = soundOf(text);
  if (!sound) return undefined;
  const word = soundsOf(index).get(sound);
  return word !== text ? word : undefined;
}
