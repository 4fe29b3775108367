/**
 * The concept lexicon: groups of words customers and agents use for one thing (投诉 / 客诉 / 申诉;
 * 转来转去 / 踢皮球 / 没人管), so that search finds a guideline written in other words than the query's.
 * Data in `knowledge/lexicon/*.json`, one file per domain, curated by hand from everyday service language;
 * this module holds its schema and offers it validated. A group may name `broader` groups, concepts it is
 * a kind of (找媒体 is a complaint escalation), and `related` ones, concepts that often come up with it
 * (退保 and 退保损失); search counts both lower than the group's own words, related ones lowest.
 * `filler` lists words that carry no meaning in a query (我们, 怎么回事, 啊, 吧).
 */
import * as v from 'valibot';
import account from './lexicon/account.json';
import analysis from './lexicon/analysis.json';
import billing from './lexicon/billing.json';
import communication from './lexicon/communication.json';
import complaints from './lexicon/complaints.json';
import customers from './lexicon/customers.json';
import deception from './lexicon/deception.json';
import delays from './lexicon/delays.json';
import ecommerce from './lexicon/ecommerce.json';
import emotions from './lexicon/emotions.json';
import filler from './lexicon/filler.json';
import general from './lexicon/general.json';
import insurance from './lexicon/insurance.json';
import legal from './lexicon/legal.json';
import logistics from './lexicon/logistics.json';
import privacy from './lexicon/privacy.json';
import refunds from './lexicon/refunds.json';
import sales from './lexicon/sales.json';
import service from './lexicon/service.json';
import team from './lexicon/team.json';
import transfers from './lexicon/transfers.json';
import { WordSchema } from './schema';

export const LEXICON_FORMAT = 'agent-coach-lexicon';
export const LEXICON_FORMAT_VERSION = 1;

/** A lexicon word: the same rules as a pack's synonyms (one word, no spaces, at most MAX_WORD). */
const LexiconWordSchema = WordSchema;

export const LexiconGroupSchema = v.strictObject({
  /** Stable name of the concept, used by `related`: lower-case ASCII, digits and dashes. */
  id: v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]{0,59}$/, 'must be 1–60 characters of a-z, 0-9 and "-"')),
  words: v.pipe(v.array(LexiconWordSchema), v.minLength(2, 'a group needs at least 2 words')),
  /** Concepts this one is a kind of, by group id (searched at a lower weight than the group's words). */
  broader: v.optional(v.array(v.string())),
  /** Concepts that come up with this one, by group id (searched at a lower weight still; both ways). */
  related: v.optional(v.array(v.string())),
});

export const LexiconFileSchema = v.strictObject({
  format: v.literal(LEXICON_FORMAT),
  formatVersion: v.literal(LEXICON_FORMAT_VERSION),
  /** What the file covers, e.g. 投诉、不满与升级. */
  title: v.pipe(v.string(), v.trim(), v.nonEmpty('title must not be empty')),
  groups: v.array(LexiconGroupSchema),
  filler: v.optional(v.array(LexiconWordSchema)),
});

export type LexiconGroup = v.InferOutput<typeof LexiconGroupSchema>;

export interface Lexicon {
  groups: LexiconGroup[];
  filler: string[];
}

export const LEXICON_FILES: readonly { file: string; data: unknown }[] = [
  { file: 'knowledge/lexicon/complaints.json', data: complaints },
  { file: 'knowledge/lexicon/emotions.json', data: emotions },
  { file: 'knowledge/lexicon/legal.json', data: legal },
  { file: 'knowledge/lexicon/deception.json', data: deception },
  { file: 'knowledge/lexicon/refunds.json', data: refunds },
  { file: 'knowledge/lexicon/insurance.json', data: insurance },
  { file: 'knowledge/lexicon/logistics.json', data: logistics },
  { file: 'knowledge/lexicon/delays.json', data: delays },
  { file: 'knowledge/lexicon/transfers.json', data: transfers },
  { file: 'knowledge/lexicon/privacy.json', data: privacy },
  { file: 'knowledge/lexicon/billing.json', data: billing },
  { file: 'knowledge/lexicon/account.json', data: account },
  { file: 'knowledge/lexicon/team.json', data: team },
  { file: 'knowledge/lexicon/customers.json', data: customers },
  { file: 'knowledge/lexicon/sales.json', data: sales },
  { file: 'knowledge/lexicon/communication.json', data: communication },
  { file: 'knowledge/lexicon/analysis.json', data: analysis },
  { file: 'knowledge/lexicon/service.json', data: service },
  { file: 'knowledge/lexicon/general.json', data: general },
  { file: 'knowledge/lexicon/ecommerce.json', data: ecommerce },
  { file: 'knowledge/lexicon/filler.json', data: filler },
];

function issuePath(issue: v.BaseIssue<unknown>): string {
  let out = '';
  for (const item of issue.path ?? []) {
    const key = item.key as string | number;
    out += typeof key === 'number' ? `[${key}]` : out ? `.${key}` : key;
  }
  return out || '(file)';
}

/**
 * The lexicon from its files, and a line per problem (`FILE: path: message (group "id")`): schema errors,
 * a group id used twice, a `broader` or `related` id that names no group (or the group itself), a word
 * listed twice in one group, and a word that is both filler and part of a group (filler would silence it).
 */
export function validateLexicon(files: readonly { file: string; data: unknown }[]): {
  lexicon: Lexicon;
  problems: string[];
} {
  const problems: string[] = [];
  const groups: LexiconGroup[] = [];
  const fillerWords: string[] = [];
  const where = new Map<string, string>();
  const placed: { file: string; index: number; group: LexiconGroup }[] = [];
  for (const { file, data } of files) {
    const parsed = v.safeParse(LexiconFileSchema, data);
    if (!parsed.success) {
      for (const issue of parsed.issues) problems.push(`${file}: ${issuePath(issue)}: ${issue.message}`);
      continue;
    }
    parsed.output.groups.forEach((group, index) => {
      const first = where.get(group.id);
      if (first) {
        problems.push(`${file}: groups[${index}].id: "${group.id}" is already used in ${first}`);
        return;
      }
      where.set(group.id, `${file} groups[${index}]`);
      const seen = new Set<string>();
      for (const word of group.words) {
        if (seen.has(word))
          problems.push(`${file}: groups[${index}].words: "${word}" is listed twice (group "${group.id}")`);
        seen.add(word);
      }
      placed.push({ file, index, group });
      groups.push(group);
    });
    fillerWords.push(...(parsed.output.filler ?? []));
  }
  for (const { file, index, group } of placed) {
    for (const link of ['broader', 'related'] as const) {
      for (const id of group[link] ?? []) {
        if (id === group.id) problems.push(`${file}: groups[${index}].${link}: names the group itself (group "${id}")`);
        else if (!where.has(id))
          problems.push(`${file}: groups[${index}].${link}: "${id}" is not a group id (group "${group.id}")`);
      }
    }
  }
  const fillerSet = new Set(fillerWords);
  for (const { file, index, group } of placed) {
    for (const word of group.words) {
      if (fillerSet.has(word))
        problems.push(`${file}: groups[${index}].words: "${word}" is also a filler word (group "${group.id}")`);
    }
  }
  return { lexicon: { groups, filler: [...fillerSet] }, problems };
}

let validated: { lexicon: Lexicon; problems: string[] } | undefined;

/** The built-in lexicon, validated once; tests keep `problems` empty. */
export function builtinLexicon(): { lexicon: Lexicon; problems: string[] } {
  validated ??= validateLexicon(LEXICON_FILES);
  return validated;
}
