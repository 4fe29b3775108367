/**
 * Pack problems for people: named entry and field in the UI language, with the technical form kept for the
 * CLI; and the provenance a team's own entries may leave out (only the built-in pack must cite section and number).
 */
import { describe, expect, it } from 'vitest';
import { BUILTIN_PACK_FILES, BUILTIN_VALIDATION } from '../../knowledge/builtin';
import { parsePackJson, validatePack } from '../../knowledge/loader';
import { formatProblem, type PackProblem } from '../../knowledge/problems';
import { previewImport } from '../../utils/packs/import';
import { EMPTY_LIBRARY } from '../../utils/packs/library';
import { describeProblem } from '../../utils/packs/problem-text';
import { CLOCK, encode, teamPack } from './pack-fixtures';

type Json = Record<string, unknown>;
const clone = (): Json => JSON.parse(JSON.stringify(teamPack())) as Json;
const entriesOf = (pack: Json) => pack.entries as Json[];

function problemsOf(pack: unknown, fileName = 'team.json'): PackProblem[] {
  const text = typeof pack === 'string' ? pack : JSON.stringify(pack, null, 2);
  const result = previewImport({ ...EMPTY_LIBRARY }, [], { bytes: encode(text), fileName }, CLOCK.today);
  if (result.ok) throw new Error('expected problems');
  return result.problems;
}

const zh = (p: PackProblem, pack?: Json) =>
  describeProblem(p, 'zh-CN', (i) => (pack ? entriesOf(pack)[i] : undefined)).sentence;
const en = (p: PackProblem, pack?: Json) =>
  describeProblem(p, 'en', (i) => (pack ? entriesOf(pack)[i] : undefined)).sentence;

describe('provenance of team entries', () => {
  it('imports a team phrasing that cites only its source (no section, no number)', () => {
    const pack = {
      format: 'agent-coach-pack',
      formatVersion: 1,
      id: 'acme',
      name: 'Acme',
      entries: [
        {
          kind: 'phrasing',
          id: 'our-greeting',
          title: '我们的开场白',
          tags: [],
          keywords: ['开场'],
          provenance: { source: 'Acme 客服组' },
          reviewedAt: '2026-11-01',
          text: '{客户称呼}您好，这里是 Acme 客服，请问有什么可以帮您？',
        },
      ],
    };
    const result = previewImport(
      { ...EMPTY_LIBRARY },
      [],
      { bytes: encode(JSON.stringify(pack)), fileName: 'acme.json' },
      CLOCK.today,
    );
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.preview.pack.entries[0]?.provenance).toEqual({ source: 'Acme 客服组' });
  });

  it('still requires a source name, and says so in words', () => {
    const pack = clone();
    (entriesOf(pack)[1] as Json).provenance = {};
    const [problem] = problemsOf(pack);
    expect(problem?.path).toBe('entries[1].provenance.source');
    expect(zh(problem as PackProblem)).toBe('第 2 条 “致歉话术”：缺少出处名称');
    expect(en(problem as PackProblem)).toBe('Entry 2 "致歉话术": missing the source name');
  });

  it('keeps the built-in pack strict: every built-in entry cites section and number', () => {
    for (const { data } of BUILTIN_PACK_FILES) {
      const entries = (data as { entries: { provenance: Json }[] }).entries;
      for (const e of entries) {
        expect(typeof e.provenance.section).toBe('string');
        expect(Number.isInteger(e.provenance.number)).toBe(true);
      }
    }
    const first = BUILTIN_PACK_FILES[0]?.data as { entries: { provenance: Json }[] };
    const damaged = JSON.parse(JSON.stringify(first)) as typeof first;
    delete damaged.entries[0]?.provenance.section;
    delete damaged.entries[2]?.provenance.number;
    const strict = validatePack(damaged, undefined, BUILTIN_VALIDATION);
    expect(strict.ok).toBe(false);
    if (!strict.ok) {
      expect(strict.problems.map((p) => p.path)).toEqual([
        'entries[0].provenance.section',
        'entries[2].provenance.number',
      ]);
    }
    // The same data is a fine team pack.
    expect(validatePack(damaged).ok).toBe(true);
  });
});

describe('problems in words (zh-CN and en)', () => {
  it('names the entry by position and title and the field as authors call it', () => {
    const pack = clone();
    const entries = entriesOf(pack);
    (entries[0] as Json).steps = [];
    const problems = problemsOf(pack);
    expect(problems).toHaveLength(1);
    const [p] = problems as [PackProblem];
    expect(zh(p)).toBe('第 1 条 “退款迟迟未到账”：处理步骤不能为空');
    expect(en(p)).toBe('Entry 1 "退款迟迟未到账": the steps must not be empty');
    // The CLI keeps the technical line.
    expect(formatProblem('team.json', p)).toMatch(
      /^team\.json:\d+: entries\[0\]\.steps: must not be empty \(id "acme-support-refund-delay"\)$/,
    );
  });

  it('names list items, options and answers', () => {
    const pack = clone();
    const entries = entriesOf(pack);
    (entries[0] as Json).steps = ['核实', '  '];
    (entries[2] as Json).options = [
      { key: 'A', text: '直接承诺' },
      { key: 'B', text: '' },
    ];
    (entries[3] as Json).answer = ['A', 'D'];
    const texts = problemsOf(pack).map((p) => zh(p));
    expect(texts).toEqual([
      '第 1 条 “退款迟迟未到账”：第 2 步不能为空',
      '第 3 条 “退款超时先做什么”：选项 B 的内容不能为空',
      '第 4 条 “退款沟通要点”：答案 “D” 不是任何一个选项的字母（现有选项：ABC）',
    ]);
  });

  it('words ids, dates, kinds, unknown fields, duplicates and missing guidelines', () => {
    const pack = clone();
    const entries = entriesOf(pack);
    Object.assign(entries[0] as Json, { id: 'Refund Delay' });
    Object.assign(entries[1] as Json, { reviewedAt: '2026/11/01', guidelineId: 'nowhere' });
    Object.assign(entries[2] as Json, { steps: ['x'] });
    Object.assign(entries[4] as Json, { kind: 'faq' });
    Object.assign(entries[5] as Json, { id: entries[3]?.id });
    const problems = problemsOf(pack);
    expect(problems.map((p) => zh(p, pack))).toEqual([
      '第 1 条 “退款迟迟未到账”：ID只能用小写英文字母、数字和 “-”，以字母或数字开头，最多 80 个字符（现在是 “Refund Delay”）',
      '第 2 条 “致歉话术”：审核日期要写成 2026-11-01 这样的日期（现在是 “2026/11/01”）',
      '第 3 条 “退款超时先做什么”：有一个不认识的字段 “steps”（拼写有误？）',
      '第 5 条 “能否直接承诺”：类型 “faq” 不认识：应为 guideline（规范）、phrasing（话术）或 question（题目）',
      '第 6 条 “如何安抚”：ID “acme-support-q-multiple” 与第 4 条重复',
    ]);
    expect(problems.map((p) => en(p, pack))[4]).toBe(
      'Entry 6 "如何安抚": the id "acme-support-q-multiple" is already used by entry 4',
    );
    // With entry 0's id invalid, entry 1's link to a guideline that is nowhere is found once the rest is fixed.
    Object.assign(entries[0] as Json, { id: 'refund-delay' });
    Object.assign(entries[1] as Json, { reviewedAt: '2026-11-01' });
    delete (entries[2] as Json).steps;
    Object.assign(entries[4] as Json, { kind: 'question' });
    Object.assign(entries[5] as Json, { id: 'q-open' });
    const [dangling] = problemsOf(pack);
    expect(zh(dangling as PackProblem)).toBe(
      '第 2 条 “致歉话术”：关联规范 “nowhere” 不存在：本知识包和其他启用的知识包里都没有这个 ID',
    );
  });

  it('names CSV rows by their spreadsheet line and file problems without an entry', () => {
    const csv = 'kind,id,title,text\nphrasing,ok-one,好的,您好\nphrasing,bad-one,空话术,\n';
    const [row] = problemsOf(csv, 'team.csv');
    expect(zh(row as PackProblem)).toBe('第 3 行 “空话术”：话术正文不能为空');
    expect(en(row as PackProblem)).toBe('Row 3 "空话术": the phrasing text must not be empty');
    expect(formatProblem('team.csv', row as PackProblem)).toBe(
      'team.csv:3: column "text": text must not be empty (id "bad-one")',
    );

    const [column] = problemsOf('kind,id,title,colour\n', 'team.csv');
    expect(zh(column as PackProblem)).toBe('表头里的列 “colour” 不认识（可用的列见说明）');
    const [syntax] = problemsOf('{\n  "format": "agent-coach-pack",\n  oops\n}');
    expect(zh(syntax as PackProblem)).toBe('文件不是有效的 JSON：请检查第 3 行附近的逗号、引号和括号');
    expect(en(syntax as PackProblem)).toBe('The file is not valid JSON: check commas, quotes and brackets near line 3');
    const [format] = problemsOf({ ...clone(), formatVersion: 2 });
    expect(zh(format as PackProblem)).toBe('不支持格式版本 2：应为 1');
  });

  it('gives every problem of broken packs a code, so none falls back to the validator’s English', () => {
    const broken: unknown[] = [];
    const fields = ['id', 'title', 'tags', 'keywords', 'provenance', 'reviewedAt', 'kind'];
    const wrong: unknown[] = [42, null, true, [], {}, ['x'], [null], 'x', -0.5];
    for (const [i, field] of fields.entries()) {
      for (const value of wrong) {
        const pack = clone();
        (entriesOf(pack)[i % 6] as Json)[field] = value;
        broken.push(pack);
      }
      const missing = clone();
      delete (entriesOf(missing)[i % 6] as Json)[field];
      broken.push(missing);
    }
    for (const field of ['format', 'formatVersion', 'id', 'name', 'entries']) {
      for (const value of wrong) broken.push({ ...clone(), [field]: value });
    }
    broken.push('', '[]', 'null', '{', '\u0000');
    let count = 0;
    for (const pack of broken) {
      let problems: PackProblem[];
      try {
        problems = problemsOf(pack);
      } catch {
        continue; // a wrong value that happens to be valid (e.g. tags: [])
      }
      for (const p of problems) {
        count++;
        expect(p.code, formatProblem('team.json', p)).toBeDefined();
        expect(p.code, formatProblem('team.json', p)).not.toBe('invalid');
        expect(zh(p)).not.toMatch(/Invalid|Expected|must|undefined|\{\w+\}/);
        expect(en(p)).not.toMatch(/undefined|\{\w+\}/);
      }
    }
    expect(count).toBeGreaterThan(60);
  });

  it('parses the pack the CLI reads with the same problems', () => {
    const pack = clone();
    (entriesOf(pack)[0] as Json).steps = [];
    const result = parsePackJson(JSON.stringify(pack, null, 2));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]?.code).toBe('empty');
  });
});
