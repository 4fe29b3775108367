import { describe, expect, it } from 'vitest';
import { staleEntries } from '../../utils/packs/freshness';
import { noResultsToCsv } from '../../utils/panel/no-result-log';
import { parseCsv } from '../../utils/text/csv';
import { teamPack } from './pack-fixtures';

describe('freshness list', () => {
  it('lists entries reviewed more than N days ago, oldest first', () => {
    const pack = teamPack();
    pack.entries[0] = { ...(pack.entries[0] as (typeof pack.entries)[number]), reviewedAt: '2025-01-01' };
    // The fixture's other entries were reviewed on 2026-01-15: 312 days before 2026-11-23.
    expect(staleEntries([pack], 400, '2026-11-23').map((s) => [s.entry.id, s.ageDays])).toEqual([
      ['acme-support-refund-delay', 691],
    ]);
    expect(staleEntries([pack], 180, '2026-11-23')).toHaveLength(6);
    expect(staleEntries([pack], 312, '2026-11-23')).toHaveLength(1);
  });
});

describe('no-result report', () => {
  it('exports most frequent first, with ISO times, as CSV that Excel reads as text', () => {
    const csv = noResultsToCsv([
      { query: '退款慢', count: 2, firstAt: Date.UTC(2026, 10, 1), lastAt: Date.UTC(2026, 10, 2) },
      { query: '=cmd|"/c calc"', count: 5, firstAt: 0, lastAt: Date.UTC(2026, 10, 3) },
    ]);
    const parsed = parseCsv(csv);
    expect(parsed.ok && parsed.records.map((r) => r.cells)).toEqual([
      ['query', 'count', 'firstSearchedAt', 'lastSearchedAt'],
      ['\'=cmd|"/c calc"', '5', '1970-01-01T00:00:00.000Z', '2026-11-03T00:00:00.000Z'],
      ['退款慢', '2', '2026-11-01T00:00:00.000Z', '2026-11-02T00:00:00.000Z'],
    ]);
  });
});
