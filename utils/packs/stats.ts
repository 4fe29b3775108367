/** Counts of a pack's entries by kind and question type, and the source units they cover. */
import type { Entry } from '../../knowledge/schema';

export interface PackStats {
  entries: number;
  kinds: Record<string, number>;
  questionTypes: Record<string, number>;
  /** Source document → number of distinct units (section + number) that entries cite. */
  sources: Record<string, number>;
  truncated: number;
  errata: number;
}

export function packStats(entries: readonly Entry[]): PackStats {
  const kinds: Record<string, number> = {};
  const questionTypes: Record<string, number> = {};
  const units = new Map<string, Set<string>>();
  let truncated = 0;
  let errata = 0;
  for (const entry of entries) {
    kinds[entry.kind] = (kinds[entry.kind] ?? 0) + 1;
    if (entry.kind === 'question') questionTypes[entry.questionType] = (questionTypes[entry.questionType] ?? 0) + 1;
    const { source, section, number } = entry.provenance;
    const set = units.get(source) ?? new Set<string>();
    set.add(`${section ?? ''}#${number ?? ''}`);
    units.set(source, set);
    if (entry.truncated) truncated++;
    if (entry.errata) errata++;
  }
  const sources = Object.fromEntries(
    [...units].sort(([a], [b]) => a.localeCompare(b)).map(([s, set]) => [s, set.size]),
  );
  return { entries: entries.length, kinds, questionTypes, sources, truncated, errata };
}
