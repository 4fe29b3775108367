/** `kb export [FILE]`: the pack (built-in or FILE) as normalized JSON on stdout. */
import { PACK_FORMAT, PACK_FORMAT_VERSION, type Pack } from '../../knowledge/schema';
import { entriesOf, loadPacks, parseArgs } from './load';

export async function runExport(args: string[]): Promise<number> {
  const { positional } = parseArgs(args, []);
  const loaded = loadPacks(positional[0]);
  if (loaded.problems.length > 0) {
    for (const line of loaded.problems) process.stderr.write(`${line}\n`);
    return 1;
  }
  const single = loaded.packs.length === 1 ? loaded.packs[0] : undefined;
  const pack: Pack = single ?? {
    format: PACK_FORMAT,
    formatVersion: PACK_FORMAT_VERSION,
    id: 'builtin',
    name: loaded.packs.map((p) => p.name).join(' + '),
    language: 'zh-CN',
    entries: entriesOf(loaded),
  };
  process.stdout.write(`${JSON.stringify(pack, null, 2)}\n`);
  return 0;
}
