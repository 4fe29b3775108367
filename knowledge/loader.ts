/**
 * Turns pack text or data into a validated `Pack`, or into a list of problems (problems.ts) that each name
 * the place (JSON path, line where known), the entry id and the field. Never throws on bad input.
 */
import { findNodeAtLocation, type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import * as v from 'valibot';
import { type Coded, checkEntry, type EntryCheck, type EntryIssue, issueCode, issuePath } from './entry-check';
import { type PackProblem, type PackResult, pathToString } from './problems';
import { type Entry, type Pack, PackSchema } from './schema';

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
