/** `kb validate [FILE]`: exit 0 when the pack is valid, else exit 1 with one line per problem. */

import type { KbIo } from './io';
import { loadPacks, parseArgs } from './load';

export async function runValidate(args: string[], io: KbIo): Promise<number> {
  const { positional } = parseArgs(args, []);
  const loaded = loadPacks(positional[0], io.cwd);
  if (loaded.problems.length > 0) {
    for (const line of loaded.problems) io.out(`${line}\n`);
    return 1;
  }
  const count = loaded.packs.reduce((n, p) => n + p.entries.length, 0);
  io.err(`ok: ${loaded.packs.length} pack(s), ${count} entries\n`);
  return 0;
}
