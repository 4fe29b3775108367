/**
 * What the pack loader, the CSV reader and the library report about a pack: problems that each name the
 * place (JSON path, line where known), the entry id and the field, in a form that does not depend on a language.
 */
import type { Pack } from './schema';

/**
 * What went wrong, in a form that does not depend on a language: the options page words it for pack
 * authors (utils/packs/problem-text.ts), the CLI prints `message`. The codes after `invalid` are raised
 * outside the loader (files, CSV sheets, the library) and listed here so that one type names them all.
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
