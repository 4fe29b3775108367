/**
 * Deterministic synthetic packs and typed queries for the search benchmark. Entries recombine fragments
 * (clauses, keywords, titles) of the built-in pack with a seeded PRNG, so text looks like real pack text
 * but no entry is a copy; queries are what an agent types on the way to a word: prefixes of keywords and
 * titles in characters, traditional characters, full pinyin and initials, and two-word queries.
 */
import * as OpenCC from 'opencc-js';
import type { Entry, Guideline, Phrasing, Question } from '../../knowledge/schema';
import { pinyinOf } from '../../utils/search/pinyin';
import { mulberry32 } from '../../utils/text/hash';
import { normalizeText } from '../../utils/text/normalize';

interface Fragments {
  titles: string[];
  keywords: string[];
  tags: string[];
  clauses: string[];
}

function fragmentsOf(entries: readonly Entry[]): Fragments {
  const f: Fragments = { titles: [], keywords: [], tags: [], clauses: [] };
  const clauses = (text: string | undefined) => {
    if (text) for (const c of text.split(/[，。；！？]/)) if (c.trim().length >= 4) f.clauses.push(c.trim());
  };
  for (const e of entries) {
    f.titles.push(e.title);
    f.keywords.push(...e.keywords);
    f.tags.push(...e.tags);
    if (e.kind === 'guideline') {
      for (const t of [e.scenario, ...e.steps, ...e.phrasings, ...e.keyPoints, e.analysis, e.example]) clauses(t);
    } else if (e.kind === 'phrasing') clauses(e.text);
    else {
      clauses(e.stem);
      clauses(e.explanation);
    }
  }
  if (f.clauses.length === 0 || f.keywords.length === 0)
    throw new Error('the built-in pack has too little text to recombine');
  return f;
}

export function syntheticEntries(source: readonly Entry[], count: number, seed = 42): Entry[] {
  const f = fragmentsOf(source);
  const rand = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const some = <T>(list: readonly T[], min: number, max: number): T[] =>
    Array.from({ length: min + Math.floor(rand() * (max - min + 1)) }, () => pick(list));
  const sentence = () => `${some(f.clauses, 1, 3).join('，')}。`;
  const base = (i: number) => ({
    id: `syn-${i}`,
    title: `${pick(f.keywords)}：${pick(f.titles)}`,
    tags: [...new Set(some(f.tags, 1, 3))],
    keywords: [...new Set(some(f.keywords, 4, 10))],
    provenance: { source: 'synthetic', section: 'bench', number: i + 1 },
    reviewedAt: '2026-11-23',
  });
  return Array.from({ length: count }, (_, i): Entry => {
    const r = rand();
    if (r < 0.5) {
      const g: Guideline = {
        kind: 'guideline',
        ...base(i),
        scenario: sentence(),
        steps: some(f.clauses, 3, 6).map((c) => `${c}。`),
        phrasings: Array.from({ length: 1 + Math.floor(rand() * 3) }, sentence),
        keyPoints: Array.from({ length: 2 + Math.floor(rand() * 3) }, sentence),
        analysis: sentence(),
        example: Array.from({ length: 3 }, sentence).join(''),
      };
      return g;
    }
    if (r < 0.7) {
      const p: Phrasing = { kind: 'phrasing', ...base(i), text: sentence(), situation: sentence() };
      return p;
    }
    const q: Question = {
      kind: 'question',
      ...base(i),
      questionType: 'single',
      stem: sentence(),
      options: ['A', 'B', 'C', 'D'].map((key) => ({ key, text: pick(f.clauses) })),
      answer: 'A',
      explanation: Array.from({ length: 2 }, sentence).join(''),
    };
    return q;
  });
}

export interface BenchQuery {
  q: string;
  mode: 'prefix' | 'traditional' | 'pinyin' | 'initials' | 'mixed' | 'two-words';
}

const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });

/** Prefixes of words as they are typed, from keywords and titles of random entries. */
export function typedQueries(entries: readonly Entry[], count: number, seed = 7): BenchQuery[] {
  const rand = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const words = () => {
    const e = pick(entries);
    return pick([e.title.split('：')[0] as string, ...e.keywords]);
  };
  const prefix = (w: string, min = 1) => w.slice(0, Math.min(w.length, min + Math.floor(rand() * w.length)));
  const out: BenchQuery[] = [];
  while (out.length < count) {
    const word = normalizeText(words());
    if (word.length < 2) continue;
    const syllables = (pinyinOf([word])[word] ?? '').split(' ');
    const hasPinyin = syllables.every(Boolean);
    const r = rand();
    if (r < 0.4) out.push({ q: prefix(word), mode: 'prefix' });
    else if (r < 0.5) out.push({ q: toTraditional(prefix(word, 2)), mode: 'traditional' });
    else if (r < 0.65 && hasPinyin) out.push({ q: prefix(syllables.join(''), 2), mode: 'pinyin' });
    else if (r < 0.8 && hasPinyin) out.push({ q: prefix(syllables.map((s) => s[0]).join(''), 2), mode: 'initials' });
    else if (r < 0.9 && hasPinyin && word.length >= 3)
      out.push({
        q:
          word.slice(0, 2) +
          syllables
            .slice(2)
            .map((s) => s[0])
            .join(''),
        mode: 'mixed',
      });
    else out.push({ q: `${word} ${prefix(normalizeText(words()), 2)}`, mode: 'two-words' });
  }
  return out;
}

/**
 * Customer messages as pasted from tickets, about `length` characters each: our dev set's customer
 * messages (tests/unit/search-dev-set.json) strung together, greeting first, as a long message rambles.
 */
export function pastedMessages(customer: readonly string[], count: number, length = 300, seed = 11): string[] {
  if (customer.length === 0) throw new Error('no customer messages to paste');
  const rand = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const openers = ['你好，', '您好，在吗？', '喂，客服，', '麻烦看一下，', ''];
  return Array.from({ length: count }, () => {
    let text = pick(openers);
    while (text.length < length) text += `${pick(customer)}。`;
    return text.slice(0, length);
  });
}

/**
 * Pinyin-like strings of 20–30 letters that match nothing: syllables of the pack's titles run together
 * with a slip in them — what an agent typing a whole phrase in pinyin, or mashing keys, produces.
 */
export function longPinyinQueries(entries: readonly Entry[], count: number, seed = 13): string[] {
  const rand = mulberry32(seed);
  const titles = entries.map((e) => normalizeText(e.title)).filter((t) => /\p{Script=Han}/u.test(t));
  const table = pinyinOf(titles);
  const syllables = [...new Set(Object.values(table).flatMap((keys) => keys.split(' ').filter(Boolean)))];
  if (syllables.length === 0) throw new Error('no syllables to build pinyin queries from');
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  return Array.from({ length: count }, () => {
    const target = 20 + Math.floor(rand() * 11);
    let word = '';
    while (word.length < target) word += pick(syllables);
    word = word.slice(0, target);
    // One slip: two neighbouring letters swapped.
    const at = 1 + Math.floor(rand() * (word.length - 2));
    return word.slice(0, at) + (word[at + 1] as string) + (word[at] as string) + word.slice(at + 2);
  });
}
