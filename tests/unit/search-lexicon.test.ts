/** The concept lexicon (knowledge/lexicon/*.json): its validation, and what search makes of it. */
import { describe, expect, it } from 'vitest';
import { builtinLexicon, LEXICON_FILES, validateLexicon } from '../../knowledge/lexicon';
import { analyzeClauses, BROADER, RELATED, SYNONYM } from '../../utils/search/analyze';
import { builtinCompiledLexicon, compileLexicon } from '../../utils/search/lexicon';
import { normalizeText } from '../../utils/text/normalize';

const file = (groups: unknown[], filler?: string[]) => ({
  format: 'agent-coach-lexicon',
  formatVersion: 1,
  title: '测试',
  groups,
  ...(filler ? { filler } : {}),
});

describe('lexicon: the built-in data', () => {
  const { lexicon, problems } = builtinLexicon();

  it('validates, with several hundred groups and a filler list', () => {
    expect(problems).toEqual([]);
    expect(lexicon.groups.length).toBeGreaterThanOrEqual(250);
    expect(lexicon.groups.reduce((n, g) => n + g.words.length, 0)).toBeGreaterThanOrEqual(2000);
    expect(lexicon.filler.length).toBeGreaterThanOrEqual(200);
  });

  it('covers the everyday concepts of service tickets', () => {
    const has = (word: string) => builtinCompiledLexicon().groupsOf.has(normalizeText(word));
    for (const word of [
      '投诉',
      '找媒体',
      '转来转去',
      '踢皮球',
      '退款',
      '退保',
      '丢件',
      '延误',
      '骂人',
      '告你们',
      '泄露',
      '扣费',
      '登不上',
      '转人工',
      '理赔',
      '拒赔',
      '免赔额',
      '等待期',
      '客訴',
      '個資',
      '忽悠',
    ])
      expect(has(word), word).toBe(true);
  });

  it('keeps every letter of its words when normalized (no word shrinks to a single character or to nothing)', () => {
    const letters = (s: string) => [...s].filter((c) => /[\p{L}\p{N}]/u.test(c)).length;
    const shrunk = lexicon.groups.flatMap((g) => g.words.filter((w) => letters(normalizeText(w)) !== letters(w)));
    expect(shrunk).toEqual([]);
  });

  it('has no group whose words all normalize to one word', () => {
    const compiled = builtinCompiledLexicon();
    expect(compiled.words.filter((words) => words.length < 2).length).toBe(0);
  });
});

describe('lexicon: validation', () => {
  const problems = (...files: unknown[]) =>
    validateLexicon(files.map((data, i) => ({ file: `f${i}.json`, data }))).problems;

  it('reports schema errors with the file and the path', () => {
    expect(problems({ ...file([]), format: 'x' })).toEqual([expect.stringMatching(/^f0\.json: format: /)]);
    expect(problems(file([{ id: 'a', words: ['投诉'] }]))[0]).toMatch(
      /^f0\.json: groups\[0\]\.words: a group needs at least 2 words/,
    );
    expect(problems(file([{ id: 'a', words: ['投 诉', '客诉'] }]))[0]).toMatch(
      /groups\[0\]\.words\[0\]: word must not contain spaces/,
    );
    expect(problems(file([{ id: 'A b', words: ['投诉', '客诉'] }]))[0]).toMatch(/groups\[0\]\.id: must be/);
  });

  it('reports a group id used twice, across files', () => {
    expect(
      problems(file([{ id: 'a', words: ['投诉', '客诉'] }]), file([{ id: 'a', words: ['退款', '退钱'] }])),
    ).toEqual(['f1.json: groups[0].id: "a" is already used in f0.json groups[0]']);
  });

  it('reports broader and related ids that name no group, or the group itself', () => {
    expect(
      problems(
        file([
          { id: 'a', words: ['投诉', '客诉'], broader: ['nope'] },
          { id: 'b', words: ['退款', '退钱'], related: ['b'] },
        ]),
      ),
    ).toEqual([
      'f0.json: groups[0].broader: "nope" is not a group id (group "a")',
      'f0.json: groups[1].related: names the group itself (group "b")',
    ]);
  });

  it('reports a word listed twice in a group, and a word that is also filler', () => {
    expect(problems(file([{ id: 'a', words: ['投诉', '投诉', '客诉'] }]))).toEqual([
      'f0.json: groups[0].words: "投诉" is listed twice (group "a")',
    ]);
    expect(problems(file([{ id: 'a', words: ['投诉', '客诉'] }], ['投诉']))).toEqual([
      'f0.json: groups[0].words: "投诉" is also a filler word (group "a")',
    ]);
  });

  it('is what the files on disk hold (no file left out of the list)', () => {
    expect(LEXICON_FILES.length).toBeGreaterThanOrEqual(20);
    expect(new Set(LEXICON_FILES.map((f) => f.file)).size).toBe(LEXICON_FILES.length);
  });
});

describe('lexicon: compiled for search', () => {
  const lexicon = compileLexicon({
    groups: [
      { id: 'complaint', words: ['投訴', '客诉'] },
      { id: 'media', words: ['找媒体', '曝光'], broader: ['complaint'] },
      { id: 'refund', words: ['退款', '退钱'], related: ['complaint'] },
    ],
    filler: ['我要', '你们', '怎么回事'],
  });
  const alts = (query: string) =>
    analyzeClauses(lexicon, [{ text: normalizeText(query), term: 0 }]).map((c) =>
      Object.fromEntries(c.alts.map((a) => [a.text, a.q])),
    );

  it('normalizes words (traditional → simplified) and links groups both ways', () => {
    expect(lexicon.groupsOf.has('投诉')).toBe(true);
    expect(alts('投诉')).toEqual([
      { 投诉: 1, 客诉: SYNONYM, 找媒体: BROADER, 曝光: BROADER, 退款: RELATED, 退钱: RELATED },
    ]);
    expect(alts('找媒体')).toEqual([{ 找媒体: 1, 曝光: SYNONYM, 投诉: BROADER, 客诉: BROADER }]);
  });

  it('drops filler, and finds the longest word: one concept per idea', () => {
    expect(alts('我要投訴你们！！怎么回事')).toEqual(alts('投诉'));
    expect(analyzeClauses(lexicon, [{ text: '你们怎么回事', term: 0 }])).toEqual([]);
  });

  it('adds a pack’s synonyms as groups of their own', () => {
    const team = compileLexicon(builtinLexicon().lexicon, [['安心保', '安心保障计划', 'AXB']]);
    expect(team.groupsOf.get('axb')).toEqual(team.groupsOf.get('安心保'));
    const concept = analyzeClauses(team, [{ text: '安心保怎么退', term: 0 }])[0];
    expect(concept?.alts.map((a) => a.text)).toEqual(['安心保', '安心保障计划', 'axb']);
  });
});
