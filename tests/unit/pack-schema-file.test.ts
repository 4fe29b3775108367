import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packJsonSchema } from '../../scripts/gen-schema';

describe('knowledge/pack.schema.json', () => {
  it('is generated from the valibot schema (run `npm run gen:schema` after changing it)', () => {
    const committed = readFileSync(resolve(__dirname, '../../knowledge/pack.schema.json'), 'utf8');
    expect(committed).toBe(packJsonSchema());
  });
});
