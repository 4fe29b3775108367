/**
 * Spellings an agent may have meant when typed pinyin finds nothing: one slip of the fingers (a letter
 * doubled or dropped, two letters swapped) or one of the sounds input methods treat as interchangeable
 * (模糊音: in/ing, en/eng, an/ang, z/zh, c/ch, s/sh, l/n), which speakers of many dialects mix up.
 */

/** Pairs tried in both directions; the longer spelling first so `zh` is not read as `z` + `h`. */
const FUZZY_SOUNDS: readonly (readonly [string, string])[] = [
  ['ing', 'in'],
  ['eng', 'en'],
  ['ang', 'an'],
  ['zh', 'z'],
  ['ch', 'c'],
  ['sh', 's'],
  ['l', 'n'],
];

/** Letters most often dropped in pinyin: the g of -ng, the h of zh/ch/sh, vowels of ia/ua/uo/iu, n. */
const DROPPED = 'aeioughn';

/** Every string that replaces one occurrence of `from` in `word` by `to`. */
function replaceEach(word: string, from: string, to: string, out: Set<string>): void {
  for (let at = word.indexOf(from); at >= 0; at = word.indexOf(from, at + 1)) {
    out.add(word.slice(0, at) + to + word.slice(at + from.length));
  }
}

/**
 * Spellings one edit away from `word` (lowercase letters), in two tiers to try in turn: fuzzy sounds, an
 * extra letter and two neighbours swapped; then a commonly dropped letter put back. `word` itself is in neither.
 */
export function pinyinVariants(word: string): [string[], string[]] {
  const out = new Set<string>();
  for (const [a, b] of FUZZY_SOUNDS) {
    replaceEach(word, a, b, out);
    // `ing` → `in` above; `in` → `ing` only where no `g` follows already.
    for (let at = word.indexOf(b); at >= 0; at = word.indexOf(b, at + 1)) {
      if (!word.startsWith(a, at)) out.add(word.slice(0, at) + a + word.slice(at + b.length));
    }
  }
  for (let i = 0; i < word.length; i++) out.add(word.slice(0, i) + word.slice(i + 1));
  for (let i = 0; i + 1 < word.length; i++) {
    if (word[i] !== word[i + 1]) out.add(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
  }
  out.delete(word);
  const second = new Set<string>();
  // A dropped letter inside the word (not at the end: a prefix already matches while typing).
  for (let i = 1; i < word.length; i++) {
    for (const ch of DROPPED) second.add(word.slice(0, i) + ch + word.slice(i));
  }
  second.delete(word);
  for (const v of out) second.delete(v);
  return [[...out], [...second]];
}

/**
 * Whether `word` splits into whole syllables (the last one may be unfinished): a respelling that does not
 * is no word anyone meant, and skipping it keeps the fallback cheap on large packs.
 */
export function isSpelling(word: string, syllables: ReadonlySet<string>, prefixes: ReadonlySet<string>): boolean {
  // ok[i]: word[0..i) splits into whole syllables.
  const ok = new Uint8Array(word.length + 1);
  ok[0] = 1;
  for (let i = 0; i < word.length; i++) {
    if (!ok[i]) continue;
    for (let n = 1; n <= 6 && i + n <= word.length; n++) {
      const piece = word.slice(i, i + n);
      if (syllables.has(piece)) ok[i + n] = 1;
      else if (i + n === word.length && prefixes.has(piece)) return true;
    }
  }
  return ok[word.length] === 1;
}
