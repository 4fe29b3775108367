/** `kb stats [FILE] [--json]`: counts per kind and question type, and seed units covered per source. */
import { packStats } from '../../utils/packs/stats';
import type { KbIo } from './io';
import { entriesOf, loadPacks, parseArgs } from './load';

export async function runStats(args: string[], io: KbIo): Promise<number> {
  const { positional, flags } = parseArgs(args, []);
  const loaded = loadPacks(positional[0], io.cwd);
  if (loaded.problems.length > 0) {
    for (const line of loaded.problems) io.err(`${line}\n`);
    return 1;
  }
  const stats = packStats(entriesOf(loaded));
  if (flags.has('json')) {
    io.out(`${JSON.stringify(stats, null, 2)}\n`);
    return 0;
  }
  const rows = [
    ['entries', stats.entries],
    ...Object.entries(stats.kinds).map(([k, n]) => [`kind ${k}`, n]),
    ...Object.entries(stats.questionTypes).map(([k, n]) => [`  question ${k}`, n]),
    ['truncated', stats.truncated],
    ['with errata', stats.errata],
    ...Object.entries(stats.sources).map(([s, n]) => [`units from ${s}`, n]),
  ];
  for (const [label, n] of rows) io.out(`${String(label).padEnd(40)} ${n}\n`);
  return 0;
}
