import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Postings } from '../../utils/search/build';
import { packPostings, unpackPostings } from '../../utils/search/packed-postings';

const plain = (p: Postings) => [...p].map(([key, list]) => [key, [...list]]);

/** Postings as the index builds them: per key, documents ascending and unique, each with a non-zero group mask. */
const postingsArb = fc
  .array(
    fc.tuple(
      fc.oneof(fc.integer({ min: 0, max: 0xffff }), fc.integer({ min: -0x80000000, max: 0x7fffffff })),
      fc.uniqueArray(fc.integer({ min: 0, max: 20_000 }), { maxLength: 60 }),
      fc.array(fc.integer({ min: 1, max: 15 }), { minLength: 60, maxLength: 60 }),
    ),
    { maxLength: 30 },
  )
  .map((lists) => {
    const out: Postings = new Map();
    for (const [key, docs, masks] of lists) {
      const sorted = [...docs].sort((a, b) => a - b);
      out.set(
        key,
        Int32Array.from(sorted, (d, i) => d * 16 + (masks[i] as number)),
      );
    }
    return out;
  });

describe('search: packed postings', () => {
  it('unpack what they pack, for any postings the index can hold', () => {
    fc.assert(
      fc.property(postingsArb, (postings) => {
        const packed = JSON.parse(JSON.stringify(packPostings(postings)));
        expect(plain(unpackPostings(packed, 20_001))).toEqual(plain(postings));
      }),
    );
  });

  it('write only characters JSON writers keep as they are', () => {
    const postings: Postings = new Map([[0x4e00, Int32Array.from([1, 2 * 16 + 3, 9_999 * 16 + 15])]]);
    const { data } = packPostings(postings);
    expect(data).toMatch(/^[\x20-\x7e]+$/);
    expect(data).not.toMatch(/["\\<]/);
  });

  it('refuse damaged data instead of returning wrong postings', () => {
    const postings: Postings = new Map([
      [1, Int32Array.from([16 + 1, 5 * 16 + 2])],
      [2, Int32Array.from([3 * 16 + 4])],
    ]);
    const packed = packPostings(postings);
    expect(() => unpackPostings({ ...packed, data: `${packed.data}!` }, 10)).toThrow();
    expect(() => unpackPostings({ ...packed, data: packed.data.slice(1) }, 10)).toThrow();
    expect(() => unpackPostings({ ...packed, data: `\u4e00${packed.data.slice(1)}` }, 10)).toThrow();
    expect(() => unpackPostings({ ...packed, counts: [2, 2] }, 10)).toThrow();
    expect(() => unpackPostings({ ...packed, counts: [1] }, 10)).toThrow();
    // Document 5 does not exist in an index of 5 entries.
    expect(() => unpackPostings(packed, 5)).toThrow();
    expect(() => unpackPostings({ keys: 'x', counts: [], data: '' } as never, 10)).toThrow();
    expect(plain(unpackPostings(packed, 6))).toEqual(plain(postings));
  });
});
