/**
 * A pack as the JSON file an author edits and re-imports: fields in the documented order, no `$schema`.
 * One function for the options page's 「导出 JSON」 and `kb export`, so both write the same file.
 */
import { mergePacks } from '../../knowledge/loader';
import { PACK_FORMAT, PACK_FORMAT_VERSION, type Pack } from '../../knowledge/schema';

/** The built-in knowledge is several files; exported as one pack so it can be edited and imported. */
export function builtinAsOnePack(builtin: readonly Pack[]): Pack {
  return {
    format: PACK_FORMAT,
    formatVersion: PACK_FORMAT_VERSION,
    id: 'builtin',
    name: builtin.map((p) => p.name).join(' + ') || 'Built-in',
    language: 'zh-CN',
    entries: mergePacks(builtin),
  };
}

export function packToJson(pack: Pack): string {
  // Header fields first and entries last, whatever fields a later format adds in between.
  const { format, formatVersion, id, name, entries, ...rest } = pack as Pack & { $schema?: string };
  const { $schema: _schema, ...header } = rest;
  return `${JSON.stringify({ format, formatVersion, id, name, ...header, entries }, null, 2)}\n`;
}
