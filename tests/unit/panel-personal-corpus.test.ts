/** The agent's own phrasings searched beside the team index: ranked as if they were in it. */
import { describe, expect, it } from 'vitest';
import type { Corpus } from '../../utils/panel/api';
import { combineCorpus, mergeHits, personalCorpus } from '../../utils/panel/personal-corpus';
import type { PersonalPhrasing } from '../../utils/personal/phrasings';
import { buildIndex, search, searchWithWords } from '../../utils/search';
import { pinyinOf } from '../../utils/search/pinyin';
import { builtinEntries } from './search-builtin';

const team = buildIndex(builtinEntries());
const teamCorpus: Corpus = {
  entries: team.entries,
  search: (q, o) => search(team, q, o),
  searchWithWords: (q, o) => searchWithWords(team, q, o),
};
const both = (records: PersonalPhrasing[], pinyin = {}) => combineCorpus(teamCorpus, personalCorpus(records, pinyin));
const record = (id: string, title: string, text: string): PersonalPhrasing => ({
  id,
  title,
  text,
  tags: [],
  createdAt: 1,
  updatedAt: Date.UTC(2026, 10, 1),
});
const mine = [
  record('my-a', '跨设备同步话术', '您好，这句话术在另一台电脑上也能找到。'),
  record('my-b', '包裹转运提醒', '您好，您的包裹已到达转运中心。'),
];

describe('personal phrasings beside the team index', () => {
  it('puts an exact title first even when the team index only has entries sharing some words', () => {
    const teamHits = search(team, '跨设备同步话术');
    expect(teamHits.length).toBeGreaterThan(0);
    expect(teamHits.every((h) => !h.asTyped)).toBe(true);
    const corpus = both(mine);
    expect(corpus.personal?.has('my-a')).toBe(true);
    expect(corpus.entries.length).toBe(team.entries.length + 2);
    const hits = corpus.search('跨设备同步话术');
    expect(hits[0]?.entry.id).toBe('my-a');
    expect(hits.slice(1).every((h) => !h.asTyped)).toBe(true);
  });

  it('interleaves by score when both have whole matches, and keeps near matches out when anything matches', () => {
    const hits = both(mine).search('同理心');
    expect(hits[0]?.entry.id).toBe(search(team, '同理心')[0]?.entry.id);
    const merged = mergeHits(
      [
        [
          {
            entry: mine.map((r) => personalCorpus([r], {}).entries[0])[0] as never,
            score: 0.2,
            matches: [],
            partial: true,
            asTyped: false,
          },
        ],
        search(team, '同理心'),
      ],
      30,
    );
    expect(merged.some((h) => h.partial)).toBe(false);
  });

  it('finds a phrasing by initials and full pinyin with the pinyin the background computed', () => {
    const table = (() => {
      const c = personalCorpus(mine, {});
      // What ensurePersonalPinyin stores: the table of the phrasings' texts, from pinyin-pro.
      return buildIndex(c.entries, { pinyin: pinyinOf }).pinyin;
    })();
    const corpus = both(mine, table);
    expect(corpus.search('bgzytx')[0]?.entry.id).toBe('my-b');
    expect(corpus.search('kuashebei')[0]?.entry.id).toBe('my-a');
  });
});
