/** Packs as CSV for Excel: the columns of utils/packs/csv.ts, so that export → import gives the same entries. */
import type { Entry, Pack } from '../../knowledge/schema';
import { toSpreadsheetCell, writeCsv } from '../text/csv';
import { type CsvColumn as Column, CSV_COLUMNS, OPTION_COLUMNS, OPTION_KEYS } from './csv';

function entryRow(entry: Entry, optionCount: number): string[] {
  const cells: Partial<Record<Column, string>> = {
    kind: entry.kind,
    id: entry.id,
    title: entry.title,
    tags: entry.tags.join('\n'),
    keywords: entry.keywords.join('\n'),
    reviewedAt: entry.reviewedAt,
    source: entry.provenance.source,
    section: entry.provenance.section ?? '',
    number: entry.provenance.number === undefined ? '' : String(entry.provenance.number),
    note: entry.provenance.note ?? '',
    sectionIntro: entry.provenance.sectionIntro ?? '',
    curated: (entry.provenance.curated ?? []).join('\n'),
    errata: entry.errata ?? '',
    truncated: entry.truncated === undefined ? '' : String(entry.truncated),
  };
  if (entry.kind === 'phrasing') {
    Object.assign(cells, { text: entry.text, situation: entry.situation ?? '', guidelineId: entry.guidelineId ?? '' });
  } else if (entry.kind === 'guideline') {
    Object.assign(cells, {
      scenario: entry.scenario,
      steps: entry.steps.join('\n'),
      phrasings: entry.phrasings.join('\n'),
      keyPoints: entry.keyPoints.join('\n'),
      analysis: entry.analysis ?? '',
      example: entry.example ?? '',
    });
  } else {
    Object.assign(cells, {
      questionType: entry.questionType,
      stem: entry.stem,
      explanation: entry.explanation ?? '',
      guidelineId: entry.guidelineId ?? '',
    });
    if (entry.questionType === 'single' || entry.questionType === 'multiple') {
      for (const o of entry.options) cells[`option${o.key}` as Column] = o.text;
      cells.answer = entry.questionType === 'single' ? entry.answer : entry.answer.join('');
    } else if (entry.questionType === 'truefalse') cells.answer = String(entry.answer);
    else cells.referencePoints = entry.referencePoints.join('\n');
  }
  return exportColumns(optionCount).map((c) => toSpreadsheetCell(cells[c] ?? ''));
}

function exportColumns(optionCount: number): Column[] {
  return CSV_COLUMNS.filter((c) => !c.startsWith('option') || OPTION_COLUMNS.indexOf(c) < optionCount);
}

/**
 * The pack as CSV. Options beyond H cannot be written (the importer reads A–H); such questions are
 * reported in `skipped` so the caller can say so instead of exporting a changed question silently.
 */
export function packToCsv(pack: Pack): { csv: string; skipped: string[] } {
  const skipped: string[] = [];
  let optionCount = 0;
  const entries = pack.entries.filter((e) => {
    if (e.kind !== 'question' || (e.questionType !== 'single' && e.questionType !== 'multiple')) return true;
    const fits = e.options.every((o) => OPTION_KEYS.includes(o.key));
    if (!fits) skipped.push(e.id);
    else for (const o of e.options) optionCount = Math.max(optionCount, OPTION_KEYS.indexOf(o.key) + 1);
    return fits;
  });
  const columns = exportColumns(optionCount);
  // Synonym groups as `synonyms` rows: their words in the keywords cell, one per line.
  const synonymRows = (pack.synonyms ?? []).map((group) =>
    columns.map((c) => toSpreadsheetCell(c === 'kind' ? 'synonyms' : c === 'keywords' ? group.join('\n') : '')),
  );
  const rows = [columns, ...entries.map((e) => entryRow(e, optionCount)), ...synonymRows];
  return { csv: writeCsv(rows), skipped };
}
