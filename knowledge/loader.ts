/**
 * Turns pack text or data into a validated `Pack`, or into a list of problems that each name the
 * place (JSON path, line where known), the entry id and the field. Never throws on bad input.
 */
import { findNodeAtLocation, type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import * as v from 'valibot';
import { type Entry, EntrySchema, type Pack, PackSchema } from './schema';

/**
 * What went wrong, in a form that does not depend on a language: the options page words it for pack
 * authors (utils/packs/problem-text.ts), the CLI prints `message`. The codes after `invalid` are raised
 * outside this file (files, CSV sheets, the library) and listed here so that one type names them all.
 */
export type ProblemCode =
  | 'required'
  | 'empty'
  | 'wrongType'
  | 'unknownField'
  | 'badId'
  | 'badDate'
  | 'notWholeNumber'
  | 'tooSmall'
  | 'tooFew'
  | 'badOptionKey'
  | 'badAnswerKey'
  | 'badKind'
  | 'badQuestionType'
  | 'badFormat'
  | 'badFormatVersion'
  | 'notAllowed'
  | 'duplicateId'
  | 'duplicateOptionKey'
  | 'answerNotOption'
  | 'answerTwice'
  | 'curatedTwice'
  | 'curatedUnknown'
  | 'missingGuideline'
  | 'invalid'
  | 'invalidJson'
  | 'fileTooBig'
  | 'unreadableText'
  | 'unreadableFile'
  | 'brokenCharacter'
  | 'csvSyntax'
  | 'emptyFile'
  | 'csvUnknownColumn'
  | 'csvDuplicateColumn'
  | 'csvMissingColumn'
  | 'csvNoRows'
  | 'idUsedElsewhere'
  | 'packIdTaken'
  | 'noSuchPack'
  | 'managedPack'
  | 'staleLibrary'
  | 'changedElsewhere';

export interface PackProblem {
  /** JSON-path-like location, e.g. `entries[3].steps`. */
  path: string;
  /** Technical English, for the CLI and logs: `must not be empty`. */
  message: string;
  /** The id of the entry concerned, when it has one. */
  entryId?: string;
  /** 1-based line in the source text, when the format has lines. */
  line?: number;
  /** What went wrong, for wording it in the UI language (absent: only `message` says). */
  code?: ProblemCode;
  /** Values the wording needs, e.g. `{ value: "A B" }` for a bad id. */
  params?: Record<string, string | number>;
  /** The location as keys, e.g. `['entries', 3, 'steps', 0]`: which entry and field to name. */
  at?: (string | number)[];
  /** The entry's title as written, so that people recognise the entry. */
  entryTitle?: string;
  /** For CSV sheets: the entry is named by this spreadsheet line rather than by its position. */
  row?: number;
}

export type PackResult = { ok: true; pack: Pack } | { ok: false; problems: PackProblem[] };

/** Formats one problem as `FILE:LINE: path: message (id "x")` for CLIs and alert regions. */
export function formatProblem(file: string, p: PackProblem): string {
  const where = p.line ? `${file}:${p.line}` : file;
  const id = p.entryId ? ` (id "${p.entryId}")` : '';
  return `${where}: ${p.path || '(pack)'}: ${p.message}${id}`;
}

export function pathToString(path: readonly (string | number)[]): string {
  let out = '';
  for (const part of path) {
    out += typeof part === 'number' ? `[${part}]` : out ? `.${part}` : part;
  }
  return out;
}

function issuePath(issue: v.BaseIssue<unknown>): (string | number)[] {
  return (issue.path ?? []).map((item) => item.key as string | number);
}

function idOf(raw: unknown): string | undefined {
  if (raw && typeof raw === 'object' && 'id' in raw) {
    const id = (raw as { id: unknown }).id;
    if (typeof id === 'string' && id.length > 0 && id.length <= 200) return id;
  }
  return undefined;
}

function titleOf(raw: unknown): string | undefined {
  if (raw && typeof raw === 'object' && 'title' in raw) {
    const title = (raw as { title: unknown }).title;
    if (typeof title === 'string' && title.trim()) return title.trim();
  }
  return undefined;
}

/** The letter of the option a path points into (`entries[2].options[1].text` → "B"), so people can be told. */
function optionKeyOf(raw: unknown, at: readonly (string | number)[]): string | undefined {
  const i = at.indexOf('options');
  const index = at[i + 1];
  if (i < 0 || typeof index !== 'number' || !raw || typeof raw !== 'object') return undefined;
  const options = (raw as { options?: unknown }).options;
  const key = Array.isArray(options) ? (options[index] as { key?: unknown } | null)?.key : undefined;
  return typeof key === 'string' && /^[A-Z]$/.test(key) ? key : undefined;
}

/** valibot prints received strings in quotes (`"A B"`); people are shown the value itself, shortened. */
function shown(received: string | undefined): string {
  const text = received?.startsWith('"') && received.endsWith('"') ? received.slice(1, -1) : (received ?? '');
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

type Coded = { code: ProblemCode; params?: Record<string, string | number> };

/** The problem code of a valibot issue, from the check that failed and where. */
function issueCode(issue: v.BaseIssue<unknown>, path: readonly (string | number)[]): Coded {
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
interface EntryIssue extends Coded {
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

export interface ValidateOptions {
  /** Ids of other enabled packs, so that a `guidelineId` pointing at them is not reported as missing. */
  knownIds?: ReadonlySet<string>;
  /**
   * Require provenance `section` and `number` (the built-in pack, curated from source documents). Team and
   * personal entries need only a source name.
   */
  fullProvenance?: boolean;
  /**
   * Per-entry results by entry object, for callers that validate the same pack again and again with few
   * entries changed (the entry editor re-checks on every keystroke). Entries must not be mutated.
   */
  cache?: WeakMap<object, EntryCheck>;
}

function cachedCheck(raw: unknown, cache: WeakMap<object, EntryCheck> | undefined): EntryCheck {
  if (!cache || !raw || typeof raw !== 'object') return checkEntry(raw);
  let check = cache.get(raw);
  if (!check) {
    check = checkEntry(raw);
    cache.set(raw, check);
  }
  return check;
}

function provenanceGaps(entry: Entry): EntryIssue[] {
  return (['section', 'number'] as const)
    .filter((field) => entry.provenance[field] === undefined)
    .map((field) => ({
      at: ['provenance', field],
      message: `missing: built-in entries cite the ${field} of their source`,
      code: 'required' as const,
    }));
}

/**
 * Validates already-parsed pack data. `lineOf` maps a path to a source line when the caller has one.
 * Options: see `ValidateOptions` (`knownIds`: ids of other enabled packs that `guidelineId` may refer to).
 */
export function validatePack(
  data: unknown,
  lineOf: (path: (string | number)[]) => number | undefined = () => undefined,
  options: ValidateOptions = {},
): PackResult {
  const knownIds = options.knownIds ?? new Set<string>();
  const problems: PackProblem[] = [];
  const report = (at: (string | number)[], problem: Coded & { message: string }, raw?: unknown) => {
    const optionKey = optionKeyOf(raw, at);
    const params = optionKey ? { ...problem.params, optionKey } : problem.params;
    problems.push({
      path: pathToString(at),
      message: problem.message,
      entryId: raw === undefined ? undefined : idOf(raw),
      line: lineOf(at),
      code: problem.code,
      ...(params ? { params } : {}),
      at,
      ...(raw === undefined ? {} : { entryTitle: titleOf(raw) }),
    });
  };

  const head = v.safeParse(PackSchema, data);
  if (!head.success) {
    for (const issue of head.issues) {
      const at = issuePath(issue);
      report(at, { message: issue.message, ...issueCode(issue, at) });
    }
    return { ok: false, problems };
  }

  const entries: Entry[] = [];
  const seen = new Map<string, number>();
  const raws = head.output.entries;
  raws.forEach((raw, index) => {
    const check = cachedCheck(raw, options.cache);
    for (const issue of check.issues) report(['entries', index, ...issue.at], issue, raw);
    const entry = check.entry;
    if (!entry) return;
    if (options.fullProvenance)
      for (const gap of provenanceGaps(entry)) report(['entries', index, ...gap.at], gap, raw);
    const first = seen.get(entry.id);
    if (first !== undefined) {
      report(
        ['entries', index, 'id'],
        { message: `duplicate id, first used by entries[${first}]`, code: 'duplicateId', params: { first: first + 1 } },
        raw,
      );
      return;
    }
    seen.set(entry.id, index);
    entries.push(entry);
  });

  // An entry that failed validation still exists for the author: a link to it is not reported as missing too.
  const written = new Set(raws.map(idOf));
  entries.forEach((entry) => {
    if ((entry.kind === 'phrasing' || entry.kind === 'question') && entry.guidelineId) {
      if (!written.has(entry.guidelineId) && !knownIds.has(entry.guidelineId)) {
        const index = seen.get(entry.id) ?? 0;
        report(
          ['entries', index, 'guidelineId'],
          {
            message: `refers to "${entry.guidelineId}", which is not in the pack`,
            code: 'missingGuideline',
            params: { target: entry.guidelineId },
          },
          raws[index],
        );
      }
    }
  });

  if (problems.length > 0) return { ok: false, problems };
  const { entries: _raw, $schema: _schema, ...meta } = head.output;
  return { ok: true, pack: { ...meta, entries } };
}

/**
 * Line number (1-based) of an offset in `text`. Line starts are found on the first call and searched
 * by bisection, so placing many problems in a large file does not rescan it.
 */
function lineLocator(text: string): (offset: number) => number {
  let lineStarts: number[] | undefined;
  return (offset) => {
    if (!lineStarts) {
      lineStarts = [0];
      for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
    }
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lineStarts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

/**
 * Parses JSON pack text (a leading BOM is allowed) and validates it, with line numbers.
 * `options`: as in `validatePack`.
 */
export function parsePackJson(text: string, options: ValidateOptions = {}): PackResult {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const syntax = { allowTrailingComma: false, disallowComments: true };
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (error) {
    // jsonc-parser names the error and its place better than JSON.parse does.
    const errors: ParseError[] = [];
    parseTree(source, errors, syntax);
    const first = errors[0];
    return {
      ok: false,
      problems: [
        first
          ? {
              path: '',
              message: `not valid JSON: ${printParseErrorCode(first.error)}`,
              line: lineLocator(source)(first.offset),
              code: 'invalidJson',
            }
          : {
              path: '',
              message: source.trim() ? `not valid JSON: ${(error as Error).message}` : 'not valid JSON: empty file',
              line: 1,
              code: source.trim() ? 'invalidJson' : 'emptyFile',
            },
      ],
    };
  }
  // The syntax tree and line starts are needed only to place problems: built on the first one (a valid
  // 10,000-entry pack then costs one JSON.parse).
  let tree: ReturnType<typeof parseTree> | null = null;
  const lineOfOffset = lineLocator(source);
  const lineOf = (path: (string | number)[]) => {
    tree ??= parseTree(source, [], syntax);
    if (!tree) return undefined;
    // Walk up until a node exists: a missing field is reported at the line of its entry.
    for (let n = path.length; n >= 0; n--) {
      const node = findNodeAtLocation(tree, path.slice(0, n));
      if (node) return lineOfOffset(node.offset);
    }
    return undefined;
  };
  return validatePack(data, lineOf, options);
}

/** The synonym groups of validated packs, in pack order (a group listed twice counts once). */
export function mergeSynonyms(packs: readonly Pack[]): string[][] {
  const seen = new Set<string>();
  const out: string[][] = [];
  for (const pack of packs) {
    for (const group of pack.synonyms ?? []) {
      const key = group.join('\u0000');
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(group);
    }
  }
  return out;
}

/** Merges validated packs in order; a later pack's entry replaces an earlier one with the same id. */
export function mergePacks(packs: readonly Pack[]): Entry[] {
  const byId = new Map<string, Entry>();
  for (const pack of packs) for (const entry of pack.entries) byId.set(entry.id, entry);
  return [...byId.values()];
}
