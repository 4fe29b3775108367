import { describe, expect, it } from 'vitest';
import { normalizeText, normalizeWithMap, originalRange } from '../../utils/text/normalize';

describe('normalizeText', () => {
  it('converts traditional to simplified, full-width to half-width, and lower-cases', () => {
    expect(normalizeText('保單丟失')).toBe('保单丢失');
    expect(normalizeText('跨部門協作')).toBe('跨部门协作');
    expect(normalizeText('ＫＰＩ考核')).toBe('kpi考核');
    expect(normalizeText('VIP客户')).toBe('vip客户');
  });

  it('drops punctuation, symbols and spaces', () => {
    expect(normalizeText('道歉→解释原因，A/B 测试！')).toBe('道歉解释原因ab测试');
    expect(normalizeText('　「保单」 ')).toBe('保单');
  });

  it('keeps text that needs no change as it is', () => {
    expect(normalizeText('同理心123abc')).toBe('同理心123abc');
  });
});

describe('normalizeWithMap', () => {
  it('maps every normalized character back to its original position', () => {
    const original = '「保單」 丟失！';
    const n = normalizeWithMap(original);
    expect(n.text).toBe('保单丢失');
    expect(n.map.slice(0, 4)).toEqual([1, 2, 5, 6]);
    expect(originalRange(n, 0, 4, original)).toEqual([1, 7]);
    expect(original.slice(...originalRange(n, 2, 4, original))).toBe('丟失');
  });

  it('maps characters outside the BMP and expanding compatibility characters', () => {
    const original = 'a𠀀b㈱';
    const n = normalizeWithMap(original);
    expect(n.text).toBe('a𠀀b株');
    expect(original.slice(...originalRange(n, 1, 3, original))).toBe('𠀀');
    expect(original.slice(...originalRange(n, 4, 5, original))).toBe('㈱');
  });
});
