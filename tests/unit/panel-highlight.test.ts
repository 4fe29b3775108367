import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rangesFor, segments } from '../../utils/panel/highlight';

describe('highlight segments', () => {
  it('marks the ranges and keeps the text between them', () => {
    expect(segments('客户要求退款怎么办', [[4, 6]])).toEqual([
      { text: '客户要求', mark: false },
      { text: '退款', mark: true },
      { text: '怎么办', mark: false },
    ]);
  });

  it('merges overlapping ranges and clamps ranges outside the text', () => {
    expect(
      segments('abcdef', [
        [3, 5],
        [1, 4],
        [9, 12],
        [-2, 0],
      ]),
    ).toEqual([
      { text: 'a', mark: false },
      { text: 'bcde', mark: true },
      { text: 'f', mark: false },
    ]);
  });

  it('always reassembles to the original text (property)', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.array(fc.tuple(fc.integer({ min: -5, max: 40 }), fc.integer({ min: -5, max: 40 }))),
        (text, ranges) => {
          expect(
            segments(text, ranges)
              .map((s) => s.text)
              .join(''),
          ).toBe(text);
        },
      ),
    );
  });

  it('picks the ranges of one field', () => {
    const matches = [
      { field: 'title', ranges: [[0, 2] as const] },
      { field: 'phrasings.1', ranges: [[3, 4] as const] },
    ];
    expect(rangesFor(matches, 'phrasings.1')).toEqual([[3, 4]]);
    expect(rangesFor(matches, 'phrasings.0')).toEqual([]);
  });
});
