/**
 * A team pack's own synonyms (product names, abbreviations, jargon): validated with the pack, imported
 * from JSON and CSV, exported to CSV, shown in the import preview, merged, cached with the index, and
 * used by search.
 */
import { describe, expect, it } from 'vitest';
import { mergeSynonyms, parsePackJson } from '../../knowledge/loader';
import { formatProblem } from '../../knowledge/problems';
import type { Pack } from '../../knowledge/schema';
import { csvToPack } from '../../utils/packs/csv';
import { packToCsv } from '../../utils/packs/csv-export';
import { previewImport } from '../../utils/packs/import';
import { EMPTY_LIBRARY, type PackLibrary } from '../../utils/packs/library';
import { buildIndex, loadIndex, search, searchWithWords, serializeIndex } from '../../utils/search';
import { pinyinOf } from '../../utils/search/pinyin';
import { CLOCK, encode, teamPack } from './pack-fixtures';

const OPTIONS = { packId: 'team', packName: 'Team', fileName: 'team.csv', today: CLOCK.today };

const withSynonyms = (synonyms: unknown): string => {
  const pack = teamPack('team', 'Team');
  return JSON.stringify({ ...pack, synonyms }, null, 2);
};

describe('pack synonyms: validation', () => {
  it('accepts groups of words and keeps them on the pack', () => {
    const result = parsePackJson(withSynonyms([['安心保', '安心保障计划', 'AXB']]));
    expect(result.ok && result.pack.synonyms).toEqual([['安心保', '安心保障计划', 'AXB']]);
  });

  it('names the group, the word and the line of a bad synonym', () => {
    const text = withSynonyms([['安心保', '安心保障计划'], ['只有一个'], ['有 空格', '词']]);
    const result = parsePackJson(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const lines = result.problems.map((p) => formatProblem('team.json', p));
    expect(lines).toEqual([
      expect.stringMatching(/^team\.json:\d+: synonyms\[1\]: a synonym group needs at least 2 words$/),
      expect.stringMatching(/^team\.json:\d+: synonyms\[2\]\[0\]: word must not contain spaces/),
    ]);
    // The line is the group's own line in the file.
    const line = text.split('\n').findIndex((l) => l.includes('只有一个')) + 1;
    expect(lines[0]).toContain(`team.json:${line - 1}:`);
  });
});

describe('pack synonyms: CSV', () => {
  const CSV = [
    'kind,id,title,keywords,text',
    'phrasing,axb-refund,安心保退保说明,退保,安心保可在犹豫期内全额退保。',
    '同义词,,,安心保|安心保障计划|AXB,',
    'synonyms,,,"退保',
    '解约",',
  ].join('\n');

  it('reads synonyms rows (kind 同义词 or synonyms, words in the keywords cell)', () => {
    const result = csvToPack(CSV, OPTIONS);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.pack.entries.map((e) => e.id)).toEqual(['axb-refund']);
    expect(result.pack.synonyms).toEqual([
      ['安心保', '安心保障计划', 'AXB'],
      ['退保', '解约'],
    ]);
  });

  it('reports a one-word group at its row, in the keywords column', () => {
    const result = csvToPack(`${CSV}\nsynonyms,,,孤单,`, OPTIONS);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => formatProblem('team.csv', p))).toEqual([
      'team.csv:6: column "keywords": a synonym group needs at least 2 words',
    ]);
  });

  it('round-trips through CSV export', () => {
    const pack: Pack = { ...teamPack('team', 'Team'), synonyms: [['安心保', '安心保障计划', 'AXB']] };
    const back = csvToPack(packToCsv(pack).csv, OPTIONS);
    expect(back.ok && back.pack.synonyms).toEqual(pack.synonyms);
    expect(back.ok && back.pack.entries).toEqual(pack.entries);
  });

  it('accepts a CSV of synonyms only', () => {
    const result = csvToPack('kind,id,title,keywords\nsynonyms,,,工单|ticket', OPTIONS);
    expect(result.ok && result.pack).toMatchObject({ entries: [], synonyms: [['工单', 'ticket']] });
  });
});

describe('pack synonyms: import preview and merge', () => {
  const file = (synonyms: string[][]) => ({
    bytes: encode(withSynonyms(synonyms)),
    fileName: 'team.json',
  });

  it('shows the groups the pack will carry, for merge and for replace', () => {
    const installed: PackLibrary = {
      ...EMPTY_LIBRARY,
      packs: [
        {
          pack: { ...teamPack('team', 'Team'), synonyms: [['工单', 'ticket']] },
          enabled: true,
          origin: 'import',
          from: 'team.json',
          installedAt: CLOCK.now,
        },
      ],
    };
    const result = previewImport(installed, [], file([['安心保', 'AXB']]), CLOCK.today);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.preview.synonyms.replace).toEqual([['安心保', 'AXB']]);
    expect(result.preview.synonyms.merge).toEqual([
      ['工单', 'ticket'],
      ['安心保', 'AXB'],
    ]);
  });

  it('merges the groups of enabled packs once each', () => {
    const a: Pack = { ...teamPack('a', 'A'), synonyms: [['工单', 'ticket']] };
    const b: Pack = {
      ...teamPack('b', 'B'),
      synonyms: [
        ['工单', 'ticket'],
        ['安心保', 'AXB'],
      ],
    };
    expect(mergeSynonyms([a, b])).toEqual([
      ['工单', 'ticket'],
      ['安心保', 'AXB'],
    ]);
  });
});

describe('pack synonyms: search', () => {
  const pack = teamPack('team', 'Team');
  const entry = { ...(pack.entries[0] as Pack['entries'][number]), id: 'axb', title: 'AXB 退保说明', keywords: [] };
  const synonyms = [['安心保', '安心保障计划', 'AXB']];

  it('finds an entry written with one word of a group when an agent types another', () => {
    const without = buildIndex([entry], { pinyin: pinyinOf });
    expect(search(without, '安心保').filter((h) => !h.partial)).toEqual([]);
    const index = buildIndex([entry], { pinyin: pinyinOf, synonyms });
    const hits = search(index, '安心保怎么退');
    expect(hits[0]?.entry.id).toBe('axb');
    expect(hits[0]?.partial).toBe(false);
    expect(searchWithWords(index, '客户问安心保怎么退').words).toContain('安心保');
  });

  it('keeps the synonyms in the cached index', () => {
    const index = buildIndex([entry], { pinyin: pinyinOf, synonyms });
    const loaded = loadIndex(JSON.parse(JSON.stringify(serializeIndex(index))));
    expect(loaded?.synonyms).toEqual(synonyms);
    expect(search(loaded as NonNullable<typeof loaded>, '安心保障计划')[0]?.entry.id).toBe('axb');
  });
});
