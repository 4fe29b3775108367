import { describe, expect, it } from 'vitest';
import type { Entry } from '../../knowledge/schema';
import { countByType, generateItems, looksOrdered, type OrderItem, stripOrdinal } from '../../utils/quiz/items';
import { FIXTURE_ENTRIES } from './quiz-fixtures';

const DAY = '2026-11-23';
const items = generateItems(FIXTURE_ENTRIES, DAY);
const byId = (id: string) => items.find((item) => item.id === id);

describe('quiz item generation', () => {
  it('makes each kind of item from the entries that support it', () => {
    expect(countByType(items)).toEqual({ single: 1, multiple: 1, truefalse: 1, phrase: 3, order: 2, recall: 5 });
    expect(items.map((i) => i.id)).toEqual(
      expect.arrayContaining(['q:q-single', 'recall:q-open', 'recall:refund-delay']),
    );
  });

  it('gives stable ids and opens the teaching guideline of a question', () => {
    expect(byId('q:q-single')).toMatchObject({ sourceId: 'angry-caller', explanation: '先处理情绪，再处理事情。' });
    expect(byId('q:q-tf')).toMatchObject({ sourceId: 'q-tf' });
    expect(generateItems(FIXTURE_ENTRIES, '2026-12-01').map((i) => i.id)).toEqual(items.map((i) => i.id));
  });

  it('leaves errata entries out of auto-graded items but shows the note on their recall card', () => {
    expect(byId('q:q-errata')).toBeUndefined();
    expect(byId('order:wrong-source')).toBeUndefined();
    expect(byId('phrase:wrong-source')).toBeUndefined();
    expect(byId('recall:wrong-source')).toMatchObject({ note: '原文第二步与第三步顺序矛盾，以主管口径为准。' });
  });

  it('only orders guidelines with at least three steps, without the numbering that gives the order away', () => {
    expect(byId('order:address-change')).toBeUndefined();
    const order = byId('order:refund-delay') as OrderItem;
    expect(order.steps).toEqual(['先安抚客户情绪', '查询退款进度', '告知预计到账时间', '记录并跟进']);
    expect([...order.shown].sort()).toEqual([0, 1, 2, 3]);
    expect(order.shown).not.toEqual([0, 1, 2, 3]);
    expect(stripOrdinal('第二步：核实身份')).toBe('核实身份');
    expect(stripOrdinal('首先，倾听')).toBe('倾听');
    expect((byId('order:angry-caller') as OrderItem).steps).toEqual([
      '保持冷静，不与客户争执',
      '倾听并确认客户诉求',
      '提出解决方案',
    ]);
  });

  it('does not ask to order steps that are a parallel list rather than a sequence', () => {
    expect(looksOrdered(['客户满意度：反映口碑', '问题解决率：衡量效率', '平均响应时间：体现及时性'])).toBe(false);
    expect(looksOrdered(['CRM系统：共享客户数据', '企业微信：任务分配', '远程桌面：协助解决技术问题'])).toBe(false);
    expect(looksOrdered(['倾听：首先耐心倾听', '核实：查询系统', '后续跟进：三天后回访'])).toBe(true);
    expect(looksOrdered(['1. 核实', '2. 分析', '3. 解决'])).toBe(true);
    const refund = FIXTURE_ENTRIES.find((e) => e.id === 'refund-delay');
    if (refund?.kind !== 'guideline') throw new Error('fixture');
    const parallel = { ...refund, steps: ['使用敬语', '耐心倾听', '及时回复'] };
    expect(generateItems([parallel], DAY).map((i) => i.id)).toEqual(['recall:refund-delay']);
  });

  it('presents the same shuffle all day and a different one on some other day', () => {
    const again = generateItems(FIXTURE_ENTRIES, DAY);
    expect((again.find((i) => i.id === 'order:refund-delay') as OrderItem).shown).toEqual(
      (byId('order:refund-delay') as OrderItem).shown,
    );
    const shows = new Set(
      ['2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28'].map((d) =>
        JSON.stringify(
          (generateItems(FIXTURE_ENTRIES, d).find((i) => i.id === 'order:refund-delay') as OrderItem).shown,
        ),
      ),
    );
    expect(shows.size).toBeGreaterThan(1);
  });

  it('asks which phrasing fits a situation with one phrasing of that guideline and others as distractors', () => {
    const item = byId('phrase:refund-delay');
    if (item?.type !== 'phrase') throw new Error('no phrase item');
    expect(item.prompt).toBe('客户投诉退款迟迟未到账');
    const own = ['非常理解您着急的心情，我马上为您查询退款进度。', '感谢您的耐心等待，退款已经在处理中了。'];
    const right = item.options.filter((o) => item.answer.includes(o.key));
    expect(right).toHaveLength(1);
    expect(own).toContain(right[0]?.text);
    const wrong = item.options.filter((o) => !item.answer.includes(o.key));
    expect(wrong.length).toBeGreaterThanOrEqual(2);
    for (const o of wrong) expect(own).not.toContain(o.text);
    // Keys are relettered A, B, C… after the shuffle, so the key says nothing about the answer.
    expect(new Set(item.options.map((o) => o.key))).toEqual(
      new Set(['A', 'B', 'C', 'D'].slice(0, item.options.length)),
    );
  });

  it('never offers the phrasing of an entry with an erratum, neither as the answer nor as a choice', () => {
    const flagged = '这是一句话术。'; // wrong-source's phrasing; its erratum says the source is wrong
    const phraseItems = items.filter((i) => i.type === 'phrase');
    expect(phraseItems.length).toBeGreaterThan(0);
    // On any day: the choices are reshuffled daily, so one day could hide what another shows.
    for (const day of ['2026-11-23', '2026-11-24', '2026-11-25', '2026-12-01', '2027-01-15']) {
      for (const item of generateItems(FIXTURE_ENTRIES, day)) {
        if (item.type !== 'phrase') continue;
        expect(
          item.options.map((o) => o.text),
          `${item.id} on ${day}`,
        ).not.toContain(flagged);
      }
    }
    // A flagged phrasing entry linked to a guideline is no choice either.
    const linkedFlagged = {
      ...(FIXTURE_ENTRIES.find((e) => e.id === 'linked-phrasing') as Extract<Entry, { kind: 'phrasing' }>),
      id: 'linked-flagged',
      text: '保证今天一定到账。',
      errata: '不能承诺到账时间。',
    };
    for (const item of generateItems([...FIXTURE_ENTRIES, linkedFlagged], DAY)) {
      if (item.type === 'phrase') expect(item.options.map((o) => o.text)).not.toContain('保证今天一定到账。');
    }
  });
});
