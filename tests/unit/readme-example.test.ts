import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePackJson } from '../../knowledge/loader';

describe('README', () => {
  it('shows a pack example that validates', () => {
    const readme = readFileSync(resolve(__dirname, '../../README.md'), 'utf8');
    const example = /## Pack format[\s\S]*?```json\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(example).toBeDefined();
    const result = parsePackJson(example ?? '');
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it('names the set-up and test commands that CI runs, and the test command builds once', () => {
    const readme = readFileSync(resolve(__dirname, '../../README.md'), 'utf8');
    const ci = readFileSync(resolve(__dirname, '../../.ci/run'), 'utf8');
    const pkg = JSON.parse(readFileSync(resolve(__dirname, '../../package.json'), 'utf8'));
    expect(readme).toContain('npm ci && npm run build');
    expect(readme).toContain('npm test');
    expect(ci).toMatch(/^npm ci\b/m);
    expect(ci).toMatch(/^npm test$/m);
    expect(ci).not.toMatch(/^npm run build/m);
    expect(pkg.scripts.test.match(/npm run build/g)).toHaveLength(1);
    expect(pkg.scripts.prebuild).toBeUndefined();
  });
});
