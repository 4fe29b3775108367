/** Highlight ranges of a scored hit, per field, in the original (unnormalized) text. */
import type { Doc, SearchIndex } from './build';
import { gramRanges, termRanges, toOriginal } from './ranges';
import type { Scored } from './scored';
import type { FieldMatch } from './types';

export function matchesOf(index: SearchIndex, s: Scored): FieldMatch[] {
  const doc = index.docs[s.d] as Doc;
  const perField = new Map<number, [number, number][]>();
  const put = (f: number, ranges: [number, number][]) => {
    if (ranges.length) perField.set(f, [...(perField.get(f) ?? []), ...ranges]);
  };
  for (const { term, fields } of s.found) {
    for (const fs of fields) {
      // A passage's whole-keyword matches are the keyword itself.
      put(fs.field, term ? termRanges(doc, fs.field, term, fs.kind) : [[0, (doc.norm[fs.field] as string).length]]);
    }
  }
  if (s.grams.length) for (let f = 0; f < doc.fields.length; f++) put(f, gramRanges(doc, f, s.grams));
  const out: FieldMatch[] = [];
  for (const [f, ranges] of [...perField].sort((a, b) => a[0] - b[0])) {
    const mapped = toOriginal(doc, f, ranges);
    if (mapped.length) out.push({ field: (doc.fields[f] as { path: string }).path, ranges: mapped });
  }
  return out;
}
