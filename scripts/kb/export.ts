/** `kb export [FILE]`: the pack (built-in or FILE) as normalized JSON on stdout. */
import { builtinAsOnePack, packToJson } from '../../utils/packs/export';
import type { KbIo } from './io';
import { loadPacks, parseArgs } from './load';

export async function runExport(args: string[], io: KbIo): Promise<number> {
  const { positional } = parseArgs(args, []);
  const loaded = loadPacks(positional[0], io.cwd);
  if (loaded.problems.length > 0) {
    for (const line of loaded.problems) io.err(`${line}\n`);
    return 1;
  }
  const single = loaded.packs.length === 1 ? loaded.packs[0] : undefined;
  io.out(packToJson(single ?? builtinAsOnePack(loaded.packs)));
  return 0;
}
