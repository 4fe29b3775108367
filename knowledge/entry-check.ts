/**
 * One entry checked on its own: its kind's schema (valibot) and the rules across its fields (answer keys,
 * curated fields), each issue coded (problems.ts) and placed relative to the entry.
 */
import * as v from 'valibot';
import type { ProblemCode } from './problems';
import { type Entry, EntrySchema } from './schema';

export function issuePath(issue: v.BaseIssue<unknown>): (string | number)[] {
  return (issue.path ?? []).map((item) => item.key as string | number);
}

/** valibot prints received strings in quotes (`"A B"`); people are shown the value itself, shortened. */
function shown(received: string | undefined): string {
  const text = received?.startsWith('"') && received.endsWith('"') ? received.slice(1, -1) : (received ?? '');
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

export type Coded = { code: ProblemCode; params?: Record<string, string | number> };

/** The problem code of a valibot issue, from the check that failed and where. */
export function issueCode(issue: v.BaseIssue<unknown>, path: readonly (string | number)[]): Coded {
  const last = path[path.length - 1];
  const missing = issue.received === 'undefined';
  const value = shown(issue.received);
  switch (issue.type) {
    case 'strict_object':
    case 'object':
      if (issue.expected === 'never') return { code: 'unknownField', params: { name: String(last) } };
      if (missing && issue.expected?.startsWith('"')) return { code: 'required' };
      return { code: 'wrongType', params: { expected: 'object' } };
    case 'variant':
      if (missing) return { code: 'required' };
      return { code: last === 'questionType' ? 'badQuestionType' : 'badKind', params: { value } };
    case 'literal':
      if (missing) return { code: 'required' };
      return { code: last === 'formatVersion' ? 'badFormatVersion' : 'badFormat', params: { value } };
    case 'string':
    case 'array':
    case 'number':
    case 'boolean':
      return missing ? { code: 'required' } : { code: 'wrongType', params: { expected: issue.type } };
    case 'non_empty':
      return { code: 'empty' };
    case 'min_length': {
      const min = Number((issue as v.BaseIssue<unknown> & { requirement?: unknown }).requirement);
      return min > 1 ? { code: 'tooFew', params: { min } } : { code: 'empty' };
    }
    case 'regex':
      // A synonym word's checks explain themselves (no spaces, a letter or digit): keep their message.
      if (path[0] === 'synonyms') return { code: 'invalid' };
      if (last === 'key') return { code: 'badOptionKey', params: { value } };
      if (path.includes('answer')) return { code: 'badAnswerKey', params: { value } };
      return { code: 'badId', params: { value } };
    case 'iso_date':
      return { code: 'badDate', params: { value } };
    case 'integer':
      return { code: 'notWholeNumber', params: { value } };
    case 'min_value':
      return { code: 'tooSmall', params: { value } };
    case 'picklist':
      return { code: 'notAllowed', params: { value } };
    default:
      return { code: 'invalid' };
  }
}

/** A problem inside one entry, relative to the entry. */
export interface EntryIssue extends Coded {
  at: (string | number)[];
  message: string;
}

/** The result of checking one entry on its own (schema and answers), before rules across entries. */
export interface EntryCheck {
  entry?: Entry;
  issues: EntryIssue[];
}

/** Cross-field rules valibot's per-field schema cannot express. */
function answerProblems(entry: Entry): EntryIssue[] {
  if (entry.kind !== 'question') return [];
  const out: EntryIssue[] = [];
  if (entry.questionType === 'single' || entry.questionType === 'multiple') {
    const keys = entry.options.map((o) => o.key);
    const dup = keys.find((k, i) => keys.indexOf(k) !== i);
    if (dup) {
      out.push({
        at: ['options'],
        message: `option key "${dup}" appears twice`,
        code: 'duplicateOptionKey',
        params: { key: dup },
      });
    }
    const answers = entry.questionType === 'single' ? [entry.answer] : entry.answer;
    for (const a of answers) {
      if (!keys.includes(a))
        out.push({
          at: ['answer'],
          message: `"${a}" is not one of the option keys ${keys.join('')}`,
          code: 'answerNotOption',
          params: { value: a, keys: keys.join('') },
        });
    }
    if (entry.questionType === 'multiple' && new Set(answers).size !== answers.length) {
      out.push({ at: ['answer'], message: 'lists the same option twice', code: 'answerTwice' });
    }
  }
  return out;
}

/** `provenance.curated` may only name fields this entry has, each once. */
function curatedProblems(entry: Entry): EntryIssue[] {
  const curated = entry.provenance.curated ?? [];
  return curated.flatMap((name, i): EntryIssue[] => {
    const at = ['provenance', 'curated', i];
    if (curated.indexOf(name) !== i)
      return [{ at, message: `lists "${name}" twice`, code: 'curatedTwice', params: { name } }];
    if (!(name in entry))
      return [
        {
          at,
          message: `names "${name}", which this ${entry.kind} does not have`,
          code: 'curatedUnknown',
          params: { name },
        },
      ];
    return [];
  });
}

/** Checks one entry on its own: the schema of its kind and its answer keys. */
export function checkEntry(raw: unknown): EntryCheck {
  const parsed = v.safeParse(EntrySchema, raw);
  if (!parsed.success) {
    return {
      issues: parsed.issues.map((issue) => {
        const at = issuePath(issue);
        return { at, message: issue.message, ...issueCode(issue, at) };
      }),
    };
  }
  return { entry: parsed.output, issues: [...answerProblems(parsed.output), ...curatedProblems(parsed.output)] };
}
