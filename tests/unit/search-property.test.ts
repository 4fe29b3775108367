import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildIndex, search } from '../../utils/search';
import { entryFields } from '../../utils/search/fields';
import { pinyinOf } from '../../utils/search/pinyin';
import { FIXTURE } from './search-fixtures';

const index = buildIndex(FIXTURE, { pinyin: pinyinOf });

/** Pieces agents (and paste accidents) produce: pack words, pinyin, filters, punctuation, odd Unicode. */
const piece = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom(
    '同理心',
    '保單',
    '情绪机动',
    'tlx',
    'tong',
    'zh',
    'ds',
    'kind:',
    'kind:q',
    'tag:',
    'tag:投诉',
    '　',
    ' ',
    '，',
    '→',
    'ＫＰＩ',
    '\u0301',
    '\uD800',
    '\uDC00',
    '𠵾',
    '㈱',
    'İ',
    'ß',
    '\n',
    '\t',
  ),
);
const query = fc.oneof(
  fc.array(piece, { maxLength: 12 }).map((p) => p.join('')),
  fc.string({ unit: 'binary', maxLength: 3000 }),
);

describe('search: any input', () => {
  it('never throws and returns well-formed hits (bounded work: search-words.test.ts counts it)', () => {
    fc.assert(
      fc.property(query, fc.integer({ min: 0, max: 30 }), (q, limit) => {
        const hits = search(index, q, { limit });
        expect(hits.length).toBeLessThanOrEqual(limit);
        for (const hit of hits) {
          expect(Number.isFinite(hit.score)).toBe(true);
          expect(typeof hit.partial).toBe('boolean');
          const texts = new Map(entryFields(hit.entry).map((f) => [f.path, f.text]));
          for (const m of hit.matches) {
            const text = texts.get(m.field);
            expect(text, m.field).toBeDefined();
            for (const [s, e] of m.ranges) {
              expect(0 <= s && s < e && e <= (text as string).length).toBe(true);
            }
          }
        }
      }),
      { numRuns: 400 },
    );
  });
});
