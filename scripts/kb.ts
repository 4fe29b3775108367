/**
 * `kb` — the knowledge author's CLI: `npm run kb -- <command> …`. Each command lives in scripts/kb/.
 * Exit codes: 0 ok, 1 problems found in the input, 2 usage error.
 */
import { runExport } from './kb/export';
import { runSearch } from './kb/search';
import { runStats } from './kb/stats';
import { runValidate } from './kb/validate';

const USAGE = `usage: kb <command> [options]
  validate [FILE]           check a pack (default: the built-in pack); one line per problem
  export [FILE]             print the pack (default: built-in) as normalized JSON
  stats [--json]            counts per kind and seed units covered
  search "<query>" [--pack FILE] [--limit N] [--json]
  search --queries FILE     one query per line`;

const commands: Record<string, (args: string[]) => Promise<number>> = {
  validate: runValidate,
  export: runExport,
  stats: runStats,
  search: runSearch,
};

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const command = name ? commands[name] : undefined;
  if (!command) {
    process.stderr.write(`${name ? `kb: unknown command "${name}"\n` : ''}${USAGE}\n`);
    return 2;
  }
  return command(args);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`kb: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
