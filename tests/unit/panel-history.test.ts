import { describe, expect, it } from 'vitest';
import {
  bumpUsage,
  favoriteIds,
  pushRecent,
  repairCounts,
  repairIdList,
  toggleFavorite,
  toggleFavoriteMark,
  usageBoost,
} from '../../utils/panel/history';
import { recordNoResult, repairNoResultLog } from '../../utils/panel/no-result-log';

describe('recents, favorites, usage', () => {
  it('keeps recents most recent first, without duplicates, capped', () => {
    expect(pushRecent(['a', 'b', 'c'], 'c')).toEqual(['c', 'a', 'b']);
    expect(pushRecent(['a', 'b'], 'z', 2)).toEqual(['z', 'a']);
  });

  it('toggles a favorite on and off', () => {
    expect(toggleFavorite(['a'], 'b')).toEqual(['b', 'a']);
    expect(toggleFavorite(['b', 'a'], 'b')).toEqual(['a']);
  });

  it('lists a new star first, even in the same millisecond as the latest mark or behind a synced clock', () => {
    const now = 1_000_000;
    const same = toggleFavoriteMark({ b: { on: true, at: now }, a: { on: true, at: now - 1 } }, 'd', now);
    expect(favoriteIds(same)).toEqual(['d', 'b', 'a']);
    // Starred on another browser whose clock runs a minute ahead.
    const ahead = toggleFavoriteMark({ x: { on: true, at: now + 60_000 } }, 'y', now);
    expect(favoriteIds(ahead)).toEqual(['y', 'x']);
    // Unstarring is a mark too: starring again lists it first.
    const again = toggleFavoriteMark(toggleFavoriteMark(ahead, 'x', now), 'x', now);
    expect(favoriteIds(again)).toEqual(['x', 'y']);
  });

  it('boosts used entries a little, growing slowly and capped', () => {
    let counts = {};
    for (let i = 0; i < 3; i++) counts = bumpUsage(counts, 'x');
    const boost = usageBoost(counts);
    expect(boost('never')).toBe(0);
    expect(boost('x')).toBeGreaterThan(0);
    expect(usageBoost({ x: 10_000 })('x')).toBeLessThanOrEqual(0.1);
  });

  it('repairs stored lists: valid distinct ids kept, a non-list reported as null', () => {
    expect(repairIdList(['a-1', 'a-1', 'BAD', 3, 'b'], 10)).toEqual(['a-1', 'b']);
    expect(repairIdList({ a: 1 }, 10)).toBeNull();
    expect(repairCounts({ a: 2, b: -1, c: 'x' })).toEqual({ a: 2 });
    expect(repairCounts([])).toBeNull();
  });
});

describe('no-result log', () => {
  it('counts the same query (case and spaces folded) and keeps the most recent first', () => {
    let log = recordNoResult([], '  Tui  kuan ', 1);
    log = recordNoResult(log, 'other', 2);
    log = recordNoResult(log, 'tui kuan', 3);
    expect(log).toEqual([
      { query: 'Tui kuan', count: 2, firstAt: 1, lastAt: 3 },
      { query: 'other', count: 1, firstAt: 2, lastAt: 2 },
    ]);
  });

  it('ignores blank queries and drops the least recent beyond the cap', () => {
    expect(recordNoResult([], '   ', 1)).toEqual([]);
    let log = recordNoResult([], 'a', 1, 2);
    log = recordNoResult(log, 'b', 2, 2);
    log = recordNoResult(log, 'c', 3, 2);
    expect(log.map((r) => r.query)).toEqual(['c', 'b']);
  });

  it('repairs a stored log by dropping malformed records', () => {
    expect(repairNoResultLog([{ query: 'a', count: 1, firstAt: 1, lastAt: 1 }, { query: 5 }, null])).toHaveLength(1);
    expect(repairNoResultLog('x')).toBeNull();
  });
});
