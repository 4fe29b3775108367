/**
 * Prebuilds the built-in pack's pinyin keys into utils/search/builtin-pinyin.generated.json and the
 * readings of common characters into utils/search/common-pinyin.generated.json, so the side panel gets
 * pinyin search and typo recovery without bundling pinyin-pro. `--check` exits 1 when a committed file
 * is out of date with knowledge/builtin/*.json or knowledge/lexicon/*.json.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { builtinPacks } from '../knowledge/builtin';
import { mergePacks } from '../knowledge/loader';
import { builtinPinyinJson } from '../utils/search/builtin-pinyin';
import { commonPinyinJson } from '../utils/search/common-pinyin';

const OUT = resolve(import.meta.dirname, '../utils/search/builtin-pinyin.generated.json');
const COMMON_OUT = resolve(import.meta.dirname, '../utils/search/common-pinyin.generated.json');

function current(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

function main(args: string[]): number {
  const { packs, problems } = builtinPacks();
  if (problems.length) {
    process.stderr.write(`${problems.join('\n')}\n`);
    return 1;
  }
  const files: [string, string][] = [
    [OUT, builtinPinyinJson(mergePacks(packs))],
    [COMMON_OUT, commonPinyinJson()],
  ];
  if (args.includes('--check')) {
    const stale = files.filter(([file, json]) => current(file) !== json).map(([file]) => file);
    for (const file of stale) process.stderr.write(`${file} is out of date: run \`npm run gen:search\`\n`);
    return stale.length ? 1 : 0;
  }
  for (const [file, json] of files) {
    writeFileSync(file, json);
    process.stdout.write(`wrote ${file} (${json.length} characters)\n`);
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
