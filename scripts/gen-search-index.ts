/**
 * Prebuilds the built-in pack's pinyin keys into utils/search/builtin-pinyin.generated.json, so the side
 * panel gets pinyin search without bundling pinyin-pro. Runs before `wxt build` (npm `prebuild`);
 * `--check` exits 1 when the committed file is out of date with knowledge/builtin/*.json.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { BUILTIN_PACK_FILES } from '../knowledge/builtin';
import { formatProblem, mergePacks, validatePack } from '../knowledge/loader';
import type { Pack } from '../knowledge/schema';
import { builtinPinyinJson } from '../utils/search/builtin-pinyin';

const OUT = resolve(import.meta.dirname, '../utils/search/builtin-pinyin.generated.json');

function main(args: string[]): number {
  const packs: Pack[] = [];
  for (const { file, data } of BUILTIN_PACK_FILES) {
    const result = validatePack(data);
    if (result.ok) packs.push(result.pack);
    else {
      for (const p of result.problems) process.stderr.write(`${formatProblem(file, p)}\n`);
      return 1;
    }
  }
  const json = builtinPinyinJson(mergePacks(packs));
  if (args.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(OUT, 'utf8');
    } catch {}
    if (current === json) return 0;
    process.stderr.write(`${OUT} is out of date with the built-in pack: run \`npm run gen:search\`\n`);
    return 1;
  }
  writeFileSync(OUT, json);
  process.stdout.write(`wrote ${OUT} (${json.length} characters)\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
