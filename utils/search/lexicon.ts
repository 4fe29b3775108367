/**
 * The concept lexicon as search uses it: every word normalized (so 投訴 and 投诉 are one word), each word
 * pointing to the groups it belongs to, `broader` and `related` links made symmetric (a customer's 退钱
 * is answered by a guideline on 退保, a kind of refund, as much as 退保 by one on refunds), and a team
 * pack's `synonyms` added as groups of their own. Built once per index; lookups are plain map reads.
 */
import { builtinLexicon, type Lexicon } from '../../knowledge/lexicon';
import { normalizeText } from '../text/normalize';

export interface CompiledLexicon {
  /** Normalized word → indices of the groups holding it. */
  readonly groupsOf: ReadonlyMap<string, readonly number[]>;
  /** Normalized words of each group. */
  readonly words: readonly (readonly string[])[];
  /** Groups each group is a kind of, and groups that are a kind of it. */
  readonly broader: readonly (readonly number[])[];
  /** Related groups of each group (both directions). */
  readonly related: readonly (readonly number[])[];
  /** Normalized filler words (no weight in a query). */
  readonly filler: ReadonlySet<string>;
  /** Longest word, in UTF-16 units: how far a scan of the query looks ahead. */
  readonly maxLength: number;
  /** First two units of the words and filler of 2+ units → their lengths, longest first: the query scan's index. */
  readonly lengthsByStart: ReadonlyMap<string, readonly number[]>;
}

/** Normalized, deduplicated words; dropped when normalizing leaves nothing (punctuation only). */
function normalizedWords(words: readonly string[]): string[] {
  return [...new Set(words.map(normalizeText).filter(Boolean))];
}

/**
 * Compiles groups (`related` by id) and filler words; `extra` groups (a pack's `synonyms`) are added
 * without links. A filler word that a group also holds stays a word: the group's meaning wins.
 */
export function compileLexicon(lexicon: Lexicon, extra: readonly (readonly string[])[] = []): CompiledLexicon {
  const words: string[][] = [];
  const broader: Set<number>[] = [];
  const related: Set<number>[] = [];
  const byId = new Map<string, number>();
  for (const group of lexicon.groups) {
    byId.set(group.id, words.length);
    words.push(normalizedWords(group.words));
    broader.push(new Set());
    related.push(new Set());
  }
  lexicon.groups.forEach((group, g) => {
    for (const id of group.broader ?? []) {
      const other = byId.get(id);
      if (other === undefined || other === g) continue;
      (broader[g] as Set<number>).add(other);
      (broader[other] as Set<number>).add(g);
    }
    for (const id of group.related ?? []) {
      const other = byId.get(id);
      if (other === undefined || other === g) continue;
      (related[g] as Set<number>).add(other);
      (related[other] as Set<number>).add(g);
    }
  });
  for (const group of extra) {
    const normalized = normalizedWords(group);
    if (normalized.length < 2) continue;
    words.push(normalized);
    broader.push(new Set());
    related.push(new Set());
  }
  const groupsOf = new Map<string, number[]>();
  let maxLength = 1;
  words.forEach((list, g) => {
    for (const word of list) {
      const groups = groupsOf.get(word);
      if (groups) groups.push(g);
      else groupsOf.set(word, [g]);
      if (word.length > maxLength) maxLength = word.length;
    }
  });
  const filler = new Set(normalizedWords(lexicon.filler).filter((w) => !groupsOf.has(w)));
  // Filler is matched like words (怎么回事 must win over the 怎么回 inside it), so it sets the reach too.
  for (const word of filler) if (word.length > maxLength) maxLength = word.length;
  const lengths = new Map<string, Set<number>>();
  for (const word of [...groupsOf.keys(), ...filler]) {
    if (word.length < 2) continue;
    const start = word.slice(0, 2);
    const set = lengths.get(start) ?? new Set<number>();
    set.add(word.length);
    lengths.set(start, set);
  }
  const lengthsByStart = new Map([...lengths].map(([start, set]) => [start, [...set].sort((a, b) => b - a)]));
  return {
    groupsOf,
    words,
    broader: broader.map((s) => [...s]),
    related: related.map((s, g) => [...s].filter((r) => !(broader[g] as Set<number>).has(r))),
    filler,
    maxLength,
    lengthsByStart,
  };
}

let builtin: CompiledLexicon | undefined;

/** The built-in lexicon, compiled on first use (its problems are reported by tests and `kb validate`). */
export function builtinCompiledLexicon(): CompiledLexicon {
  builtin ??= compileLexicon(builtinLexicon().lexicon);
  return builtin;
}

/** The built-in lexicon plus a pack's synonym groups (the built-in one itself when there are none). */
export function lexiconWith(synonyms: readonly (readonly string[])[]): CompiledLexicon {
  return synonyms.length ? compileLexicon(builtinLexicon().lexicon, synonyms) : builtinCompiledLexicon();
}
