/**
 * Pasted text (a customer's message) and words no entry holds whole: entries ranked by the n-grams they
 * share with the text, weighted by rarity, plus titles and keywords found whole inside it.
 */
import { type Doc, gramKey, type SearchIndex } from './build';
import { accumulate, passageGrams, release, topDocs } from './candidates';
import { GROUP_WEIGHT, hasPinyin } from './fields';
import type { FieldScore } from './score';
import { bigramsOf, CANDIDATES, type DocFilter, type Scored } from './scored';

/** Rare enough to be worth highlighting: held by at most a quarter of the entries. */
function rareGrams(index: SearchIndex, grams: Iterable<string>): string[] {
  const limit = Math.max(1, index.docs.length / 4);
  return [...new Set(grams)].filter((g) => (index.grams.get(gramKey(g, 0, 2))?.length ?? Infinity) <= limit);
}

export function scorePassage(index: SearchIndex, clauses: readonly string[], passes: DocFilter): Scored[] {
  const a = accumulate(index, passageGrams(index, clauses), 0);
  let ranked: number[];
  let max: number;
  let acc: Float64Array;
  try {
    const pool = Array.from(a.touched.subarray(0, a.size)).filter((d) => !passes || passes(index.docs[d] as Doc));
    ranked = topDocs(
      pool,
      Float64Array.from(pool, (d) => a.acc[d] as number),
      CANDIDATES,
    );
    max = a.max;
    acc = Float64Array.from(ranked, (d) => a.acc[d] as number);
  } finally {
    release(a);
  }
  const joined = clauses.join('\n');
  const grams = rareGrams(index, clauses.flatMap(bigramsOf));
  const out: Scored[] = [];
  ranked.forEach((d, r) => {
    const doc = index.docs[d] as Doc;
    // Sharing only everyday words (客户, 我们) with the message is no reason to show an entry.
    if (!doc.norm.some((text) => grams.some((g) => text.includes(g)))) return;
    // Titles and keywords found whole inside the message: the words the entry is about, segmented out.
    let inside = 0;
    const fields: FieldScore[] = [];
    doc.fields.forEach((field, f) => {
      const text = doc.norm[f] as string;
      if (!hasPinyin(field.group) || text.length < 2 || !joined.includes(text)) return;
      const score = (GROUP_WEIGHT[field.group] as number) * Math.min(1, text.length / 4);
      fields.push({ field: f, kind: 'exact', score });
      inside += score;
    });
    const score = (max > 0 ? (acc[r] as number) / max : 0) * 4 + Math.min(1.5, inside * 0.5);
    out.push({ d, score, found: fields.length ? [{ term: '', fields }] : [], grams });
  });
  return out;
}
