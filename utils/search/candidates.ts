/**
 * First stage of a query: the n-grams of a term are looked up in the inverted indexes and each entry
 * collects the inverse-document-frequency weight of the n-grams it contains, scaled by the best field
 * group they occur in. Only the best-collecting entries reach the (costlier) field-by-field scoring.
 */
import { gramKey, type SearchIndex } from './build';
import { GROUP_WEIGHT } from './fields';

/** Weight of a single-character n-gram relative to a bigram: it only helps typos and one-character queries. */
const UNIGRAM = 0.35;

/** GROUP_WEIGHT of the best group in a posting's group mask. */
const MASK_WEIGHT = Array.from({ length: 16 }, (_, mask) => {
  for (let g = 0; g < 4; g++) if (mask & (1 << g)) return GROUP_WEIGHT[g] as number;
  return 0;
});

export interface Gram {
  postings: Int32Array | undefined;
  weight: number;
  /** Part of the term's text itself (its bigrams): an entry must hold all of them to contain the term. */
  required: boolean;
}

/**
 * Per-document sums of one term, in buffers reused across queries (no 10k-element allocations per
 * keystroke); valid until `release`.
 */
export interface Accumulated {
  /** Collected weight per document index (0 = none of the n-grams). */
  acc: Float64Array;
  /** Required n-grams found per document, and the field groups (bit mask) holding all of them. */
  count: Uint16Array;
  mask: Uint8Array;
  /** Documents with a non-zero weight: `touched[0 … size)`. */
  touched: Int32Array;
  size: number;
  /** How many required n-grams the term has. */
  need: number;
  /** The weight of an entry holding every n-gram in its title: divides `acc` into a 0–1 coverage. */
  max: number;
}

const buffers = new WeakMap<object, Accumulated[]>();

/** Field groups (bit mask) of document `d` that can contain the whole term (all its bigrams are there). */
export function exactGroups(a: Accumulated, d: number): number {
  return a.count[d] === a.need ? (a.mask[d] as number) : 0;
}

function idf(index: SearchIndex, postings: Int32Array | undefined): number {
  return Math.log(1 + index.docs.length / (postings ? postings.length : 0.5));
}

function keys(text: string, length: 1 | 2): number[] {
  const out = new Set<number>();
  for (let i = 0; i + length <= text.length; i++) out.add(gramKey(text, i, length));
  return [...out];
}

/**
 * What typed letters stand for as initials: complete syllables count by their first letter (`chuting`
 * → `ct`), as does a syllable being typed at the end (`tongl` → `tl`) and `zh`/`ch`/`sh`; any other
 * letter is an initial itself (`tlx`). Syllables are those of the index, so no pinyin table is needed.
 */
export function typedInitials(index: SearchIndex, text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    if (index.syllablePrefixes.has(text.slice(i))) {
      out += text[i];
      break;
    }
    let n = Math.min(6, text.length - i);
    while (n > 1 && !index.syllables.has(text.slice(i, i + n))) n--;
    if (n === 1 && text[i + 1] === 'h' && 'zcs'.includes(text[i] as string)) n = 2;
    out += text[i];
    i += n;
  }
  return out;
}

/** N-grams of a typed term: bigrams; single characters too for 1-character and 3+-character terms (typos). */
export function termGrams(index: SearchIndex, text: string, letters: boolean): Gram[] {
  const out: Gram[] = [];
  const push = (map: Map<number, Int32Array>, key: number, scale: number, required: boolean) => {
    const postings = map.get(key);
    out.push({ postings, weight: scale * idf(index, postings), required });
  };
  if (text.length === 1) push(index.grams, gramKey(text, 0, 1), 1, true);
  for (const k of keys(text, 2)) push(index.grams, k, 1, true);
  if (text.length >= 3) for (const k of keys(text, 1)) push(index.grams, k, UNIGRAM, false);
  if (letters) {
    // Initials as typed (`tlx`) and as read from syllables (`chuting` → `ct`); short terms are ambiguous.
    const initials = new Set([typedInitials(index, text)]);
    if (text.length <= 3) initials.add(text);
    for (const i of initials) {
      if (i.length === 1) push(index.pinyinGrams, gramKey(i, 0, 1), 1, false);
      for (const k of keys(i, 2)) push(index.pinyinGrams, k, 1, false);
    }
  }
  return out;
}

/** Sums the n-gram weights per document into the `slot`-th reusable buffer of this index. */
export function accumulate(index: SearchIndex, grams: readonly Gram[], slot: number): Accumulated {
  const n = index.docs.length;
  let pool = buffers.get(index);
  if (!pool) {
    pool = [];
    buffers.set(index, pool);
  }
  let a = pool[slot];
  if (!a) {
    a = {
      acc: new Float64Array(n),
      count: new Uint16Array(n),
      mask: new Uint8Array(n),
      touched: new Int32Array(n),
      size: 0,
      need: 0,
      max: 0,
    };
    pool[slot] = a;
  }
  const { acc, count, mask, touched } = a;
  let size = 0;
  let max = 0;
  let need = 0;
  for (const { postings, weight, required } of grams) {
    max += weight;
    if (required) need++;
    if (!postings) continue;
    for (let k = 0; k < postings.length; k++) {
      const p = postings[k] as number;
      const d = p >> 4;
      const m = p & 15;
      if (acc[d] === 0) touched[size++] = d;
      acc[d] = (acc[d] as number) + weight * (MASK_WEIGHT[m] as number);
      if (required) {
        mask[d] = count[d] === 0 ? m : (mask[d] as number) & m;
        count[d] = (count[d] as number) + 1;
      }
    }
  }
  a.size = size;
  a.need = need;
  a.max = max * (GROUP_WEIGHT[0] as number);
  return a;
}

/** Clears what `accumulate` wrote, so the buffer is zero for the next query. */
export function release(a: Accumulated): void {
  for (let i = 0; i < a.size; i++) {
    const d = a.touched[i] as number;
    a.acc[d] = 0;
    a.count[d] = 0;
    a.mask[d] = 0;
  }
  a.size = 0;
}

/** The k-th smallest value of `values` (0-based), reordering `values`: quickselect, linear on average. */
function kthSmallest(values: Float64Array, k: number): number {
  let lo = 0;
  let hi = values.length - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >> 1] as number;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((values[i] as number) < pivot) i++;
      while ((values[j] as number) > pivot) j--;
      if (i <= j) {
        const t = values[i] as number;
        values[i] = values[j] as number;
        values[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return values[k] as number;
}

/** The `count` documents with the highest `rank` (parallel to `docs`), best first; ties: earlier document first. */
export function topDocs(docs: ArrayLike<number>, rank: Float64Array, count: number): number[] {
  const n = Math.min(docs.length, rank.length);
  let chosen: number[];
  if (n <= count) chosen = Array.from({ length: n }, (_, i) => i);
  else {
    // The count-th best rank by selection, then one pass: no object per document, no full sort.
    const cut = kthSmallest(rank.slice(0, n), n - count);
    chosen = [];
    for (let i = 0; i < n; i++) if ((rank[i] as number) > cut) chosen.push(i);
    for (let i = 0; i < n && chosen.length < count; i++) if (rank[i] === cut) chosen.push(i);
  }
  return chosen
    .sort((a, b) => (rank[b] as number) - (rank[a] as number) || (docs[a] as number) - (docs[b] as number))
    .map((i) => docs[i] as number);
}
