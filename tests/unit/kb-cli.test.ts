import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runKb } from './kb-run';

const dir = mkdtempSync(join(tmpdir(), 'kb-cli-'));

const kb = (...args: string[]) => runKb(dir, ...args);

function writePack(name: string, entries: unknown[], extra: Record<string, unknown> = {}): string {
  const file = join(dir, name);
  const pack = { format: 'agent-coach-pack', formatVersion: 1, id: 'team', name: '团队', entries, ...extra };
  writeFileSync(file, JSON.stringify(pack, null, 2));
  return file;
}

const guideline = {
  kind: 'guideline',
  id: 'refund-delay',
  title: '退款迟迟未到账',
  tags: ['退款'],
  keywords: ['退款慢', '钱没到'],
  provenance: { source: 'team-handbook.md', section: '退款', number: 1 },
  reviewedAt: '2026-10-01',
  scenario: '客户反映退款一周未到账',
  steps: ['核实退款单号', '告知到账时效'],
  phrasings: ['{客户称呼}您好，我马上为您核实退款进度。'],
  keyPoints: ['先核实再承诺'],
};

describe('kb validate', () => {
  it('exits 0 on a valid pack', () => {
    const r = kb('validate', writePack('ok.json', [guideline]));
    expect(r.code).toBe(0);
  });

  it('names the file, line, entry, field and id of each problem and exits 1', () => {
    const file = writePack('broken.json', [guideline, { ...guideline, id: 'second', steps: [] }, { ...guideline }]);
    const r = kb('validate', file);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/broken\.json:\d+: entries\[1\]\.steps: must not be empty \(id "second"\)$/);
    expect(lines[1]).toMatch(
      /broken\.json:\d+: entries\[2\]\.id: duplicate id, first used by entries\[0\] \(id "refund-delay"\)$/,
    );
  });

  it('reports a wrong type, a missing field and an unknown kind', () => {
    const { keywords: _k, ...noKeywords } = guideline;
    const file = writePack('types.json', [
      { ...guideline, steps: '核实' },
      { ...noKeywords, id: 'no-keywords' },
      { ...guideline, id: 'odd', kind: 'faq' },
    ]);
    const r = kb('validate', file);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /entries\[0\]\.steps: Invalid type: Expected Array but received "核实" \(id "refund-delay"\)/,
    );
    expect(r.stdout).toMatch(/entries\[1\]\.keywords: .* \(id "no-keywords"\)/);
    expect(r.stdout).toMatch(/entries\[2\]\.kind: .* \(id "odd"\)/);
  });

  it('reports invalid JSON with its line, and a missing file', () => {
    const file = join(dir, 'syntax.json');
    writeFileSync(file, '{\n  "format": "agent-coach-pack",\n  "entries": [\n    {,}\n  ]\n}');
    const r = kb('validate', file);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/syntax\.json:4: \(pack\): not valid JSON/);
    const missing = kb('validate', join(dir, 'nope.json'));
    expect(missing.code).toBe(1);
    expect(missing.stdout).toMatch(/nope\.json: \(pack\): cannot read file/);
  });

  it('validates the built-in pack by default', () => {
    const r = kb('validate');
    expect(r.stdout).toBe('');
    expect(r.code).toBe(0);
  });
});

describe('kb export and stats', () => {
  it('exports a given pack as normalized JSON (trimmed text)', () => {
    const file = writePack('padded.json', [{ ...guideline, title: '  退款迟迟未到账  ' }]);
    const r = kb('export', file);
    expect(r.code).toBe(0);
    const pack = JSON.parse(r.stdout);
    expect(pack.entries[0].title).toBe('退款迟迟未到账');
    expect(pack.id).toBe('team');
  });

  it('counts kinds and source units', () => {
    const file = writePack('two.json', [guideline, { ...guideline, id: 'refund-2' }]);
    const r = kb('stats', file, '--json');
    expect(r.code).toBe(0);
    const stats = JSON.parse(r.stdout);
    expect(stats.kinds).toEqual({ guideline: 2 });
    expect(stats.sources).toEqual({ 'team-handbook.md': 1 });
  });

  it('rejects an unknown command with usage and exit 2', () => {
    const r = kb('frobnicate');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown command "frobnicate"/);
  });
});
