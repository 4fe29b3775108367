/**
 * The content of builtin-pinyin.generated.json for a set of entries: the compact pinyin keys of every
 * title, keyword and tag, deterministic. Shared by the generator script and its up-to-date test.
 */
import type { Entry } from '../../knowledge/schema';
import { buildDocs } from './build';
import { pinyinOf } from './pinyin';
import { compactPinyin } from './pinyin-compact';

export function builtinPinyinJson(entries: readonly Entry[]): string {
  const { table } = buildDocs(entries, pinyinOf);
  return `${JSON.stringify(compactPinyin(table))}\n`;
}
