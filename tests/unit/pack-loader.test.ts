import { describe, expect, it } from 'vitest';
import { parsePackJson } from '../../knowledge/loader';
import { formatProblem } from '../../knowledge/problems';

const guideline = {
  kind: 'guideline',
  id: 'complaint-order',
  title: '投诉处理顺序',
  tags: ['投诉'],
  keywords: ['客户投诉'],
  provenance: { source: 'team.md', section: '投诉', number: 1 },
  reviewedAt: '2026-11-01',
  scenario: '客户来电投诉',
  steps: ['道歉', '解释原因'],
  phrasings: ['非常抱歉给您带来不便。'],
  keyPoints: [],
};
const pack = (entries: unknown[]) =>
  JSON.stringify({ format: 'agent-coach-pack', formatVersion: 1, id: 'team', name: 'Team', entries }, null, 2);

describe('parsePackJson', () => {
  it('accepts a valid pack', () => {
    const result = parsePackJson(pack([guideline]));
    expect(result.ok).toBe(true);
  });

  it('names the entry, the field and the line of an empty steps list', () => {
    const result = parsePackJson(pack([guideline, { ...guideline, id: 'second', steps: [] }]));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const line = formatProblem('team.json', result.problems[0] as never);
    expect(line).toMatch(/^team\.json:\d+: entries\[1\]\.steps: must not be empty \(id "second"\)$/);
  });

  it('reports duplicate ids and bad answers', () => {
    const q = {
      ...guideline,
      kind: 'question',
      id: 'q1',
      questionType: 'single',
      stem: '?',
      options: [
        { key: 'A', text: 'a' },
        { key: 'B', text: 'b' },
      ],
      answer: 'C',
    };
    for (const k of ['scenario', 'steps', 'phrasings', 'keyPoints'] as const) delete (q as Record<string, unknown>)[k];
    const result = parsePackJson(pack([guideline, guideline, q]));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const messages = result.problems.map((p) => `${p.path} ${p.message}`);
    expect(messages).toContain('entries[1].id duplicate id, first used by entries[0]');
    expect(messages.some((m) => m.startsWith('entries[2].answer "C" is not one of the option keys'))).toBe(true);
  });

  it('keeps the curated mark and the section line, and names a curated field the entry lacks', () => {
    const marked = {
      ...guideline,
      provenance: { ...guideline.provenance, sectionIntro: '考察点：沟通能力。', curated: ['scenario'] },
    };
    const ok = parsePackJson(pack([marked]));
    expect(ok.ok && ok.pack.entries[0]?.provenance).toEqual(marked.provenance);

    const wrong = {
      ...marked,
      id: 'wrong',
      provenance: { ...marked.provenance, curated: ['scenario', 'stem', 'title'] },
    };
    const result = parsePackJson(pack([wrong]));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const lines = result.problems.map((p) => formatProblem('team.json', p));
    expect(lines).toEqual([
      expect.stringMatching(
        /^team\.json:\d+: entries\[0\]\.provenance\.curated\[2\]: must be a content field: scenario, steps, .* \(id "wrong"\)$/,
      ),
    ]);

    const absent = { ...marked, id: 'absent', provenance: { ...marked.provenance, curated: ['scenario', 'stem'] } };
    const second = parsePackJson(pack([absent]));
    expect(second.ok).toBe(false);
    if (second.ok) return;
    expect(second.problems.map((p) => formatProblem('team.json', p))).toEqual([
      expect.stringMatching(
        /^team\.json:\d+: entries\[0\]\.provenance\.curated\[1\]: names "stem", which this guideline does not have \(id "absent"\)$/,
      ),
    ]);
  });

  it('gives the line of a JSON syntax error', () => {
    const result = parsePackJson('{\n  "format": "agent-coach-pack",\n  oops\n}');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]?.line).toBe(3);
  });
});
