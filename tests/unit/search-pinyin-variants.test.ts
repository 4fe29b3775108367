import { describe, expect, it } from 'vitest';
import { isSpelling, pinyinVariants } from '../../utils/search/pinyin-variants';

describe('pinyinVariants', () => {
  it('offers the fuzzy sounds of input methods in both directions', () => {
    const [first] = pinyinVariants('tonglixing');
    expect(first).toContain('tonglixin');
    expect(pinyinVariants('zhangsan')[0]).toEqual(expect.arrayContaining(['zangsan', 'zhansan', 'zhangshan']));
    expect(pinyinVariants('nanren')[0]).toEqual(expect.arrayContaining(['lanren', 'nanreng']));
  });

  it('offers a dropped extra letter and swapped neighbours first, a restored letter second', () => {
    const [first, second] = pinyinVariants('tonlgixin');
    expect(first).toContain('tonglixin');
    expect(pinyinVariants('tonglixinn')[0]).toContain('tonglixin');
    expect(pinyinVariants('tonglxin')[1]).toContain('tonglixin');
    expect(second).not.toContain('tonlgixin');
    expect(first.some((v) => second.includes(v))).toBe(false);
  });

  it('keeps only respellings that split into syllables, the last one possibly unfinished', () => {
    const syllables = new Set(['tong', 'li', 'xin', 'xing', 'to', 'ton']);
    const prefixes = new Set(['t', 'to', 'ton', 'tong', 'l', 'li', 'x', 'xi', 'xin', 'xing']);
    expect(isSpelling('tonglixin', syllables, prefixes)).toBe(true);
    expect(isSpelling('tonglix', syllables, prefixes)).toBe(true);
    expect(isSpelling('otnglixin', syllables, prefixes)).toBe(false);
    expect(isSpelling('tonglqxin', syllables, prefixes)).toBe(false);
  });
});
