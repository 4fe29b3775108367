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

  it('names the test command that CI runs', () => {
    const readme = readFileSync(resolve(__dirname, '../../README.md'), 'utf8');
    const ci = readFileSync(resolve(__dirname, '../../.ci/run'), 'utf8');
    expect(readme).toContain('npm install && npm run build');
    expect(ci).toContain('npm test');
    expect(ci).toContain('npm run build');
  });
});
