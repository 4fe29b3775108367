/**
 * Packs as CSV, for teams that keep their phrasings and quiz questions in a spreadsheet.
 * One header row names the columns (any order; see CSV_COLUMNS); each further row is one entry.
 * Lists (tags, keywords, steps, …) are cells with one item per line (Alt+Enter in Excel);
 * tags and keywords may also be separated by | or ；.
 * A row of kind `synonyms` (同义词) is no entry but one synonym group: its words in the `keywords` cell.
 */
import { validatePack } from '../../knowledge/loader';
import type { PackProblem, PackResult } from '../../knowledge/problems';
import { type Entry, PACK_FORMAT, PACK_FORMAT_VERSION } from '../../knowledge/schema';
import { type CsvRecord, fromSpreadsheetCell, parseCsv } from '../text/csv';

export const OPTION_KEYS = 'ABCDEFGH'.split('');
export const OPTION_COLUMNS = OPTION_KEYS.map((k) => `option${k}`);

/** Every column the importer understands, in export order. */
export const CSV_COLUMNS = [
  'kind',
  'id',
  'title',
  'tags',
  'keywords',
  'reviewedAt',
  'source',
  'section',
  'number',
  'note',
  'sectionIntro',
  'curated',
  'errata',
  'truncated',
  // phrasing
  'text',
  'situation',
  // question
  'questionType',
  'stem',
  ...OPTION_COLUMNS,
  'answer',
  'referencePoints',
  'explanation',
  // phrasing and question
  'guidelineId',
  // guideline
  'scenario',
  'steps',
  'phrasings',
  'keyPoints',
  'analysis',
  'example',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];
type Column = CsvColumn;

const REQUIRED: readonly Column[] = ['kind', 'id', 'title'];
const REQUIRED_BY_KIND: Record<Entry['kind'], readonly Column[]> = {
  phrasing: ['text'],
  question: ['stem'],
  guideline: ['scenario', 'steps'],
};

const KIND_ALIASES: Record<string, Entry['kind']> = {
  guideline: 'guideline',
  指引: 'guideline',
  规范: 'guideline',
  phrasing: 'phrasing',
  话术: 'phrasing',
  question: 'question',
  题目: 'question',
  试题: 'question',
};
/** Kind cells of synonym rows: a group of the team's words for one thing, in the `keywords` cell. */
const SYNONYM_KINDS = new Set(['synonyms', 'synonym', '同义词', '近义词']);

const QUESTION_TYPE_ALIASES: Record<string, string> = {
  single: 'single',
  单选: 'single',
  单选题: 'single',
  multiple: 'multiple',
  多选: 'multiple',
  多选题: 'multiple',
  truefalse: 'truefalse',
  判断: 'truefalse',
  判断题: 'truefalse',
  open: 'open',
  简答: 'open',
  简答题: 'open',
  问答: 'open',
};
const TRUE_WORDS = new Set(['true', 't', 'yes', 'y', '1', '对', '正确', '是', '√', '✓']);
const FALSE_WORDS = new Set(['false', 'f', 'no', 'n', '0', '错', '错误', '否', '×', '✗']);

export interface CsvImportOptions {
  packId: string;
  packName: string;
  /** Default provenance source for rows without a `source` cell. */
  fileName: string;
  /** Default `reviewedAt` (YYYY-MM-DD) for rows without one: the import date. */
  today: string;
  knownIds?: ReadonlySet<string>;
}

const lines = (cell: string) =>
  cell
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter(Boolean);
const words = (cell: string) =>
  cell
    .split(/\r?\n|[|;；]/)
    .map((s) => s.trim())
    .filter(Boolean);

/** Excel shows dates as 2026/11/1; the schema wants 2026-11-01. */
function normalizeDate(cell: string): string {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(cell.trim());
  return m ? `${m[1]}-${m[2]?.padStart(2, '0')}-${m[3]?.padStart(2, '0')}` : cell.trim();
}

function rowToRaw(get: (c: Column) => string, options: CsvImportOptions): Record<string, unknown> {
  const kindCell = get('kind').trim();
  const raw: Record<string, unknown> = {
    kind: KIND_ALIASES[kindCell.toLowerCase()] ?? kindCell,
    id: get('id').trim(),
    title: get('title'),
    tags: words(get('tags')),
    keywords: words(get('keywords')),
    reviewedAt: get('reviewedAt').trim() ? normalizeDate(get('reviewedAt')) : options.today,
    // Only the source is required: a team's own lines cite no section or number.
    provenance: {
      source: get('source').trim() || options.fileName,
      ...(get('section').trim() ? { section: get('section').trim() } : {}),
      ...(get('number').trim() ? { number: Number(get('number')) } : {}),
      ...(get('note').trim() ? { note: get('note') } : {}),
      ...(get('sectionIntro').trim() ? { sectionIntro: get('sectionIntro') } : {}),
      ...(words(get('curated')).length ? { curated: words(get('curated')) } : {}),
    },
  };
  const optional = (key: string, column: Column) => {
    if (get(column).trim()) raw[key] = get(column);
  };
  optional('errata', 'errata');
  const truncated = get('truncated').trim().toLowerCase();
  if (truncated) raw.truncated = TRUE_WORDS.has(truncated) ? true : FALSE_WORDS.has(truncated) ? false : truncated;

  if (raw.kind === 'phrasing') {
    raw.text = get('text');
    optional('situation', 'situation');
    optional('guidelineId', 'guidelineId');
  } else if (raw.kind === 'guideline') {
    raw.scenario = get('scenario');
    raw.steps = lines(get('steps'));
    raw.phrasings = lines(get('phrasings'));
    raw.keyPoints = lines(get('keyPoints'));
    optional('analysis', 'analysis');
    optional('example', 'example');
  } else if (raw.kind === 'question') {
    raw.stem = get('stem');
    optional('explanation', 'explanation');
    optional('guidelineId', 'guidelineId');
    const opts = OPTION_KEYS.map((key, i) => ({ key, text: get(OPTION_COLUMNS[i] as Column) })).filter((o) =>
      o.text.trim(),
    );
    const answer = get('answer').trim();
    const points = lines(get('referencePoints'));
    const typeCell = get('questionType').trim();
    const letters = answer.toUpperCase().replace(/[\s,，、|;；]/g, '');
    const type =
      QUESTION_TYPE_ALIASES[typeCell.toLowerCase()] ??
      (typeCell ||
        (points.length ? 'open' : opts.length === 0 ? 'truefalse' : letters.length > 1 ? 'multiple' : 'single'));
    raw.questionType = type;
    if (type === 'single') Object.assign(raw, { options: opts, answer: letters });
    else if (type === 'multiple') Object.assign(raw, { options: opts, answer: letters.split('') });
    else if (type === 'truefalse') {
      const a = answer.toLowerCase();
      raw.answer = TRUE_WORDS.has(a) ? true : FALSE_WORDS.has(a) ? false : answer;
    } else if (type === 'open') raw.referencePoints = points;
  }
  return raw;
}

/** Maps a validator path inside one entry (`provenance.number`, `options[1].text`) to the CSV column. */
function columnOf(rest: string, raw: Record<string, unknown> | undefined): string {
  const field = rest.replace(/^\./, '');
  if (field.startsWith('provenance.')) return field.slice('provenance.'.length).replace(/\[\d+\]$/, '');
  const option = /^options\[(\d+)\]/.exec(field);
  if (option && raw && Array.isArray(raw.options)) {
    const key = (raw.options[Number(option[1])] as { key?: string } | undefined)?.key;
    if (key) return `option${key}`;
  }
  return field.replace(/\[\d+\].*$/, '').replace(/\..*$/, '') || 'kind';
}

export function csvToPack(text: string, options: CsvImportOptions): PackResult {
  const parsed = parseCsv(text);
  if (!parsed.ok) {
    return { ok: false, problems: [{ path: '', message: parsed.message, line: parsed.line, code: 'csvSyntax' }] };
  }
  const [header, ...rest] = parsed.records;
  if (!header) {
    return {
      ok: false,
      problems: [{ path: '', message: 'the file is empty: no header row', line: 1, code: 'emptyFile' }],
    };
  }

  const problems: PackProblem[] = [];
  const columnIndex = new Map<string, number>();
  header.cells.forEach((name, i) => {
    const column = name.trim();
    if (!column) return;
    if (!(CSV_COLUMNS as readonly string[]).includes(column)) {
      problems.push({
        path: `column "${column}"`,
        message: `unknown column (known: ${CSV_COLUMNS.join(', ')})`,
        line: 1,
        code: 'csvUnknownColumn',
        params: { column },
      });
    } else if (columnIndex.has(column)) {
      problems.push({
        path: `column "${column}"`,
        message: 'appears twice in the header row',
        line: 1,
        code: 'csvDuplicateColumn',
        params: { column },
      });
    } else columnIndex.set(column, i);
  });
  for (const column of REQUIRED) {
    if (!columnIndex.has(column)) {
      problems.push({
        path: `column "${column}"`,
        message: 'missing from the header row',
        line: 1,
        code: 'csvMissingColumn',
        params: { column },
      });
    }
  }
  if (problems.length) return { ok: false, problems };

  const filled: CsvRecord[] = rest.filter((r) => r.cells.some((c) => c.trim()));
  const cellOf = (row: CsvRecord) => (c: Column) => {
    const i = columnIndex.get(c);
    return i === undefined ? '' : fromSpreadsheetCell(row.cells[i] ?? '');
  };
  const isSynonyms = (row: CsvRecord) => SYNONYM_KINDS.has(cellOf(row)('kind').trim().toLowerCase());
  const synonymRows = filled.filter(isSynonyms);
  const rows = filled.filter((row) => !isSynonyms(row));
  if (synonymRows.length && !columnIndex.has('keywords'))
    return {
      ok: false,
      problems: [
        {
          path: 'column "keywords"',
          message: 'missing from the header row (synonyms rows need it)',
          line: 1,
          code: 'csvMissingColumn',
          params: { column: 'keywords', kind: 'synonyms' },
        },
      ],
    };
  const kindsPresent = new Set<Entry['kind']>();
  const raws = rows.map((row) => {
    const raw = rowToRaw(cellOf(row), options);
    if (typeof raw.kind === 'string' && raw.kind in REQUIRED_BY_KIND) kindsPresent.add(raw.kind as Entry['kind']);
    return raw;
  });
  for (const kind of kindsPresent) {
    for (const column of REQUIRED_BY_KIND[kind]) {
      if (!columnIndex.has(column)) {
        problems.push({
          path: `column "${column}"`,
          message: `missing from the header row (${kind} rows need it)`,
          line: 1,
          code: 'csvMissingColumn',
          params: { column, kind },
        });
      }
    }
  }
  if (problems.length) return { ok: false, problems };
  if (filled.length === 0) {
    return {
      ok: false,
      problems: [{ path: '', message: 'no entries below the header row', line: 2, code: 'csvNoRows' }],
    };
  }

  const data = {
    format: PACK_FORMAT,
    formatVersion: PACK_FORMAT_VERSION,
    id: options.packId,
    name: options.packName,
    updatedAt: options.today,
    ...(synonymRows.length ? { synonyms: synonymRows.map((row) => words(cellOf(row)('keywords'))) } : {}),
    entries: raws,
  };
  const lineOf = (path: (string | number)[]) =>
    typeof path[1] !== 'number'
      ? undefined
      : path[0] === 'entries'
        ? rows[path[1]]?.line
        : path[0] === 'synonyms'
          ? synonymRows[path[1]]?.line
          : undefined;
  const result = validatePack(data, lineOf, { knownIds: options.knownIds });
  if (result.ok) return result;
  // Name CSV columns rather than JSON paths: the author is looking at a spreadsheet.
  return {
    ok: false,
    problems: result.problems.map((p) => {
      if (/^synonyms\[\d+\]/.test(p.path)) return { ...p, path: 'column "keywords"' };
      const m = /^entries\[(\d+)\](.*)$/.exec(p.path);
      if (!m) return p;
      const column = columnOf(m[2] ?? '', raws[Number(m[1])]);
      return { ...p, path: `column "${column}"`, row: rows[Number(m[1])]?.line };
    }),
  };
}
