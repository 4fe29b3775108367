/**
 * Turns pack text or data into a validated `Pack`, or into a list of problems that each name the
 * place (JSON path, line where known), the entry id and the field. Never throws on bad input.
 */
import { findNodeAtLocation, type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import * as v from 'valibot';
import { type Entry, EntrySchema, type Pack, PackSchema } from './schema';

export interface PackProblem {
  /** JSON-path-like location, e.g. `entries[3].steps`. */
  path: string;
  message: string;
  /** The id of the entry concerned, when it has one. */
  entryId?: string;
  /** 1-based line in the source text, when the format has lines. */
  line?: number;
}

export type PackResult = { ok: true; pack: Pack } | { ok: false; problems: PackProblem[] };

/** Formats one problem as `FILE:LINE: path: message (id "x")` for CLIs and alert regions. */
export function formatProblem(file: string, p: PackProblem): string {
  const where = p.line ? `${file}:${p.line}` : file;
  const id = p.entryId ? ` (id "${p.entryId}")` : '';
  return `${where}: ${p.path || '(pack)'}: ${p.message}${id}`;
}

function pathToString(path: readonly (string | number)[]): string {
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

/** Cross-field rules valibot's per-field schema cannot express. */
function answerProblems(entry: Entry): { field: string; message: string }[] {
  if (entry.kind !== 'question') return [];
  const out: { field: string; message: string }[] = [];
  if (entry.questionType === 'single' || entry.questionType === 'multiple') {
    const keys = entry.options.map((o) => o.key);
    const dup = keys.find((k, i) => keys.indexOf(k) !== i);
    if (dup) out.push({ field: 'options', message: `option key "${dup}" appears twice` });
    const answers = entry.questionType === 'single' ? [entry.answer] : entry.answer;
    for (const a of answers) {
      if (!keys.includes(a))
        out.push({ field: 'answer', message: `"${a}" is not one of the option keys ${keys.join('')}` });
    }
    if (entry.questionType === 'multiple' && new Set(answers).size !== answers.length) {
      out.push({ field: 'answer', message: 'lists the same option twice' });
    }
  }
  return out;
}

/** `provenance.curated` may only name fields this entry has, each once. */
function curatedProblems(entry: Entry): { path: (string | number)[]; message: string }[] {
  const curated = entry.provenance.curated ?? [];
  return curated.flatMap((name, i) => {
    const path = ['provenance', 'curated', i];
    if (curated.indexOf(name) !== i) return [{ path, message: `lists "${name}" twice` }];
    if (!(name in entry)) return [{ path, message: `names "${name}", which this ${entry.kind} does not have` }];
    return [];
  });
}

/**
 * Validates already-parsed pack data. `lineOf` maps a path to a source line when the caller has one.
 * `knownIds` are ids of other enabled packs, so a reference to them is not reported as missing.
 */
export function validatePack(
  data: unknown,
  lineOf: (path: (string | number)[]) => number | undefined = () => undefined,
  knownIds: ReadonlySet<string> = new Set(),
): PackResult {
  const problems: PackProblem[] = [];
  const report = (path: (string | number)[], message: string, entryId?: string) =>
    problems.push({ path: pathToString(path), message, entryId, line: lineOf(path) });

  const head = v.safeParse(PackSchema, data);
  if (!head.success) {
    for (const issue of head.issues) report(issuePath(issue), issue.message);
    return { ok: false, problems };
  }

  const entries: Entry[] = [];
  const seen = new Map<string, number>();
  head.output.entries.forEach((raw, index) => {
    const id = idOf(raw);
    const parsed = v.safeParse(EntrySchema, raw);
    if (!parsed.success) {
      for (const issue of parsed.issues) report(['entries', index, ...issuePath(issue)], issue.message, id);
      return;
    }
    const entry = parsed.output;
    const first = seen.get(entry.id);
    if (first !== undefined) {
      report(['entries', index, 'id'], `duplicate id, first used by entries[${first}]`, entry.id);
      return;
    }
    seen.set(entry.id, index);
    for (const p of answerProblems(entry)) report(['entries', index, p.field], p.message, entry.id);
    for (const p of curatedProblems(entry)) report(['entries', index, ...p.path], p.message, entry.id);
    entries.push(entry);
  });

  entries.forEach((entry) => {
    if ((entry.kind === 'phrasing' || entry.kind === 'question') && entry.guidelineId) {
      if (!seen.has(entry.guidelineId) && !knownIds.has(entry.guidelineId)) {
        report(
          ['entries', seen.get(entry.id) ?? 0, 'guidelineId'],
          `refers to "${entry.guidelineId}", which is not in the pack`,
          entry.id,
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
 * `knownIds`: as in `validatePack` (entries of other packs that `guidelineId` may refer to).
 */
export function parsePackJson(text: string, knownIds: ReadonlySet<string> = new Set()): PackResult {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const options = { allowTrailingComma: false, disallowComments: true };
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (error) {
    // jsonc-parser names the error and its place better than JSON.parse does.
    const errors: ParseError[] = [];
    parseTree(source, errors, options);
    const first = errors[0];
    return {
      ok: false,
      problems: [
        first
          ? {
              path: '',
              message: `not valid JSON: ${printParseErrorCode(first.error)}`,
              line: lineLocator(source)(first.offset),
            }
          : {
              path: '',
              message: source.trim() ? `not valid JSON: ${(error as Error).message}` : 'not valid JSON: empty file',
              line: 1,
            },
      ],
    };
  }
  // The syntax tree and line starts are needed only to place problems: built on the first one (a valid
  // 10,000-entry pack then costs one JSON.parse).
  let tree: ReturnType<typeof parseTree> | null = null;
  const lineOfOffset = lineLocator(source);
  const lineOf = (path: (string | number)[]) => {
    tree ??= parseTree(source, [], options);
    if (!tree) return undefined;
    // Walk up until a node exists: a missing field is reported at the line of its entry.
    for (let n = path.length; n >= 0; n--) {
      const node = findNodeAtLocation(tree, path.slice(0, n));
      if (node) return lineOfOffset(node.offset);
    }
    return undefined;
  };
  return validatePack(data, lineOf, knownIds);
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
