import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildIndex, search } from '../../utils/search';
import { initialsOf } from '../../utils/search/build';
import { builtinPinyinJson } from '../../utils/search/builtin-pinyin';
import { builtinEntries } from './search-builtin';

const FILE = resolve(__dirname, '../../utils/search/builtin-pinyin.generated.json');

describe('search: prebuilt built-in pinyin keys', () => {
  it('are up to date with the built-in pack (else run `npm run gen:search`)', () => {
    expect(readFileSync(FILE, 'utf8')).toBe(builtinPinyinJson(builtinEntries()));
  });

  it('find every built-in entry by its own title among the first three results', () => {
    const entries = builtinEntries();
    const index = buildIndex(entries);
    const missed = entries.filter((e) => !search(index, e.title, { limit: 3 }).some((h) => h.entry === e));
    expect(missed.map((e) => e.id)).toEqual([]);
  });

  it('give pinyin search over the built-in pack without computing pinyin', () => {
    const entries = builtinEntries();
    const index = buildIndex(entries);
    // Every title is found by its own initials (the index alone, no pinyin-pro at run time).
    const missed = entries.filter((e) => {
      const doc = index.docs.find((d) => d.entry === e);
      const syllables = doc?.syllables[0];
      if (!doc || !syllables) return true;
      const initials = initialsOf(doc.norm[0] as string, syllables);
      return !search(index, initials, { limit: 50 }).some((h) => h.entry === e);
    });
    expect(missed.map((e) => e.id)).toEqual([]);
  });
});
