/**
 * Search by words: what agents type and paste (the examples on the built-in pack), honest
 * confidence (`partial`), the words a sentence is reduced to, typos of the input method, and bounded
 * work for pinyin-like strings that match nothing.
 */
import { describe, expect, it } from 'vitest';
import { buildIndex, type SearchIndex, search, searchWithWords } from '../../utils/search';
import { MAX_RESPELLINGS, respellings } from '../../utils/search/run';
import { builtinEntries } from './search-builtin';

const index = buildIndex(builtinEntries());
const top3 = (query: string) => search(index, query, { limit: 3 }).map((h) => h.entry.id);

describe('search: what agents type and paste', () => {
  it('finds the complaint guideline for a customer’s 「我要投诉你们」', () => {
    expect(top3('我要投诉你们')).toContain('exam-short-02-guide');
    expect(search(index, '我要投诉你们')[0]?.partial).toBe(false);
  });

  it('reads a threat to go to the media as a complaint escalation', () => {
    expect(top3('客户说要找媒体')).toContain('ins-behavioral-01');
    expect(top3('客户说要找媒体')).not.toContain('exam-single-09');
  });

  it('reads being passed from department to department as the cross-department guidance', () => {
    expect(top3('电话转来转去没人管')[0]).toBe('exam-single-04');
    expect(search(index, '电话转来转去没人管')[0]?.partial).toBe(false);
  });

  it('says nothing matches when the pack has nothing for the question', () => {
    for (const query of ['积分怎么兑换礼品', '密码忘了怎么找回', '外卖送错了']) {
      expect(
        search(index, query).every((h) => h.partial),
        query,
      ).toBe(true);
    }
  });

  it('tells which words a sentence or a pasted message was searched by', () => {
    expect(searchWithWords(index, '客户爆粗口怎么办啊').words).toEqual(['爆粗口']);
    const message = '你好，理赔材料交了半个月钱还没到账，再拖我就去监管部门投诉你们！';
    const { words, hits } = searchWithWords(index, message);
    expect(words).toEqual(expect.arrayContaining(['理赔材料', '投诉']));
    expect(hits[0]?.entry.id).toBe('ins-behavioral-01');
    // A keyword typed as it is: searched as typed, nothing to tell.
    expect(searchWithWords(index, '同理心').words).toEqual([]);
  });

  it('reads a word the input method got wrong as the word that sounds the same', () => {
    expect(searchWithWords(index, '我的理陪什么时候到账').words).toContain('理赔');
    expect(top3('保但丢了')).toContain('ins-situational-02');
  });

  it('gives every hit a finite score and an explicit partial flag', () => {
    for (const hit of search(index, '客户说业务员骗人要退保')) {
      expect(Number.isFinite(hit.score)).toBe(true);
      expect(typeof hit.partial).toBe('boolean');
    }
  });
});

/** An index whose n-gram lookups are counted: the work a search does, whatever the machine's speed. */
function counted(base: SearchIndex): { index: SearchIndex; lookups: () => number } {
  let n = 0;
  const wrap = (map: SearchIndex['grams']) =>
    new Proxy(map, {
      get(target, prop) {
        if (prop === 'get')
          return (key: number) => {
            n++;
            return target.get(key);
          };
        const value = Reflect.get(target, prop, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  return { index: { ...base, grams: wrap(base.grams), pinyinGrams: wrap(base.pinyinGrams) }, lookups: () => n };
}

describe('search: pinyin-like strings that match nothing', () => {
  it('tries at most a fixed number of respellings, and none for phrase-length strings', () => {
    expect(respellings(index, 'tonglixing')[0]).toContain('tonglixin');
    const [first, second] = respellings(index, 'kehuqingxujidonh');
    expect(first.length + second.length).toBeLessThanOrEqual(MAX_RESPELLINGS);
    expect(respellings(index, 'kehuqingxujidongzenmebanne')).toEqual([[], []]);
  });

  it('costs a bounded number of index lookups: a few searches’ worth, not hundreds', () => {
    for (const query of ['kehuqingxujidonh', 'kehuqingxujidongzenmebanne', 'baodandiushilezenmebanaaaa']) {
      const once = counted(index);
      search(once.index, query.slice(0, 5));
      const single = once.lookups();
      const probe = counted(index);
      expect(search(probe.index, query).every((h) => h.partial)).toBe(true);
      expect(probe.lookups(), query).toBeLessThanOrEqual((MAX_RESPELLINGS + 2) * Math.max(single, 60));
    }
  });
});
