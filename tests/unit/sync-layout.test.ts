/** The sync area's layout: compact records in chunks within the quotas, read back record by record. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PersonalPhrasing, PersonalStore } from '../../utils/personal/phrasings';
import { Rating, type StoredCard } from '../../utils/quiz/card';
import { newCard, reviewCard } from '../../utils/quiz/fsrs';
import { EMPTY_STREAK } from '../../utils/quiz/streak';
import {
  emptySyncData,
  itemBytes,
  layOut,
  readLayout,
  SYNC_BUDGET,
  SYNC_FORMAT,
  SYNC_QUOTA,
  utf8Bytes,
} from '../../utils/sync/layout';
import { mergeSyncData } from '../../utils/sync/merge';
import { canonicalCard } from '../../utils/sync/merge-quiz';
import type { SyncData } from '../../utils/sync/model';

const T0 = Date.UTC(2026, 10, 1, 9);

function phrasing(n: number, text = '{客户称呼}您好，我马上为您核实退款进度，请稍等。'): PersonalPhrasing {
  return {
    id: `my-${n.toString(36)}`,
    title: `退款话术 ${n}`,
    text,
    tags: ['退款', '催进度'],
    createdAt: T0 + n,
    updatedAt: T0 + n * 1000,
  };
}

function reviewed(days: number): StoredCard {
  let card = newCard(new Date(T0));
  for (let d = 0; d < days; d++) card = reviewCard(card, Rating.Good, new Date(T0 + d * 86_400_000));
  return card;
}

function sample(phrasings: number, cards: number): SyncData {
  const data = emptySyncData();
  for (let i = 0; i < phrasings; i++) data.phrasings[phrasing(i).id] = phrasing(i);
  data.phrasings['my-gone'] = { id: 'my-gone', updatedAt: T0 + 5, deleted: true };
  for (let i = 0; i < cards; i++) data.quiz.cards[`recall:team-entry-${i}`] = reviewed(1 + (i % 5));
  data.favorites = { 'exam-single-01': { on: true, at: T0 }, 'ins-open-02': { on: false, at: T0 + 1 } };
  data.settings = { quizSize: { value: 8, at: T0 }, uiLanguage: { value: 'en', at: 1 } };
  data.quiz.history = { '2026-11-01': { correct: 4, total: 5, done: true } };
  data.quiz.streak = { count: 3, best: 9, lastDay: '2026-11-01', freezes: 1, frozenDays: ['2026-10-30'] };
  data.quiz.today = {
    day: '2026-11-01',
    itemIds: ['q:exam-single-01', 'recall:ins-open-02'],
    answers: { 'q:exam-single-01': { correct: true, rating: 3, at: T0 } },
  };
  return data;
}

/** The data as the sync area holds it: cards to the second and 4 decimals. */
function canonical(data: SyncData): SyncData {
  const cards = Object.fromEntries(Object.entries(data.quiz.cards).map(([id, c]) => [id, canonicalCard(c)]));
  return { ...data, quiz: { ...data.quiz, cards } };
}

function withinQuota(items: Record<string, unknown>) {
  const sizes = Object.entries(items).map(([k, v]) => itemBytes(k, v));
  for (const size of sizes) expect(size).toBeLessThanOrEqual(SYNC_QUOTA.itemBytes);
  expect(sizes.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(SYNC_QUOTA.bytes);
  expect(sizes.length).toBeLessThanOrEqual(SYNC_QUOTA.items);
}

describe('sync layout', () => {
  it('reads back what it wrote (cards at the precision synced), in chunks within the quotas', () => {
    const data = sample(40, 300);
    const layout = layOut(data, '1.2.3');
    withinQuota(layout.items);
    expect(layout.leftOut).toEqual({});
    expect(layout.items.m).toEqual({ f: SYNC_FORMAT, by: '1.2.3' });
    expect(Object.keys(layout.items).filter((k) => k.startsWith('c')).length).toBeGreaterThan(1);
    const read = readLayout(layout.items);
    expect(read.kind).toBe('data');
    if (read.kind !== 'data') return;
    expect(read.damaged).toEqual([]);
    expect(read.data).toEqual(canonical(data));
  });

  it('is deterministic: the same data gives the same items whatever order it was built in', () => {
    const data = sample(10, 20);
    const reversed: SyncData = {
      ...data,
      phrasings: Object.fromEntries(Object.entries(data.phrasings).reverse()),
      quiz: { ...data.quiz, cards: Object.fromEntries(Object.entries(data.quiz.cards).reverse()) },
    };
    expect(JSON.stringify(layOut(reversed, 'x').items)).toBe(JSON.stringify(layOut(data, 'x').items));
  });

  it('keeps a card in ~70 bytes, so about a thousand reviewed cards fit beside everything else', () => {
    const data = sample(20, 1000);
    const layout = layOut(data, 'x');
    const cardBytes = Object.entries(layout.items)
      .filter(([k]) => k.startsWith('c'))
      .reduce((n, [k, v]) => n + itemBytes(k, v), 0);
    const synced = 1000 - (layout.leftOut.cards ?? 0);
    expect(cardBytes / synced).toBeLessThan(80);
    expect(synced).toBeGreaterThan(900);
  });

  it('when the data no longer fits: leaves out the oldest cards, then the oldest phrasings, and counts them', () => {
    const long = '您好'.repeat(900); // ~5.4 KB per phrasing
    const data = sample(0, 600);
    for (let i = 0; i < 30; i++) data.phrasings[`my-${i}`] = { ...phrasing(i, long), id: `my-${i}` };
    const layout = layOut(data, 'x');
    withinQuota(layout.items);
    // Cards come last: a few fill the room a long phrasing could not use; they are the latest reviewed.
    expect(layout.leftOut.cards).toBeGreaterThan(500);
    expect(layout.leftOut.phrasings).toBeGreaterThan(0);
    const read = readLayout(layout.items);
    if (read.kind !== 'data') throw new Error(read.kind);
    const kept = Object.values(read.data.phrasings).filter((r) => !('deleted' in r));
    expect(Object.keys(read.data.phrasings).length + (layout.leftOut.phrasings ?? 0)).toBe(31); // 30 + the tombstone
    // The newest phrasings are the ones kept; settings, favourites, streak and today always are.
    const syncedCards = Object.keys(read.data.quiz.cards);
    const latest = (id: string) => data.quiz.cards[id]?.last_review ?? 0;
    const oldestSynced = Math.min(...syncedCards.map(latest));
    for (const id of Object.keys(data.quiz.cards))
      if (!syncedCards.includes(id)) expect(latest(id)).toBeLessThanOrEqual(oldestSynced);
    const newest = Math.min(...kept.map((r) => r.updatedAt));
    for (const r of Object.values(data.phrasings))
      if (!('deleted' in r) && r.updatedAt > newest) expect(read.data.phrasings[r.id]).toBeDefined();
    expect(read.data.settings).toEqual(data.settings);
    expect(read.data.favorites).toEqual(data.favorites);
    expect(read.data.quiz.streak).toEqual(data.quiz.streak);
  });

  it('stays within any budget and accounts for every record (property)', () =>
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 2_000, max: 100_000 }),
        (p, c, bytes) => {
          const data = sample(p, c);
          const budget = { ...SYNC_BUDGET, bytes };
          const layout = layOut(data, 'x', budget);
          const sizes = Object.entries(layout.items).map(([k, v]) => itemBytes(k, v));
          expect(sizes.reduce((a, b) => a + b, 0)).toBe(layout.bytes);
          expect(layout.bytes).toBeLessThanOrEqual(bytes);
          const read = readLayout(layout.items);
          if (read.kind !== 'data') throw new Error(read.kind);
          expect(Object.keys(read.data.phrasings).length + (layout.leftOut.phrasings ?? 0)).toBe(p + 1);
          expect(Object.keys(read.data.quiz.cards).length + (layout.leftOut.cards ?? 0)).toBe(c);
        },
      ),
      { numRuns: 40 },
    ));

  it('counts UTF-8 bytes as the quotas do', () => {
    expect(utf8Bytes('abc')).toBe(3);
    expect(utf8Bytes('您好')).toBe(6);
    expect(utf8Bytes('é')).toBe(2);
    expect(utf8Bytes('𠵾')).toBe(4);
    expect(itemBytes('p0', ['您'])).toBe(2 + 7);
  });
});

describe('reading the sync area', () => {
  it('merges chunks written by two browsers at once, record by record (nothing is read half)', () => {
    const a = sample(5, 0);
    const b = sample(0, 0);
    b.phrasings = { 'my-x': { ...phrasing(99), id: 'my-x' } };
    // Browser B wrote p0 over A's p0; A's p1 is still there from a longer layout.
    const itemsA = layOut(a, 'x', { ...SYNC_BUDGET, itemBytes: 300 }).items;
    const itemsB = layOut(b, 'x').items;
    expect(itemsA.p1).toBeDefined();
    const mixed = { ...itemsA, p0: itemsB.p0 };
    const read = readLayout(mixed);
    if (read.kind !== 'data') throw new Error(read.kind);
    expect(read.damaged).toEqual([]);
    expect(read.data.phrasings['my-x']).toBeDefined();
    // Every record that is still in the area is read; the merge with the browsers' own data does the rest.
    const merged = mergeSyncData(mergeSyncData(a, b), read.data);
    expect(Object.keys(merged.phrasings).sort()).toEqual(
      [...Object.keys(a.phrasings), ...Object.keys(b.phrasings)].sort(),
    );
  });

  it('sets damaged items and records aside, and reads the rest', () => {
    const items = layOut(sample(3, 3), 'x').items as Record<string, unknown[]>;
    const p0 = [...(items.p0 as unknown[]), ['my-bad', 'title only'], 'junk'];
    const read = readLayout({ ...items, p0, c0: { not: 'a list' }, k: [1, 2], x9: 'a later release’s key' });
    if (read.kind !== 'data') throw new Error(read.kind);
    expect(read.damaged.map((d) => [d.key, d.reason])).toEqual([
      ['c0', 'not a list of records'],
      ['k', 'bad record'],
      ['p0', 'bad record'],
      ['p0', 'bad record'],
    ]);
    expect(Object.keys(read.data.phrasings)).toHaveLength(4);
    expect(read.data.quiz.streak).toEqual(EMPTY_STREAK);
  });

  it('does not read a newer format at all (the caller pauses instead of rewriting it)', () => {
    const items = { ...layOut(sample(1, 1), 'x').items, m: { f: SYNC_FORMAT + 1, by: '9.0.0' } };
    expect(readLayout(items)).toEqual({ kind: 'newer', format: SYNC_FORMAT + 1, by: '9.0.0' });
  });

  it('reads an older format through its migration, and keeps it aside when there is none', () => {
    const current = layOut(sample(2, 0), 'x').items;
    // As if this release wrote format 2 and format 1 had kept phrasings under `q…` keys.
    const old = { m: { f: 1, by: '0.0.1' }, s0: current.s0, q0: current.p0 };
    const migrations = {
      2: ({ q0, ...rest }: Record<string, unknown>) => ({ ...rest, p0: q0, m: { f: 2 } }),
    };
    const read = readLayout(old, migrations, 2);
    expect(read).toMatchObject({ kind: 'data', migratedFrom: 1, damaged: [] });
    if (read.kind === 'data') expect(Object.keys(read.data.phrasings)).toHaveLength(3);
    const unreadable = readLayout({ ...old, p0: current.p0 }, {}, 2);
    expect(unreadable).toMatchObject({ kind: 'data', migratedFrom: 1 });
    if (unreadable.kind === 'data') {
      expect(unreadable.damaged.map((d) => d.key).sort()).toEqual(['m', 'p0', 's0']);
      expect(unreadable.data).toEqual(emptySyncData());
    }
  });

  it('treats an empty area (or only other keys) as empty', () => {
    expect(readLayout({})).toEqual({ kind: 'empty' });
    expect(readLayout({ later: 1 })).toEqual({ kind: 'empty' });
  });
});

describe('compact records', () => {
  it('round-trips a personal store with tombstones', () => {
    const store: PersonalStore = { 'my-a': phrasing(1), 'my-b': { id: 'my-b', updatedAt: 5, deleted: true } };
    store['my-a'] = { ...phrasing(1), id: 'my-a', guidelineId: 'refund-delay' };
    const data = { ...emptySyncData(), phrasings: store };
    const read = readLayout(layOut(data, 'x').items);
    if (read.kind !== 'data') throw new Error(read.kind);
    expect(read.data.phrasings).toEqual(store);
  });
});
