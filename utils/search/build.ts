/**
 * Building the search index: every searchable field normalized once, and inverted indexes from character
 * n-grams (bigrams everywhere, single characters in titles, keywords and phrasings) and from pinyin
 * letter n-grams to entries. Queries read only the postings of their own n-grams, so a query's cost
 * follows how many entries share its n-grams, not the pack size.
 */
import type { Entry } from '../../knowledge/schema';
import { normalizeText } from '../text/normalize';
import { BODY, entryFields, type Field, hasPinyin } from './fields';
import { type CompiledLexicon, lexiconWith } from './lexicon';
import { type PinyinSource, type PinyinTable, syllablesOf } from './pinyin-table';

export interface Doc {
  entry: Entry;
  fields: Field[];
  /** Normalized text per field (same order as `fields`). */
  norm: string[];
  /** Pinyin syllable per UTF-16 unit of the normalized text ('' = none), for fields with pinyin keys. */
  syllables: (string[] | undefined)[];
  /** Normalized tags, for `tag:` filters. */
  tags: string[];
}

/**
 * Postings per n-gram key (see `gramKey`): `docIndex * 16 + mask of the field groups (bit = group)` where
 * the n-gram occurs, ascending by document.
 */
export type Postings = Map<number, Int32Array>;

/**
 * N-gram → integer key, so building and lookups hash small integers instead of creating strings:
 * one code unit is its own value (0…0xffff), a pair is the 32-bit `(a << 16) | b`, never in 0…0xffff since
 * a ≠ 0 (negative when a ≥ 0x8000).
 */
export function gramKey(text: string, at: number, length: 1 | 2): number {
  const a = text.charCodeAt(at);
  return length === 1 ? a : (a << 16) | text.charCodeAt(at + 1);
}

export interface SearchIndex {
  readonly entries: readonly Entry[];
  readonly docs: readonly Doc[];
  readonly grams: Postings;
  /** Initials n-grams (`tlx` for 同理心; other characters stand for themselves). */
  readonly pinyinGrams: Postings;
  /** Every syllable in the index, and every prefix of one: how typed pinyin is split into syllables. */
  readonly syllables: ReadonlySet<string>;
  readonly syllablePrefixes: ReadonlySet<string>;
  /** The pinyin keys this index uses (what `serializeIndex` stores). */
  readonly pinyin: PinyinTable;
  /** The pack's own synonym groups (stored with the index), and the lexicon they extend. */
  readonly synonyms: readonly (readonly string[])[];
  readonly lexicon: CompiledLexicon;
}

/** Grows a typed array to at least `size` (doubling), keeping its content. */
function grown(a: Int32Array<ArrayBuffer>, size: number, fill = 0): Int32Array<ArrayBuffer> {
  if (size <= a.length) return a;
  let length = a.length * 2;
  while (length < size) length *= 2;
  const b = new Int32Array(length);
  if (fill) b.fill(fill, a.length);
  b.set(a);
  return b;
}

/**
 * Collects (n-gram, document, group bits) postings in flat typed arrays — one per n-gram and document,
 * repeats within a document merged as they come — then groups them per n-gram with a counting sort into
 * one shared array. N-gram keys get ids from a direct table (single units) or an open-addressing hash
 * table (pairs): millions of additions without a Map lookup or an object each.
 */
class PostingsBuilder {
  /** Id + 1 of single-unit keys. */
  private single = new Int32Array(0x10000);
  /** Open addressing for pair keys: key and id + 1 (0 = empty slot). */
  private slotKey = new Int32Array(1 << 16);
  private slotId = new Int32Array(1 << 16);
  private pairs = 0;
  private keys: number[] = [];
  /** Per id: the last document it was added for, and where that posting is. */
  private lastDoc = new Int32Array(1 << 12).fill(-1);
  private lastAt = new Int32Array(1 << 12);
  private occId: Int32Array<ArrayBuffer>;
  private occVal: Int32Array<ArrayBuffer>;
  private n = 0;

  /** `expected`: how many postings at most will be added (more still works, by growing). */
  constructor(expected: number) {
    this.occId = new Int32Array(Math.max(16, expected));
    this.occVal = new Int32Array(Math.max(16, expected));
  }

  private pairId(key: number): number {
    let mask = this.slotKey.length - 1;
    let h = Math.imul(key, 0x9e3779b1) >>> 0;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const id = this.slotId[i] as number;
      if (id === 0) break;
      if (this.slotKey[i] === key) return id - 1;
    }
    if (++this.pairs * 2 > this.slotKey.length) {
      this.rehash();
      mask = this.slotKey.length - 1;
    }
    const id = this.newId(key);
    h = Math.imul(key, 0x9e3779b1) >>> 0;
    let i = h & mask;
    while (this.slotId[i] !== 0) i = (i + 1) & mask;
    this.slotKey[i] = key;
    this.slotId[i] = id + 1;
    return id;
  }

  private rehash(): void {
    const oldKey = this.slotKey;
    const oldId = this.slotId;
    this.slotKey = new Int32Array(oldKey.length * 2);
    this.slotId = new Int32Array(oldId.length * 2);
    const mask = this.slotKey.length - 1;
    for (let j = 0; j < oldKey.length; j++) {
      if (oldId[j] === 0) continue;
      let i = (Math.imul(oldKey[j] as number, 0x9e3779b1) >>> 0) & mask;
      while (this.slotId[i] !== 0) i = (i + 1) & mask;
      this.slotKey[i] = oldKey[j] as number;
      this.slotId[i] = oldId[j] as number;
    }
  }

  private newId(key: number): number {
    const id = this.keys.length;
    this.keys.push(key);
    if (id >= this.lastDoc.length) {
      this.lastDoc = grown(this.lastDoc, id + 1, -1);
      this.lastAt = grown(this.lastAt, id + 1);
    }
    return id;
  }

  add(key: number, doc: number, bit: number): void {
    // Pair keys can be negative (a high first unit sets the sign bit); single units are 0…0xffff.
    let id: number;
    if (key >= 0 && key < 0x10000) {
      id = (this.single[key] as number) - 1;
      if (id < 0) {
        id = this.newId(key);
        this.single[key] = id + 1;
      }
    } else id = this.pairId(key);
    if (this.lastDoc[id] === doc) {
      const at = this.lastAt[id] as number;
      this.occVal[at] = (this.occVal[at] as number) | bit;
      return;
    }
    if (this.n === this.occId.length) {
      this.occId = grown(this.occId, this.n + 1);
      this.occVal = grown(this.occVal, this.n + 1);
    }
    this.lastDoc[id] = doc;
    this.lastAt[id] = this.n;
    this.occId[this.n] = id;
    this.occVal[this.n] = doc * 16 + bit;
    this.n++;
  }

  build(): Postings {
    const { keys, occId, occVal, n } = this;
    const start = new Int32Array(keys.length + 1);
    for (let i = 0; i < n; i++) {
      const id = occId[i] as number;
      start[id + 1] = (start[id + 1] as number) + 1;
    }
    for (let id = 0; id < keys.length; id++) start[id + 1] = (start[id + 1] as number) + (start[id] as number);
    const all = new Int32Array(n);
    const pos = start.slice(0, keys.length);
    // Occurrences arrive in document order, so each n-gram's postings come out sorted.
    for (let i = 0; i < n; i++) {
      const id = occId[i] as number;
      all[pos[id] as number] = occVal[i] as number;
      pos[id] = (pos[id] as number) + 1;
    }
    const out: Postings = new Map();
    keys.forEach((key, id) => {
      out.set(key, all.subarray(start[id] as number, start[id + 1] as number));
    });
    return out;
  }
}

/** Initials of a field (`tlx` for 同理心); characters without pinyin stand for themselves. */
export function initialsOf(text: string, syllables: readonly string[]): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += (syllables[i] as string)[0] ?? text[i];
  return out;
}

/** A document's fields, normalized, with its tags; syllables are added by `addSyllables`. */
function startDoc(entry: Entry): Doc {
  const fields = entryFields(entry);
  return {
    entry,
    fields,
    norm: fields.map((f) => normalizeText(f.text)),
    syllables: [],
    tags: entry.tags.map(normalizeText),
  };
}

/** The normalized texts of a document that get pinyin keys. */
function pinyinTexts(doc: Doc): string[] {
  return doc.fields.flatMap((f, i) => (hasPinyin(f.group) ? [doc.norm[i] as string] : []));
}

function addSyllables(doc: Doc, table: PinyinTable, seen?: Map<string, string[] | undefined>): void {
  doc.fields.forEach((f, i) => {
    if (!hasPinyin(f.group)) return;
    const norm = doc.norm[i] as string;
    // The same keyword in many entries: one array, shared (it is never changed).
    if (seen?.has(norm)) {
      doc.syllables[i] = seen.get(norm);
      return;
    }
    const syllables = syllablesOf(norm, Object.hasOwn(table, norm) ? table[norm] : undefined);
    seen?.set(norm, syllables);
    doc.syllables[i] = syllables;
  });
}

/** Reports how long each phase of a build took (for `npm run bench`); the default reports nothing. */
export type PhaseTimer = <T>(phase: BuildPhase, run: () => T) => T;
export type BuildPhase = 'fields' | 'pinyin' | 'syllables' | 'postings';
export const untimed: PhaseTimer = (_phase, run) => run();

export function buildDocs(
  entries: readonly Entry[],
  pinyin: PinyinSource,
  timed: PhaseTimer = untimed,
): { docs: Doc[]; table: PinyinTable } {
  const docs = timed('fields', () => entries.map(startDoc));
  // One call for every text: pinyin-pro is much faster on a batch than text by text.
  const table = timed('pinyin', () => pinyin(docs.flatMap(pinyinTexts)));
  timed('syllables', () => {
    const seen = new Map<string, string[] | undefined>();
    for (const doc of docs) addSyllables(doc, table, seen);
  });
  return { docs, table };
}

/**
 * A document prepared on first use. A loaded index has its postings already, so only the candidates of
 * a query need their fields normalized: loading skips normalizing 10,000 entries up front.
 */
class LazyDoc implements Doc {
  private full: Doc | undefined;
  constructor(
    readonly entry: Entry,
    private readonly pinyin: PinyinSource,
  ) {}

  private get doc(): Doc {
    if (!this.full) {
      try {
        const doc = startDoc(this.entry);
        addSyllables(doc, this.pinyin(pinyinTexts(doc)));
        this.full = doc;
      } catch {
        // A damaged cached entry: it matches nothing rather than breaking every search that reaches it.
        this.full = { entry: this.entry, fields: [], norm: [], syllables: [], tags: [] };
      }
    }
    return this.full;
  }
  get fields() {
    return this.doc.fields;
  }
  get norm() {
    return this.doc.norm;
  }
  get syllables() {
    return this.doc.syllables;
  }
  get tags() {
    return this.doc.tags;
  }
}

function syllablesIn(table: PinyinTable): Set<string> {
  const syllables = new Set<string>();
  for (const keys of Object.values(table)) for (const syl of keys.split(' ')) if (syl) syllables.add(syl);
  return syllables;
}

function inventory(syllables: Set<string>): { syllables: Set<string>; syllablePrefixes: Set<string> } {
  const syllablePrefixes = new Set<string>();
  for (const syl of syllables) for (let n = 1; n <= syl.length; n++) syllablePrefixes.add(syl.slice(0, n));
  return { syllables, syllablePrefixes };
}

export function buildPostings(docs: readonly Doc[]): { grams: Postings; pinyinGrams: Postings } {
  let units = 0;
  for (const doc of docs) for (const text of doc.norm) units += text.length;
  // Sized for the worst case up front (a bigram and a character per unit): no copying while adding.
  const grams = new PostingsBuilder(2 * units);
  const pinyinGrams = new PostingsBuilder(units >> 2);
  for (let d = 0; d < docs.length; d++) {
    const doc = docs[d] as Doc;
    for (let f = 0; f < doc.fields.length; f++) {
      const text = doc.norm[f] as string;
      if (!text) continue;
      const group = (doc.fields[f] as Field).group;
      const bit = 1 << group;
      // Single characters only outside the body: a one-character query is the start of a word being
      // typed, and body text would bury the titles and keywords that start with it.
      let prev = text.charCodeAt(0);
      if (group !== BODY) grams.add(prev, d, bit);
      for (let i = 1; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (group !== BODY) grams.add(c, d, bit);
        grams.add((prev << 16) | c, d, bit);
        prev = c;
      }
      const syllables = doc.syllables[f];
      if (syllables) {
        // The field's initials (`tlx` for 同理心), read unit by unit without building the string.
        let before = -1;
        for (let i = 0; i < text.length; i++) {
          const c = syllables[i] ? (syllables[i] as string).charCodeAt(0) : text.charCodeAt(i);
          pinyinGrams.add(c, d, bit);
          if (before >= 0) pinyinGrams.add((before << 16) | c, d, bit);
          before = c;
        }
      }
    }
  }
  return { grams: grams.build(), pinyinGrams: pinyinGrams.build() };
}

export function createIndex(
  entries: readonly Entry[],
  pinyin: PinyinSource,
  synonyms: readonly (readonly string[])[] = [],
  timed: PhaseTimer = untimed,
): SearchIndex {
  const { docs, table } = buildDocs(entries, pinyin, timed);
  return {
    entries,
    docs,
    ...timed('postings', () => buildPostings(docs)),
    pinyin: table,
    ...inventory(syllablesIn(table)),
    synonyms,
    lexicon: lexiconWith(synonyms),
  };
}

/**
 * An index from its parts as cached: prebuilt postings, the syllables of `table` (splitting 10,000
 * entries' keys again costs more than storing the few hundred), and documents prepared lazily with
 * pinyin from `pinyin` (which must agree with `table`, the keys the postings were built with).
 */
export function restoreIndex(
  entries: readonly Entry[],
  table: PinyinTable,
  syllables: readonly string[],
  pinyin: PinyinSource,
  postings: { grams: Postings; pinyinGrams: Postings },
  synonyms: readonly (readonly string[])[] = [],
): SearchIndex {
  const docs = entries.map((entry) => new LazyDoc(entry, pinyin));
  return {
    entries,
    docs,
    ...postings,
    pinyin: table,
    ...inventory(new Set(syllables)),
    synonyms,
    lexicon: lexiconWith(synonyms),
  };
}
