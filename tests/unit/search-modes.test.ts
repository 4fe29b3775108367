import { describe, expect, it } from 'vitest';
import type { Entry } from '../../knowledge/schema';
import { buildIndex, loadIndex, type SearchHit, search, serializeIndex } from '../../utils/search';
import { pinyinOf } from '../../utils/search/pinyin';
import { FIXTURE } from './search-fixtures';

const index = buildIndex(FIXTURE, { pinyin: pinyinOf });
const ids = (query: string, limit = 10) => search(index, query, { limit }).map((h) => h.entry.id);
const top = (query: string) => ids(query)[0];

/** The highlighted substrings of one field of a hit, read from the original text. */
function marked(hit: SearchHit | undefined, field: string): string[] {
  const match = hit?.matches.find((m) => m.field === field);
  if (!hit || !match) return [];
  const path = field.split('.');
  let value: unknown = hit.entry;
  for (const key of path) value = (value as Record<string, unknown>)[key];
  return match.ranges.map(([s, e]) => (value as string).slice(s, e));
}

describe('search: query modes', () => {
  it('finds simplified Chinese in titles first', () => {
    expect(top('保单丢失')).toBe('lost-policy');
    expect(top('同理心')).toBe('empathy');
  });

  it('finds traditional-character queries and traditional pack text', () => {
    expect(top('保單丟失')).toBe('lost-policy');
    const traditional: Entry = { ...(FIXTURE[4] as Entry), id: 'trad', title: '處理客戶投訴的說法', keywords: [] };
    const tIndex = buildIndex([traditional]);
    expect(search(tIndex, '处理客户').map((h) => h.entry.id)).toEqual(['trad']);
  });

  it('finds full pinyin, spaced syllables, a syllable being typed, and initials', () => {
    for (const q of ['tonglixin', 'tong li xin', 'tongl', 'tlx', 'TLX']) expect(top(q), q).toBe('empathy');
    expect(top('baodandiushi')).toBe('lost-policy');
  });

  it('finds characters mixed with initials', () => {
    expect(top('保单ds')).toBe('lost-policy');
    expect(top('理赔lc')).toBe('angry-claim');
  });

  it('tolerates one wrong character in a 3+ character query', () => {
    expect(top('情绪机动')).toBe('angry-claim');
    expect(top('同里心')).toBe('empathy');
  });

  it('requires every space-separated term for a match that is not partial', () => {
    const both = search(index, '投诉 同理心');
    expect(both.filter((h) => !h.partial).map((h) => h.entry.id)).toEqual(['empathy']);
    expect(both[0]?.entry.id).toBe('empathy');
    // No entry holds both: what comes back is only the nearest, marked partial for the panel to say so.
    const neither = search(index, '保单 同理心');
    expect(neither.length).toBeGreaterThan(0);
    expect(neither.every((h) => h.partial)).toBe(true);
  });

  it('respells pinyin that finds nothing by one slip or an input method’s fuzzy sound, marked partial', () => {
    for (const q of ['tonglixing', 'tongnixin', 'tonlgixin', 'baodandiusi']) {
      const hits = search(index, q);
      expect(hits[0]?.entry.id, q).toBe(q.startsWith('ton') ? 'empathy' : 'lost-policy');
      expect(
        hits.every((h) => h.partial),
        q,
      ).toBe(true);
    }
    // Exact spellings are not marked, and short initials are never respelled into noise.
    expect(search(index, 'tonglixin')[0]?.partial).toBe(false);
    expect(search(index, 'qqqq')).toEqual([]);
  });

  it('finds entries through the concept lexicon: words that mean the same but share no characters', () => {
    // 急用 → 紧急 (same concept), 补办 found as typed.
    expect(search(index, '补办急用')[0]?.entry.id).toBe('lost-policy');
    // 骂人 is a kind of anger: the angry-customer guideline (情绪激动), not a near match.
    const abuse = search(index, '客户骂人');
    expect(abuse[0]?.entry.id).toBe('angry-claim');
    expect(abuse[0]?.partial).toBe(false);
    // 退钱 is what a customer says for 退保.
    expect(search(index, '我要退钱')[0]?.entry.id).toBe('misleading-terms');
  });

  it('applies kind: and tag: filters, with or without terms', () => {
    expect(ids('kind:question 投诉')).toEqual(['q-priority']);
    expect(ids('kind:q')).toEqual(['q-priority']);
    expect(ids('tag:理赔')).toEqual(['angry-claim']);
    expect(ids('tag:投诉 kind:guideline 客户').sort()).toEqual(['angry-claim', 'empathy']);
    expect(ids('kind:nothing 投诉')).toEqual([]);
    expect(search(index, '投诉', { kinds: ['question'] }).map((h) => h.entry.id)).toEqual(['q-priority']);
  });

  it('ranks a title match above a body-only match', () => {
    const hits = ids('投诉');
    expect(hits.indexOf('q-priority')).toBeLessThan(hits.indexOf('angry-claim'));
  });

  it('finds the entry for a sentence the agent typed around a keyword', () => {
    expect(top('客户说我们骗人')).toBe('misleading-terms');
  });

  it('answers a question in words that no entry holds whole by the rarer words it shares', () => {
    expect(top('电子保单怎么补办呢')).toBe('lost-policy');
    // Sharing only everyday words is not enough.
    expect(search(index, '客户今天怎么样了')).toEqual([]);
  });

  it('ranks a pasted 200-character customer message by the words it shares with entries', () => {
    const message =
      '你好，我上个月在你们这里买了一份保险，当时业务员跟我说得天花乱坠，什么都能赔。' +
      '结果现在我仔细看了合同，发现条款里写的和他说的完全不一样，这不是骗人吗？我觉得你们就是销售误导，' +
      '我现在要求全额退保，把钱一分不少地退给我。如果今天不给我一个说法，我就去银保监会投诉你们，' +
      '还要在网上曝光你们公司。我已经打了三次电话了，每次都让我等，你们到底管不管？麻烦尽快给我回电话，谢谢。';
    expect(message.length).toBeGreaterThan(180);
    expect(top(message)).toBe('misleading-terms');
  });

  it('applies the limit and the usage boost', () => {
    expect(search(index, '客户', { limit: 2 })).toHaveLength(2);
    const plain = ids('投诉');
    const last = plain[plain.length - 1] as string;
    const boosted = search(index, '投诉', { boost: (id) => (id === last ? 10 : 0) });
    expect(boosted[0]?.entry.id).toBe(last);
  });

  it('returns nothing for empty, blank or punctuation-only queries', () => {
    for (const q of ['', '   ', '，。！', 'kind:']) expect(search(index, q)).toEqual([]);
  });
});

describe('search: highlight ranges', () => {
  it('maps matches of a traditional query back to the original characters', () => {
    const hit = search(index, '保單丟失')[0];
    expect(marked(hit, 'title')).toEqual(['保单丢失']);
  });

  it('maps matches in full-width text back to the original positions', () => {
    const hit = search(index, 'kpi')[0];
    expect(hit?.entry.id).toBe('phrase-wait');
    expect(marked(hit, 'text')).toEqual(['ＫＰＩ']);
  });

  it('marks the characters a pinyin query matched', () => {
    const hit = search(index, 'tlx')[0];
    expect(marked(hit, 'title')).toEqual(['同理心']);
    expect(marked(hit, 'keywords.0')).toEqual(['同理心']);
  });

  it('covers punctuation between matched characters and marks typo matches', () => {
    const hit = search(index, '道歉解释原因')[0];
    expect(hit?.entry.id).toBe('q-priority');
    expect(marked(hit, 'options.0.text')).toEqual(['道歉→解释原因']);
    expect(marked(search(index, '情绪机动')[0], 'keywords.1').join('')).toContain('情绪');
  });
});

describe('search: cached index', () => {
  it('serializes to JSON and loads back with the same results, without computing pinyin', () => {
    const data = JSON.parse(JSON.stringify(serializeIndex(index)));
    const loaded = loadIndex(data);
    expect(loaded).toBeDefined();
    for (const q of ['tlx', '保單丟失', '情绪机动', 'kind:question 投诉']) {
      expect(search(loaded as never, q).map((h) => h.entry.id)).toEqual(ids(q, 20));
    }
  });

  it('stores the postings, so loading normalizes an entry only when a query reaches it', () => {
    const loaded = loadIndex(JSON.parse(JSON.stringify(serializeIndex(index)))) as NonNullable<
      ReturnType<typeof loadIndex>
    >;
    expect(loaded.grams).toEqual(index.grams);
    expect(loaded.pinyinGrams).toEqual(index.pinyinGrams);
    expect(loaded.syllables).toEqual(index.syllables);
    loaded.docs.forEach((doc, d) => {
      const built = index.docs[d] as (typeof index.docs)[number];
      expect([doc.norm, doc.syllables, doc.tags, doc.fields]).toEqual([
        built.norm,
        built.syllables,
        built.tags,
        built.fields,
      ]);
    });
  });

  it('rejects data of another format or version', () => {
    expect(loadIndex(null)).toBeUndefined();
    expect(loadIndex(FIXTURE)).toBeUndefined();
    expect(loadIndex({ ...serializeIndex(index), version: 999 })).toBeUndefined();
    // A cache from release 1: entries and pinyin only, the postings rebuilt on load.
    const { grams: _g, pinyinGrams: _p, syllables: _s, ...v1 } = serializeIndex(index);
    expect(loadIndex({ ...v1, version: 1 })).toBeUndefined();
  });

  it('rejects damaged postings or entries (the caller rebuilds)', () => {
    const data = serializeIndex(index);
    expect(loadIndex({ ...data, grams: { ...data.grams, data: `${data.grams.data}~` } })).toBeUndefined();
    expect(loadIndex({ ...data, entries: data.entries.slice(1) })).toBeUndefined();
    expect(loadIndex({ ...data, entries: [...data.entries.slice(1), { id: 'x' }] })).toBeUndefined();
    expect(loadIndex({ ...data, syllables: 'tong li' })).toBeUndefined();
  });

  it('has pinyin for text outside the built-in pack only when a pinyin source is given', () => {
    const entry: Entry = { ...(FIXTURE[4] as Entry), id: 'waves', title: '澎湃浪花', keywords: [], tags: [] };
    expect(search(buildIndex([entry]), 'pplh')).toEqual([]);
    expect(search(buildIndex([entry], { pinyin: pinyinOf }), 'pplh').map((h) => h.entry.id)).toEqual(['waves']);
  });
});
