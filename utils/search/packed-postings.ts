/**
 * Postings in a compact, JSON-safe form for the index cache, so loading a cached index reads its n-gram
 * postings instead of normalizing every field and rebuilding them (half the load time of a 10,000-entry
 * pack). Per n-gram, each posting is written as (document gap × 16 + group mask) in base-46 digits of
 * printable ASCII: one byte each in storage, and characters no JSON writer escapes.
 */
import type { Postings } from './build';

export interface PackedPostings {
  /** The n-gram keys (see `gramKey`), in storage order. */
  keys: number[];
  /** How many postings each key has. */
  counts: number[];
  /** The postings of every key, one after another. */
  data: string;
}

const BASE = 46;
/** Printable ASCII minus `"`, `\` and `<` (Chromium's JSON writer escapes `<`): 92 characters. */
const ALPHABET = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i))
  .filter((c) => !'"\\<'.includes(c))
  .join('');
/** Digit of each character: < BASE ends a number, ≥ BASE is a lower digit followed by more; -1 = invalid. */
const DIGIT = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DIGIT[ALPHABET.charCodeAt(i)] = i;

function put(out: string[], value: number): void {
  let v = value;
  while (v >= BASE) {
    out.push(ALPHABET[BASE + (v % BASE)] as string);
    v = Math.floor(v / BASE);
  }
  out.push(ALPHABET[v] as string);
}

export function packPostings(postings: Postings): PackedPostings {
  const keys: number[] = [];
  const counts: number[] = [];
  const out: string[] = [];
  for (const [key, list] of postings) {
    keys.push(key);
    counts.push(list.length);
    let prev = -1;
    for (const p of list) {
      const doc = p >> 4;
      put(out, (doc - prev) * 16 + (p & 15));
      prev = doc;
    }
  }
  return { keys, counts, data: out.join('') };
}

/**
 * The postings back, as views into one shared array. Throws on anything `packPostings` cannot have
 * written (bad characters, counts that do not add up, a document ≥ `docCount`): the caller rebuilds then.
 */
export function unpackPostings(packed: PackedPostings, docCount: number): Postings {
  const { keys, counts, data } = packed;
  if (!Array.isArray(keys) || !Array.isArray(counts) || typeof data !== 'string' || keys.length !== counts.length) {
    throw new Error('not packed postings');
  }
  let total = 0;
  for (const c of counts) {
    if (!Number.isInteger(c) || c < 0) throw new Error('bad posting count');
    total += c;
  }
  const all = new Int32Array(total);
  let n = 0;
  let at = 0;
  const out: Postings = new Map();
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k];
    if (!Number.isInteger(key)) throw new Error('bad n-gram key');
    const start = n;
    const end = n + (counts[k] as number);
    let doc = -1;
    while (n < end) {
      let v = 0;
      let scale = 1;
      for (;;) {
        const c = data.charCodeAt(at++);
        const digit = c < 128 ? (DIGIT[c] as number) : -1;
        if (digit < 0) throw new Error('bad postings data');
        if (digit < BASE) {
          v += digit * scale;
          break;
        }
        v += (digit - BASE) * scale;
        scale *= BASE;
      }
      const mask = v % 16;
      doc += (v - mask) / 16;
      if (mask === 0 || doc >= docCount || v < 16) throw new Error('bad posting');
      all[n++] = doc * 16 + mask;
    }
    out.set(key as number, all.subarray(start, end));
  }
  if (at !== data.length) throw new Error('postings data left over');
  return out;
}
