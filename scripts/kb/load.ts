/** Loading packs from disk for the `kb` commands: a given file, or the built-in pack files. */
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { BUILTIN_PACK_FILES, BUILTIN_VALIDATION } from '../../knowledge/builtin';
import { mergePacks, mergeSynonyms, parsePackJson } from '../../knowledge/loader';
import { formatProblem, type PackResult } from '../../knowledge/problems';
import type { Entry, Pack } from '../../knowledge/schema';

export interface LoadedPacks {
  packs: Pack[];
  /** Formatted problem lines, `FILE:LINE: path: message (id "x")`. */
  problems: string[];
}

const ROOT = resolve(import.meta.dirname, '../..');

function readPack(path: string, label: string, builtin = false): { result: PackResult; label: string } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return {
      label,
      result: { ok: false, problems: [{ path: '', message: `cannot read file: ${(error as Error).message}` }] },
    };
  }
  return { label, result: parsePackJson(text, builtin ? BUILTIN_VALIDATION : {}) };
}

/** Loads FILE, or every built-in pack file when no file is given. Never throws on bad content. */
export function loadPacks(file: string | undefined, cwd: string): LoadedPacks {
  const sources = file
    ? [readPack(resolve(cwd, file), file)]
    : BUILTIN_PACK_FILES.map((f) => readPack(resolve(ROOT, f.file), relative(cwd, resolve(ROOT, f.file)), true));
  const packs: Pack[] = [];
  const problems: string[] = [];
  for (const { result, label } of sources) {
    if (result.ok) packs.push(result.pack);
    else problems.push(...result.problems.map((p) => formatProblem(label, p)));
  }
  // Entry ids must be unique across the packs that are used together.
  const owner = new Map<string, string>();
  for (const pack of packs) {
    for (const entry of pack.entries) {
      const other = owner.get(entry.id);
      if (other)
        problems.push(`${pack.id}: entries: duplicate id across packs, also in pack "${other}" (id "${entry.id}")`);
      else owner.set(entry.id, pack.id);
    }
  }
  return { packs, problems };
}

/** The entries of the loaded packs, merged in order. */
export function entriesOf(loaded: LoadedPacks): Entry[] {
  return mergePacks(loaded.packs);
}

/** The synonym groups of the loaded packs. */
export function synonymsOf(loaded: LoadedPacks): string[][] {
  return mergeSynonyms(loaded.packs);
}

/** Parses `--flag value` and boolean `--flag` options; everything else is positional. */
export function parseArgs(
  args: string[],
  valueFlags: readonly string[],
): { positional: string[]; flags: Map<string, string | true> } {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg.startsWith('--')) {
      const name = arg.slice(2);
      if (valueFlags.includes(name)) {
        const value = args[++i];
        if (value === undefined) throw new Error(`--${name} needs a value`);
        flags.set(name, value);
      } else flags.set(name, true);
    } else positional.push(arg);
  }
  return { positional, flags };
}
