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

/**
 * Collects (n-gram, document, group bit) occurrences in flat typed arrays, then groups them per n-gram
 * with a counting sort into one shared array: far less garbage than a growing array per n-gram.
 */
class PostingsBuilder {
  /** Id + 1 of single-unit keys (a direct table is faster than the map), id of pairs. */
  private single = new Int32Array(0x10000);
  private ids = new Map<number, number>();
  private keys: number[] = [];
  private occId = new Int32Array(1 << 16);
  private occVal = new Int32Array(1 << 16);
  private n = 0;

  add(key: number, doc: number, bit: number): void {
    // Pair keys can be negative (a high first unit sets the sign bit); single units are 0…0xffff.
    const single = key >= 0 && key < 0x10000;
    let id = single ? (this.single[key] as number) - 1 : (this.ids.get(key) ?? -1);
    if (id < 0) {
      id = this.keys.length;
      if (single) this.single[key] = id + 1;
      else this.ids.set(key, id);
      this.keys.push(key);
    }
    if (this.n === this.occId.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.occId = grow(this.occId);
      this.occVal = grow(this.occVal);
    }
    this.occId[this.n] = id;
    this.occVal[this.n] = doc * 16 + bit;
    this.n++;
  }

  build(): Postings {
    const { keys, occId, occVal, n } = this;
    const start = new Int32Array(keys.length + 1);
    const last = new Int32Array(keys.length).fill(-1);
    for (let i = 0; i < n; i++) {
      const id = occId[i] as number;
      const d = (occVal[i] as number) >> 4;
      if (last[id] !== d) {
        last[id] = d;
        start[id + 1] = (start[id + 1] as number) + 1;
      }
    }
    for (let id = 0; id < keys.length; id++) start[id + 1] = (start[id + 1] as number) + (start[id] as number);
    const all = new Int32Array(start[keys.length] as number);
    const pos = start.slice(0, keys.length);
    last.fill(-1);
    // Occurrences arrive in document order, so each n-gram's postings come out sorted; a repeat within a
    // document adds its group bit to that document's posting.
    for (let i = 0; i < n; i++) {
      const id = occId[i] as number;
      const v = occVal[i] as number;
      if (last[id] !== v >> 4) {
        last[id] = v >> 4;
        all[pos[id] as number] = v;
        pos[id] = (pos[id] as number) + 1;
      } else {
        const at = (pos[id] as number) - 1;
        all[at] = (all[at] as number) | (v & 15);
      }
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

function addSyllables(doc: Doc, table: PinyinTable): void {
  doc.fields.forEach((f, i) => {
    if (!hasPinyin(f.group)) return;
    const norm = doc.norm[i] as string;
    doc.syllables[i] = syllablesOf(norm, Object.hasOwn(table, norm) ? table[norm] : undefined);
  });
}

export function buildDocs(entries: readonly Entry[], pinyin: PinyinSource): { docs: Doc[]; table: PinyinTable } {
  const docs = entries.map(startDoc);
  // One call for every text: pinyin-pro is much faster on a batch than text by text.
  const table = pinyin(docs.flatMap(pinyinTexts));
  for (const doc of docs) addSyllables(doc, table);
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
  const grams = new PostingsBuilder();
  const pinyinGrams = new PostingsBuilder();
  for (let d = 0; d < docs.length; d++) {
    const doc = docs[d] as Doc;
    for (let f = 0; f < doc.fields.length; f++) {
      const text = doc.norm[f] as string;
      const group = (doc.fields[f] as Field).group;
      const bit = 1 << group;
      // Single characters only outside the body: a one-character query is the start of a word being
      // typed, and body text would bury the titles and keywords that start with it.
      if (group !== BODY) for (let i = 0; i < text.length; i++) grams.add(text.charCodeAt(i), d, bit);
      for (let i = 0; i + 1 < text.length; i++) grams.add(gramKey(text, i, 2), d, bit);
      const syllables = doc.syllables[f];
      if (syllables) {
        const initials = initialsOf(text, syllables);
        for (let i = 0; i < initials.length; i++) pinyinGrams.add(initials.charCodeAt(i), d, bit);
        for (let i = 0; i + 1 < initials.length; i++) pinyinGrams.add(gramKey(initials, i, 2), d, bit);
      }
    }
  }
  return { grams: grams.build(), pinyinGrams: pinyinGrams.build() };
}

export function createIndex(
  entries: readonly Entry[],
  pinyin: PinyinSource,
  synonyms: readonly (readonly string[])[] = [],
): SearchIndex {
  const { docs, table } = buildDocs(entries, pinyin);
  return {
    entries,
    docs,
    ...buildPostings(docs),
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
