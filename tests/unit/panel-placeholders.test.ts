import { describe, expect, it } from 'vitest';
import {
  fillPlaceholders,
  placeholderNames,
  rememberTabFieldValues,
  repairTabFieldValues,
} from '../../utils/panel/placeholders';

describe('placeholders', () => {
  it('finds distinct field names in order and ignores JSON-like braces', () => {
    expect(placeholderNames('{客户称呼}您好，{客户称呼}的订单{订单号}已发出')).toEqual(['客户称呼', '订单号']);
    expect(placeholderNames('格式 {"a": 1} 或 {} 不是字段')).toEqual([]);
  });

  it('fills every occurrence and leaves blank fields visible', () => {
    expect(fillPlaceholders('{客户称呼}您好，{客户称呼}请稍候，{天数}天', { 客户称呼: '王女士', 天数: ' ' })).toBe(
      '王女士您好，王女士请稍候，{天数}天',
    );
  });

  it('remembers values per tab, keeps earlier fields, and drops the oldest tabs beyond the cap', () => {
    let all = rememberTabFieldValues({}, 7, { 客户称呼: '王女士' });
    all = rememberTabFieldValues(all, 7, { 天数: '3', 客户称呼: '' });
    expect(all['7']).toEqual({ 客户称呼: '王女士', 天数: '3' });
    for (let tab = 100; tab < 160; tab++) all = rememberTabFieldValues(all, tab, { a: 'x' });
    expect(Object.keys(all)).toHaveLength(50);
    expect(all['7']).toBeUndefined();
    expect(all['159']).toEqual({ a: 'x' });
  });

  it('repairs stored values: keeps valid strings, drops the rest', () => {
    expect(repairTabFieldValues({ '3': { a: 'x', b: 5 }, bad: { a: 'y' }, '4': 'nope' })).toEqual({ '3': { a: 'x' } });
    expect(repairTabFieldValues('garbage')).toEqual({});
  });
});
