import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runKb, spawnKb } from './kb-run';

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
  it('exits 0 on a valid pack', async () => {
    const r = await kb('validate', writePack('ok.json', [guideline]));
    expect(r.code).toBe(0);
  });

  it('names the file, line, entry, field and id of each problem and exits 1', async () => {
    const file = writePack('broken.json', [guideline, { ...guideline, id: 'second', steps: [] }, { ...guideline }]);
    const r = await kb('validate', file);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/broken\.json:\d+: entries\[1\]\.steps: must not be empty \(id "second"\)$/);
    expect(lines[1]).toMatch(
      /broken\.json:\d+: entries\[2\]\.id: duplicate id, first used by entries\[0\] \(id "refund-delay"\)$/,
    );
  });

  it('reports a wrong type, a missing field and an unknown kind', async () => {
    const { keywords: _k, ...noKeywords } = guideline;
    const file = writePack('types.json', [
      { ...guideline, steps: '核实' },
      { ...noKeywords, id: 'no-keywords' },
      { ...guideline, id: 'odd', kind: 'faq' },
    ]);
    const r = await kb('validate', file);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /entries\[0\]\.steps: Invalid type: Expected Array but received "核实" \(id "refund-delay"\)/,
    );
    expect(r.stdout).toMatch(/entries\[1\]\.keywords: .* \(id "no-keywords"\)/);
    expect(r.stdout).toMatch(/entries\[2\]\.kind: .* \(id "odd"\)/);
  });

  it('reports invalid JSON with its line, and a missing file', async () => {
    const file = join(dir, 'syntax.json');
    writeFileSync(file, '{\n  "format": "agent-coach-pack",\n  "entries": [\n    {,}\n  ]\n}');
    const r = await kb('validate', file);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/syntax\.json:4: \(pack\): not valid JSON/);
    const missing = await kb('validate', join(dir, 'nope.json'));
    expect(missing.code).toBe(1);
    expect(missing.stdout).toMatch(/nope\.json: \(pack\): cannot read file/);
  });

  it('validates the built-in pack by default', async () => {
    const r = await kb('validate');
    expect(r.stdout).toBe('');
    expect(r.code).toBe(0);
  });
});

describe('kb export and stats', () => {
  it('exports a given pack as normalized JSON (trimmed text)', async () => {
    const file = writePack('padded.json', [{ ...guideline, title: '  退款迟迟未到账  ' }]);
    const r = await kb('export', file);
    expect(r.code).toBe(0);
    const pack = JSON.parse(r.stdout);
    expect(pack.entries[0].title).toBe('退款迟迟未到账');
    expect(pack.id).toBe('team');
  });

  it('counts kinds and source units', async () => {
    const file = writePack('two.json', [guideline, { ...guideline, id: 'refund-2' }]);
    const r = await kb('stats', file, '--json');
    expect(r.code).toBe(0);
    const stats = JSON.parse(r.stdout);
    expect(stats.kinds).toEqual({ guideline: 2 });
    expect(stats.sources).toEqual({ 'team-handbook.md': 1 });
  });

  it('rejects an unknown command with usage and exit 2', async () => {
    const r = await kb('frobnicate');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown command "frobnicate"/);
  });
});

describe('kb as a process', () => {
  const finish = (child: ReturnType<typeof spawnKb>) =>
    new Promise<{ code: number | null; stderr: string }>((done) => {
      let stderr = '';
      child.stderr?.on('data', (chunk) => {
        stderr += chunk;
      });
      child.on('close', (code) => done({ code, stderr }));
    });

  it('exits 1 with the problem on stdout for a broken pack', async () => {
    const file = writePack('spawned.json', [{ ...guideline, steps: [] }]);
    const child = spawnKb(dir, 'validate', file);
    let stdout = '';
    child.stdout?.on('data', (chunk) => {
      stdout += chunk;
    });
    const { code } = await finish(child);
    expect(code).toBe(1);
    expect(stdout).toMatch(/spawned\.json:\d+: entries\[0\]\.steps: must not be empty \(id "refund-delay"\)/);
  });

  it('ends quietly when the reader closes the pipe early (kb export | head)', async () => {
    const child = spawnKb(dir, 'export');
    // Close the pipe before the export is written, as `head` does once it has its lines.
    child.stdout?.destroy();
    const { code, stderr } = await finish(child);
    expect(stderr).not.toMatch(/EPIPE|Error/);
    expect(code).toBe(0);
  });
});
