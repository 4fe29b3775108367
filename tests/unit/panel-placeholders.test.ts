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

  it('treats names of Object.prototype ({constructor}, {toString}, {__proto__}) as ordinary fields', () => {
    const text = '{constructor}您好，{toString}的{__proto__}已发出，{hasOwnProperty}';
    expect(placeholderNames(text)).toEqual(['constructor', 'toString', '__proto__', 'hasOwnProperty']);
    // Nothing filled in: every field stays visible, nothing from the prototype leaks into the text.
    expect(fillPlaceholders(text, {})).toBe(text);
    // Values as a form or storage hands them over: own properties, `__proto__` included.
    const values = JSON.parse('{"constructor":"王女士","toString":"订单","__proto__":"包裹","hasOwnProperty":"谢谢"}');
    expect(fillPlaceholders(text, values)).toBe('王女士您好，订单的包裹已发出，谢谢');
  });

  it('remembers and repairs values of fields named like Object.prototype members', () => {
    const values = JSON.parse('{"__proto__":"包裹","constructor":"王女士"}') as Record<string, string>;
    const all = rememberTabFieldValues({}, 7, values);
    const tab = all['7'] as Record<string, string>;
    expect(Object.getOwnPropertyDescriptor(tab, '__proto__')?.value).toBe('包裹');
    expect(Object.hasOwn(tab, 'constructor') && tab.constructor).toBe('王女士');
    // Through storage (JSON) and the repair on read, nothing is lost or turned into a prototype.
    const repaired = repairTabFieldValues(JSON.parse(JSON.stringify(all)));
    const again = repaired['7'] as Record<string, string>;
    expect(Object.keys(again).sort()).toEqual(['__proto__', 'constructor']);
    expect(Object.getOwnPropertyDescriptor(again, '__proto__')?.value).toBe('包裹');
  });

  it('finds the fields of a huge phrasing in one pass (no scan of the names found so far per match)', () => {
    const n = 50_000;
    const text = Array.from({ length: n }, (_, i) => `{f${i}}`).join('');
    // Count the array elements scanned by includes/indexOf: a linear algorithm scans O(n) in total.
    let scanned = 0;
    const includes = Array.prototype.includes;
    const indexOf = Array.prototype.indexOf;
    Array.prototype.includes = function (this: unknown[], ...args: Parameters<typeof includes>) {
      scanned += this.length;
      return includes.apply(this, args);
    };
    Array.prototype.indexOf = function (this: unknown[], ...args: Parameters<typeof indexOf>) {
      scanned += this.length;
      return indexOf.apply(this, args);
    };
    let names: string[];
    try {
      names = placeholderNames(text);
    } finally {
      Array.prototype.includes = includes;
      Array.prototype.indexOf = indexOf;
    }
    expect(names).toHaveLength(n);
    expect(names[n - 1]).toBe(`f${n - 1}`);
    expect(scanned).toBeLessThanOrEqual(10 * n);
  });
});
