/** 「我的话术」 as records: drafts, saving, tombstones, repair on read, and the pack they export and import as. */
import { describe, expect, it } from 'vitest';
import { parsePackJson } from '../../knowledge/loader';
import type { Entry } from '../../knowledge/schema';
import { csvToPack } from '../../utils/packs/csv';
import { packToCsv } from '../../utils/packs/csv-export';
import { packToJson } from '../../utils/packs/export';
import { importIntoPersonal, personalPack } from '../../utils/personal/pack';
import {
  deletePhrasing,
  draftProblems,
  livePhrasings,
  type PersonalStore,
  parseTags,
  proposeTitle,
  pruneTombstones,
  repairPersonalStore,
  restorePhrasing,
  savePhrasing,
  TOMBSTONE_KEEP_MS,
} from '../../utils/personal/phrasings';

const T = Date.UTC(2026, 10, 20, 9);
const draft = { title: '催退款', text: '{客户称呼}您好，正在加急处理。', tags: '退款、催进度', guidelineId: '' };
const none = new Set<string>();

function saved(store: PersonalStore = {}, now = T) {
  const r = savePhrasing(store, draft, { now, guidelines: none, random: () => 0.5 });
  if (!r.ok) throw new Error('fixture');
  return r;
}

describe('drafts', () => {
  it('names every problem by field', () => {
    expect(draftProblems({ title: ' ', text: '', tags: '', guidelineId: 'nope' }, new Set(['real']))).toEqual([
      { field: 'title', code: 'required' },
      { field: 'text', code: 'required' },
      { field: 'guidelineId', code: 'unknownGuideline' },
    ]);
    expect(draftProblems({ ...draft, title: '题'.repeat(61) }, none)).toEqual([
      { field: 'title', code: 'tooLong', limit: 60 },
    ]);
    expect(draftProblems({ ...draft, tags: Array.from({ length: 11 }, (_, i) => `t${i}`).join(',') }, none)).toEqual([
      { field: 'tags', code: 'tooMany', limit: 10 },
    ]);
  });

  it('reads tags separated the ways agents type them, and proposes a title from selected text', () => {
    expect(parseTags('退款，催进度、 退款;物流\n投诉|')).toEqual(['退款', '催进度', '物流', '投诉']);
    expect(proposeTitle('  您好，已为您登记。稍后回电。\n第二行')).toBe('您好，已为您登记。');
    expect(proposeTitle('一'.repeat(40))).toBe('一'.repeat(20));
    expect(proposeTitle('您好，您的包裹已到达转运中心，预计明天送达，请保持电话畅通。')).toBe(
      '您好，您的包裹已到达转运中心',
    );
  });
});

describe('saving, deleting, undoing', () => {
  it('gives a new phrasing an id that fits entry ids, and a later time to every change', () => {
    const { store, record } = saved();
    expect(record.id).toMatch(/^my-[a-z0-9]+-[a-z0-9]{4}$/);
    expect(record).toMatchObject({ title: '催退款', tags: ['退款', '催进度'], createdAt: T, updatedAt: T });
    // A clock that went back still gives a later version.
    const edited = savePhrasing(store, { ...draft, title: '改了' }, { id: record.id, now: T - 1000, guidelines: none });
    expect(edited.ok && edited.record.updatedAt).toBe(T + 1);
    expect(edited.ok && edited.record.createdAt).toBe(T);
  });

  it('deletes into a tombstone, undoes with a newer version, and forgets tombstones after a while', () => {
    const { store, record } = saved();
    const { store: afterDelete, removed } = deletePhrasing(store, record.id, T + 10);
    expect(removed).toEqual(record);
    expect(livePhrasings(afterDelete)).toEqual([]);
    expect(afterDelete[record.id]).toEqual({ id: record.id, updatedAt: T + 10, deleted: true });
    const back = restorePhrasing(afterDelete, record, T + 5);
    expect(back[record.id]).toMatchObject({ title: '催退款', updatedAt: T + 11 });
    expect(pruneTombstones(afterDelete, T + 10 + TOMBSTONE_KEEP_MS - 1)).toBe(afterDelete);
    expect(pruneTombstones(afterDelete, T + 11 + TOMBSTONE_KEEP_MS)).toEqual({});
  });

  it('repairs a stored value record by record', () => {
    const { store, record } = saved();
    const damaged = {
      ...store,
      'my-x': { id: 'my-x', title: '', text: 'x' },
      'my-y': { id: 'other', updatedAt: 1, deleted: true },
    };
    expect(repairPersonalStore(damaged)).toEqual({ [record.id]: record });
    expect(repairPersonalStore('nonsense')).toBeNull();
    expect(repairPersonalStore(undefined)).toEqual({});
  });
});

describe('as a pack', () => {
  it('exports as JSON and CSV that validate and import back unchanged', () => {
    const { store } = saved();
    const pack = personalPack(store, 'UTC');
    expect(pack).toMatchObject({ id: 'my-phrasings', name: '我的话术' });
    expect(pack.entries[0]).toMatchObject({
      kind: 'phrasing',
      provenance: { source: '我的话术' },
      reviewedAt: '2026-11-20',
    });
    const json = parsePackJson(packToJson(pack));
    expect(json.ok).toBe(true);
    const csv = csvToPack(packToCsv(pack).csv, {
      packId: 'my-phrasings',
      packName: '我的话术',
      fileName: 'my.csv',
      today: '2026-11-20',
    });
    expect(csv.ok && csv.pack.entries).toEqual(pack.entries);
    const again = importIntoPersonal(store, pack.entries, { now: T + 1, takenIds: none });
    expect(again).toMatchObject({ added: 0, updated: 0, unchanged: 1, skipped: [] });
  });

  it('imports phrasings only, keeps ids unless a team entry has them, never deletes', () => {
    const { store, record } = saved();
    const phrasing = (id: string, title: string): Entry => ({
      kind: 'phrasing',
      id,
      title,
      tags: [],
      keywords: [],
      provenance: { source: 'x', section: 'x', number: 1 },
      reviewedAt: '2026-11-01',
      text: '您好',
    });
    const entries: Entry[] = [
      phrasing('fresh-one', '新的'),
      phrasing('team-taken', '撞了 id 的'),
      phrasing(record.id, '更新了'),
      {
        ...phrasing('not-a-phrasing', '题'),
        kind: 'question',
        questionType: 'truefalse',
        stem: '对吗',
        answer: true,
      } as Entry,
    ];
    const result = importIntoPersonal(store, entries, {
      now: T + 5,
      takenIds: new Set(['team-taken']),
      random: () => 0.1,
    });
    expect(result).toMatchObject({
      added: 2,
      updated: 1,
      unchanged: 0,
      skipped: [{ id: 'not-a-phrasing', reason: 'not-phrasing' }],
    });
    const titles = livePhrasings(result.store).map((r) => [r.id.startsWith('my-') ? 'my-*' : r.id, r.title]);
    expect(titles).toContainEqual(['fresh-one', '新的']);
    expect(titles).toContainEqual(['my-*', '撞了 id 的']);
    expect(result.store[record.id]).toMatchObject({ title: '更新了', createdAt: T });
  });
});
