/**
 * Prebuilds the built-in pack's pinyin keys into utils/search/builtin-pinyin.generated.json, so the side
 * panel gets pinyin search without bundling pinyin-pro. Runs before `wxt build` (npm `prebuild`);
 * `--check` exits 1 when the committed file is out of date with knowledge/builtin/*.json.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { builtinPacks } from '../knowledge/builtin';
import { mergePacks } from '../knowledge/loader';
import { builtinPinyinJson } from '../utils/search/builtin-pinyin';

const OUT = resolve(import.meta.dirname, '../utils/search/builtin-pinyin.generated.json');

function main(args: string[]): number {
  const { packs, problems } = builtinPacks();
  if (problems.length) {
    process.stderr.write(`${problems.join('\n')}\n`);
    return 1;
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
