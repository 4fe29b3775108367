/** What an import would change in a pack, entry by entry (by id), for the preview before applying. */
import type { Entry } from '../../knowledge/schema';

export interface PackDiff {
  added: Entry[];
  changed: { before: Entry; after: Entry }[];
  removed: Entry[];
  unchanged: number;
}

/** Key order differs between hand-written files and validated output; compare content, not layout. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const keys = Object.keys(value as object)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function diffEntries(before: readonly Entry[], after: readonly Entry[]): PackDiff {
  const old = new Map(before.map((e) => [e.id, e]));
  const next = new Set(after.map((e) => e.id));
  const diff: PackDiff = { added: [], changed: [], removed: [], unchanged: 0 };
  for (const entry of after) {
    const prev = old.get(entry.id);
    if (!prev) diff.added.push(entry);
    else if (canonicalJson(prev) !== canonicalJson(entry)) diff.changed.push({ before: prev, after: entry });
    else diff.unchanged++;
  }
  for (const entry of before) if (!next.has(entry.id)) diff.removed.push(entry);
  return diff;
}
