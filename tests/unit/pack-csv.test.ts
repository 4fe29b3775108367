import { describe, expect, it } from 'vitest';
import { builtinPacks } from '../../knowledge/builtin';
import { formatProblem } from '../../knowledge/problems';
import type { Entry } from '../../knowledge/schema';
import { csvToPack } from '../../utils/packs/csv';
import { packToCsv } from '../../utils/packs/csv-export';
import { previewImport } from '../../utils/packs/import';
import { EMPTY_LIBRARY } from '../../utils/packs/library';
import { parseCsv } from '../../utils/text/csv';
import { decodeText } from '../../utils/text/decode';
import { CLOCK, encode, teamPack } from './pack-fixtures';

const OPTIONS = { packId: 'team', packName: 'Team', fileName: 'team.csv', today: '2026-11-23' };
const importCsv = (bytes: Uint8Array, fileName = 'team.csv') =>
  previewImport({ ...EMPTY_LIBRARY }, [], { bytes, fileName, csvPack: { id: 'team', name: 'Team' } }, CLOCK.today);

const PHRASINGS = [
  'kind,id,title,keywords,text',
  'phrasing,apology,致歉话术,抱歉|不好意思,非常抱歉给您带来不便。',
  'phrasing,wait,请稍等,稍等；等一下,"请您稍等，我马上为您查询。"',
].join('\r\n');

describe('CSV import', () => {
  it('reads UTF-8 with the BOM Excel writes, and without it', () => {
    for (const bytes of [encode(`\uFEFF${PHRASINGS}`), encode(PHRASINGS)]) {
      const result = importCsv(bytes);
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      const [first] = result.preview.pack.entries as Extract<Entry, { kind: 'phrasing' }>[];
      // The BOM must not end up in the first column name or the first cell.
      expect(first?.kind).toBe('phrasing');
      expect(first?.keywords).toEqual(['抱歉', '不好意思']);
      expect(result.preview.pack.entries[1]?.keywords).toEqual(['稍等', '等一下']);
    }
  });

  it('keeps line breaks inside quoted cells as list items, and reports the right line after them', () => {
    const text = [
      'kind,id,title,scenario,steps,phrasings',
      'guideline,refund,退款未到账,"客户催退款，',
      '语气焦急。","核实单号',
      '说明时效',
      '升级财务","您好，""马上""为您核实。"',
      'guideline,BAD ID,标题,场景,步骤,',
    ].join('\n');
    const result = csvToPack(text, OPTIONS);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(1);
    expect(formatProblem('team.csv', result.problems[0] as never)).toMatch(
      /^team\.csv:6: column "id": .*\(id "BAD ID"\)$/,
    );

    const good = csvToPack(text.split('\n').slice(0, 5).join('\n'), OPTIONS);
    expect(good.ok).toBe(true);
    if (!good.ok) return;
    const g = good.pack.entries[0] as Extract<Entry, { kind: 'guideline' }>;
    expect(g.scenario).toBe('客户催退款，\n语气焦急。');
    expect(g.steps).toEqual(['核实单号', '说明时效', '升级财务']);
    expect(g.phrasings).toEqual(['您好，"马上"为您核实。']);
    // Without a source column, provenance names the file; a team's own rows cite no section or number.
    expect(g.provenance).toEqual({ source: 'team.csv' });
  });

  it('detects GBK (Excel on Chinese Windows) and decodes it', () => {
    const gbk = Uint8Array.from(
      Buffer.from(
        '6b696e642c69642c7469746c652c746578740d0a7068726173696e672c67626b2d61706f6c6f67792cd6c2c7b8bbb0caf52cb7c7b3a3b1a7c7b8b8f8c4fab4f8c0b4b2bbb1e30d0a',
        'hex',
      ),
    );
    const result = importCsv(gbk);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.preview.encoding).toBe('gbk');
    const entry = result.preview.pack.entries[0] as Extract<Entry, { kind: 'phrasing' }>;
    expect(entry.title).toBe('致歉话术');
    expect(entry.text).toBe('非常抱歉给您带来不便');
  });

  it('rejects GBK with a clear message where the browser cannot decode it', () => {
    const result = decodeText(Uint8Array.from([0xd6, 0xc2, 0xc7, 0xb8]), false);
    expect(result).toEqual({ ok: false, message: expect.stringContaining('CSV UTF-8') });
  });

  it('names missing columns, unknown columns and columns a kind of row needs', () => {
    const noId = csvToPack('kind,title,text\nphrasing,标题,内容', OPTIONS);
    expect(noId.ok || noId.problems.map((p) => formatProblem('t.csv', p))).toEqual([
      't.csv:1: column "id": missing from the header row',
    ]);
    const typo = csvToPack('kind,id,title,keyword,text\nphrasing,a,标题,词,内容', OPTIONS);
    expect(typo.ok || typo.problems[0]?.path).toBe('column "keyword"');
    const noText = csvToPack('kind,id,title\nphrasing,a,标题', OPTIONS);
    expect(noText.ok || noText.problems[0]?.message).toBe('missing from the header row (phrasing rows need it)');
    const noStem = csvToPack('kind,id,title,optionA,optionB,answer\nquestion,q,题,甲,乙,A', OPTIONS);
    expect(noStem.ok || noStem.problems[0]?.path).toBe('column "stem"');
  });

  it('reports an unclosed quote with the line it opens on', () => {
    const result = parseCsv('kind,id\nphrasing,"abc\nmore');
    expect(result).toEqual({ ok: false, line: 2, message: expect.stringContaining('never closed') });
  });

  it('reads questions: option columns, letters, Chinese type and true/false words, Excel dates', () => {
    const text = [
      'kind,id,title,questionType,stem,optionA,optionB,optionC,answer,referencePoints,reviewedAt',
      '题目,q1,单选,,第一步？,承诺,核实,,B,,2026/3/5',
      'question,q2,多选,多选,要点？,核实,承诺,时间,"A, C",,',
      'question,q3,判断,判断,可以直接承诺。,,,,错,,',
      'question,q4,简答,,如何安抚？,,,,,"先共情',
      '再给方案",',
    ].join('\r\n');
    const result = csvToPack(text, OPTIONS);
    expect(result.ok ? result.pack.entries : result.problems).toMatchObject([
      { questionType: 'single', answer: 'B', options: [{ key: 'A' }, { key: 'B' }], reviewedAt: '2026-03-05' },
      { questionType: 'multiple', answer: ['A', 'C'], reviewedAt: '2026-11-23' },
      { questionType: 'truefalse', answer: false },
      { questionType: 'open', referencePoints: ['先共情', '再给方案'] },
    ]);
  });

  it('maps a wrong answer to its column and line', () => {
    const result = csvToPack('kind,id,title,stem,optionA,optionB,answer\nquestion,q,题,题干,甲,乙,C', OPTIONS);
    expect(result.ok || result.problems.map((p) => formatProblem('t.csv', p))).toEqual([
      't.csv:2: column "answer": "C" is not one of the option keys AB (id "q")',
    ]);
  });

  it('exports every kind so that importing the export gives the same entries', () => {
    const pack = teamPack();
    const { csv, skipped } = packToCsv(pack);
    expect(skipped).toEqual([]);
    expect(csv.startsWith('\uFEFFkind,id,title,')).toBe(true);
    const back = csvToPack(csv, { ...OPTIONS, packId: pack.id, packName: pack.name });
    expect(back.ok ? back.pack.entries : back.problems).toEqual(pack.entries);
  });

  it('exports the built-in pack so that importing it gives the same entries, curated marks and section lines included', () => {
    const [exam, guide] = builtinPacks().packs;
    for (const pack of [exam, guide]) {
      if (!pack) throw new Error('built-in pack missing');
      const { csv, skipped } = packToCsv(pack);
      expect(skipped).toEqual([]);
      const back = csvToPack(csv, { ...OPTIONS, packId: pack.id, packName: pack.name });
      expect(back.ok ? back.pack.entries : back.problems).toEqual(pack.entries);
    }
  });

  it('names the curated column for a field name the entry does not have', () => {
    const text = ['kind,id,title,text,curated', 'phrasing,p1,话术,您好。,text|scenario'].join('\r\n');
    const result = csvToPack(text, OPTIONS);
    expect(result.ok ? [] : result.problems.map((p) => formatProblem('team.csv', p))).toEqual([
      'team.csv:2: column "curated": names "scenario", which this phrasing does not have (id "p1")',
    ]);
  });

  it('keeps formula-like text as text in Excel and restores it on import', () => {
    const pack = teamPack();
    const phrasing = pack.entries[1] as Extract<Entry, { kind: 'phrasing' }>;
    phrasing.text = '=HYPERLINK("http://evil","点我")';
    const { csv } = packToCsv(pack);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"",""点我"")"`);
    const back = csvToPack(csv, { ...OPTIONS, packId: pack.id, packName: pack.name });
    expect(back.ok && (back.pack.entries[1] as typeof phrasing).text).toBe(phrasing.text);
  });
});
