/**
 * `kb` — the knowledge author's CLI: `npm run kb -- <command> …` (scripts/kb.ts runs this on the process).
 * Exit codes: 0 ok, 1 problems found in the input, 2 usage error.
 */
import { runExport } from './export';
import type { KbIo } from './io';
import { runSearch } from './search';
import { runStats } from './stats';
import { runValidate } from './validate';

const USAGE = `usage: kb <command> [options]
  validate [FILE]           check a pack (default: the built-in pack); one line per problem
  export [FILE]             print the pack (default: built-in) as normalized JSON
  stats [--json]            counts per kind and seed units covered
  search "<query>" [--pack FILE] [--limit N] [--json]
  search --queries FILE     one query per line`;

const commands: Record<string, (args: string[], io: KbIo) => Promise<number>> = {
  validate: runValidate,
  export: runExport,
  stats: runStats,
  search: runSearch,
};

export async function main(argv: readonly string[], io: KbIo): Promise<number> {
  const [name, ...args] = argv;
  const command = name ? commands[name] : undefined;
  if (!command) {
    io.err(`${name ? `kb: unknown command "${name}"\n` : ''}${USAGE}\n`);
    return 2;
  }
  try {
    return await command(args, io);
  } catch (error) {
    io.err(`kb: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
}
