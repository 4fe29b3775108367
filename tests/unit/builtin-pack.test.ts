/** Integrity of the built-in pack curated from the two seed documents. */
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { BUILTIN_PACK_FILES, BUILTIN_VALIDATION } from '../../knowledge/builtin';
import { mergePacks, validatePack } from '../../knowledge/loader';
import type { Entry, Pack } from '../../knowledge/schema';
import { packStats } from '../../utils/packs/stats';

const EXAM = '000_aa52c15dceb5420d.txt';
const GUIDE = '002_bb7ca4a5a115a2b7.txt';

const packs: Pack[] = BUILTIN_PACK_FILES.map(({ file, data }) => {
  const result = validatePack(data, undefined, BUILTIN_VALIDATION);
  if (!result.ok) throw new Error(`${file}: ${JSON.stringify(result.problems.slice(0, 5))}`);
  return result.pack;
});
const entries = mergePacks(packs);

/** Every string in an entry, with its field path. */
function strings(value: unknown, path: string, out: [string, string][] = []): [string, string][] {
  if (typeof value === 'string') out.push([path, value]);
  else if (Array.isArray(value))
    value.forEach((v, i) => {
      strings(v, `${path}[${i}]`, out);
    });
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) strings(v, path ? `${path}.${k}` : k, out);
  return out;
}
const allText = entries.flatMap((e) => strings(e, e.id));

describe('built-in pack', () => {
  it('validates, with ids unique across both files', () => {
    const total = packs.reduce((n, p) => n + p.entries.length, 0);
    expect(entries).toHaveLength(total);
  });

  it('covers all 31 exam units and all 17 interview scenarios by provenance', () => {
    expect(packStats(entries).sources).toEqual({ [EXAM]: 31, [GUIDE]: 17 });
  });

  it('has the exam question types of the source: 10 single, 5 multiple, 10 true/false, 6 open', () => {
    const exam = entries.filter((e) => e.provenance.source === EXAM && e.kind === 'question');
    const count = (t: string) => exam.filter((e) => e.kind === 'question' && e.questionType === t).length;
    expect([count('single'), count('multiple'), count('truefalse'), count('open')]).toEqual([10, 5, 10, 6]);
  });

  it('turns every interview scenario into a guideline with steps', () => {
    const guides = entries.filter((e): e is Extract<Entry, { kind: 'guideline' }> => e.provenance.source === GUIDE);
    expect(guides.every((e) => e.kind === 'guideline' && e.steps.length > 0)).toBe(true);
    // The interview guide quotes customer-facing speech in only a few answers; each quote is its own phrasing.
    const phrasings = guides.flatMap((e) => (e.kind === 'guideline' ? e.phrasings : []));
    expect(phrasings.length).toBeGreaterThanOrEqual(2);
    expect(phrasings.filter((p) => /^[“「‘"]|[”」’"]$/.test(p))).toEqual([]);
  });

  it('flags what the sources cut off: the essay answer and the last scenario', () => {
    const truncated = entries.filter((e) => e.truncated).map((e) => `${e.provenance.source}#${e.provenance.section}`);
    expect(truncated.some((t) => t.startsWith(EXAM) && t.includes('论述'))).toBe(true);
    expect(truncated.some((t) => t.startsWith(GUIDE))).toBe(true);
  });

  it('links every open exam question with reference points to a guideline that exists', () => {
    const ids = new Set(entries.map((e) => e.id));
    for (const e of entries) {
      if (e.kind === 'question' && e.guidelineId) expect(ids.has(e.guidelineId), `${e.id}.guidelineId`).toBe(true);
    }
  });

  it('contains no pinyin gloss such as 級(jí)', () => {
    const glossed = allText.filter(([, s]) =>
      /\p{Script=Han}\s*[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}[)）]/u.test(s),
    );
    expect(glossed).toEqual([]);
  });

  it('contains no mojibake, replacement characters or site boilerplate', () => {
    const bad = allText.filter(([, s]) => /苯馕觯|嚎疾|\?!|锟斤拷|\uFFFD|下载本文档|版权说明|已阅读|温馨提示/.test(s));
    expect(bad).toEqual([]);
  });

  it('is written in Simplified Chinese', () => {
    const toSimplified = OpenCC.Converter({ from: 'hk', to: 'cn' });
    const traditional = allText.filter(([path, s]) => !path.endsWith('.source') && toSimplified(s) !== s);
    expect(traditional).toEqual([]);
  });

  it('has no blank strings and a review date on every entry', () => {
    expect(allText.filter(([, s]) => s.trim() === '')).toEqual([]);
    expect(entries.every((e) => /^\d{4}-\d{2}-\d{2}$/.test(e.reviewedAt))).toBe(true);
  });

  it('gives every entry keywords that go beyond its title', () => {
    const thin = entries.filter((e) => e.keywords.filter((k) => !e.title.includes(k)).length < 3).map((e) => e.id);
    expect(thin).toEqual([]);
  });
});
