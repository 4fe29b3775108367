import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runKb } from './kb-run';
import { FIXTURE } from './search-fixtures';

const dir = mkdtempSync(join(tmpdir(), 'kb-search-'));
const pack = join(dir, 'team.json');
writeFileSync(
  pack,
  JSON.stringify({ format: 'agent-coach-pack', formatVersion: 1, id: 'team', name: '团队', entries: FIXTURE }),
);

const kb = (...args: string[]) => runKb(dir, ...args);

describe('kb search', () => {
  it('prints the results array of one query as JSON, with all searchable text', async () => {
    const r = await kb('search', 'tlx', '--pack', pack, '--json', '--limit', '2');
    expect(r.code, r.stderr).toBe(0);
    const results = JSON.parse(r.stdout);
    expect(results[0]).toMatchObject({ id: 'empathy', kind: 'guideline', title: '用同理心处理客户投诉' });
    expect(results[0].text).toContain('我理解您的感受');
    expect(results.length).toBeLessThanOrEqual(2);
  });

  it('runs one query per line of --queries FILE', async () => {
    const file = join(dir, 'queries.txt');
    writeFileSync(file, '保單丟失\n\n情绪机动\n');
    const r = await kb('search', '--queries', file, '--pack', pack, '--json');
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { query: string; results: { id: string }[] }[];
    expect(out.map((o) => [o.query, o.results[0]?.id])).toEqual([
      ['保單丟失', 'lost-policy'],
      ['情绪机动', 'angry-claim'],
    ]);
  });

  it('prints a readable table by default, over the built-in pack', async () => {
    const r = await kb('search', '投诉');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^# 投诉 {2}\(\d+ results?\)\n {2}1 /);
  });

  it('reports an invalid pack with its problems and exit code 1, and usage errors with 2', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({ format: 'agent-coach-pack', formatVersion: 1, id: 'bad', name: 'x', entries: [{}] }),
    );
    const r = await kb('search', 'x', '--pack', bad);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('bad.json');
    expect((await kb('search')).code).toBe(2);
    expect((await kb('search', 'x', '--limit', 'many')).code).toBe(2);
  });
});
