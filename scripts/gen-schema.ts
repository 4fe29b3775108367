/**
 * Writes knowledge/pack.schema.json (JSON Schema for pack authors' editors and CI) from the valibot
 * schema, so the two never drift. `--check` exits 1 when the committed file is out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { toJsonSchema } from '@valibot/to-json-schema';
import * as v from 'valibot';
import { EntrySchema, PackSchema } from '../knowledge/schema';

const OUT = resolve(import.meta.dirname, '../knowledge/pack.schema.json');

export function packJsonSchema(): string {
  const full = v.strictObject({ ...PackSchema.entries, entries: v.array(EntrySchema) });
  // `trim` has no JSON Schema form; it only normalizes, so leaving it out is safe.
  const schema = toJsonSchema(full, { errorMode: 'ignore' });
  return `${JSON.stringify({ ...schema, title: 'Agent Coach knowledge pack', $id: 'agent-coach-pack.schema.json' }, null, 2)}\n`;
}

if (process.argv[1] && import.meta.filename === resolve(process.argv[1])) {
  const text = packJsonSchema();
  if (process.argv.includes('--check')) {
    const current = readFileSync(OUT, 'utf8');
    if (current !== text) {
      process.stderr.write('knowledge/pack.schema.json is out of date: run `npm run gen:schema`\n');
      process.exit(1);
    }
  } else writeFileSync(OUT, text);
}
