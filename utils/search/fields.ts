/**
 * Which parts of an entry are searched, under which field path, and how much a match there counts.
 * Groups, best first: the title, the words agents use (keywords and tags), sendable phrasings, the body.
 */
import type { Entry } from '../../knowledge/schema';

export const GROUPS = ['title', 'keywords', 'phrasings', 'body'] as const;
export type Group = 0 | 1 | 2 | 3;
export const TITLE: Group = 0;
export const KEYWORDS: Group = 1;
export const PHRASINGS: Group = 2;
export const BODY: Group = 3;

/** Explicit field weights: title > keywords > phrasings > body. */
export const GROUP_WEIGHT: readonly number[] = [1, 0.85, 0.5, 0.4];

export interface Field {
  /** Path in the entry as reported in `FieldMatch.field`, e.g. `keywords.2`, `options.1.text`. */
  path: string;
  text: string;
  group: Group;
}

/** Every searchable text of an entry, in a stable order (the order the index stores them). */
export function entryFields(entry: Entry): Field[] {
  const out: Field[] = [{ path: 'title', text: entry.title, group: TITLE }];
  const list = (name: string, items: readonly string[], group: Group) => {
    items.forEach((text, i) => {
      out.push({ path: `${name}.${i}`, text, group });
    });
  };
  const one = (name: string, text: string | undefined, group: Group) => {
    if (text) out.push({ path: name, text, group });
  };
  list('keywords', entry.keywords, KEYWORDS);
  list('tags', entry.tags, KEYWORDS);
  switch (entry.kind) {
    case 'guideline':
      list('phrasings', entry.phrasings, PHRASINGS);
      one('scenario', entry.scenario, BODY);
      list('steps', entry.steps, BODY);
      list('keyPoints', entry.keyPoints, BODY);
      one('analysis', entry.analysis, BODY);
      one('example', entry.example, BODY);
      break;
    case 'phrasing':
      one('text', entry.text, PHRASINGS);
      one('situation', entry.situation, BODY);
      break;
    case 'question':
      one('stem', entry.stem, BODY);
      if (entry.questionType === 'single' || entry.questionType === 'multiple') {
        entry.options.forEach((o, i) => {
          out.push({ path: `options.${i}.text`, text: o.text, group: BODY });
        });
      }
      if (entry.questionType === 'open') list('referencePoints', entry.referencePoints, BODY);
      one('explanation', entry.explanation, BODY);
      break;
  }
  one('errata', entry.errata, BODY);
  return out;
}

/** All searchable text of an entry, one field per line (what `kb search --json` prints as `text`). */
export function searchableText(entry: Entry): string {
  return entryFields(entry)
    .map((f) => f.text)
    .join('\n');
}

/** Whether pinyin keys are kept for a field: short, agent-typed labels only (titles, keywords, tags). */
export function hasPinyin(group: Group): boolean {
  return group === TITLE || group === KEYWORDS;
}
