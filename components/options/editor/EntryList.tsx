/** The editor's entry list: a filter by title or id, buttons adding an entry of each kind, the entries with their problem counts. */
import type { EntryKind } from '../../../knowledge/schema';
import type { Translate } from '../../../utils/i18n';
import { type DraftEntry, textOf } from '../../../utils/packs/edit';
import type { UiLanguage } from '../../../utils/settings';
import { KindBadge } from '../../shared/KindBadge';
import type { EditorKey } from './messages';

/** Entries listed at most; the filter finds the rest. */
const SHOWN_ENTRIES = 300;
const KINDS: readonly [EntryKind, 'addGuidelineEntry' | 'addPhrasingEntry' | 'addQuestionEntry'][] = [
  ['guideline', 'addGuidelineEntry'],
  ['phrasing', 'addPhrasingEntry'],
  ['question', 'addQuestionEntry'],
];

const isKind = (v: unknown): v is EntryKind => v === 'guideline' || v === 'phrasing' || v === 'question';

interface Props {
  t: Translate<EditorKey>;
  lang: UiLanguage;
  entries: readonly DraftEntry[];
  /** A stable key per entry (entries move and may share a title). */
  keys: readonly number[];
  selectedKey: number | null;
  /** Problems per entry index. */
  counts: ReadonlyMap<number, number>;
  filter: string;
  onFilter(filter: string): void;
  onSelect(key: number): void;
  onAdd(kind: EntryKind): void;
}

export function EntryList({ t, lang, entries, keys, selectedKey, counts, filter, onFilter, onSelect, onAdd }: Props) {
  const needle = filter.trim().toLowerCase();
  const listed = entries
    .map((entry, index) => ({ entry, index, key: keys[index] as number }))
    .filter(
      ({ entry }) =>
        !needle ||
        textOf(entry.title).toLowerCase().includes(needle) ||
        textOf(entry.id).toLowerCase().includes(needle),
    );
  return (
    <div class="editor-list">
      <label for="editor-filter" class="field-label">
        {t('filter')}
      </label>
      <input
        id="editor-filter"
        type="search"
        placeholder={t('filterPlaceholder')}
        value={filter}
        onInput={(e) => onFilter(e.currentTarget.value)}
      />
      <fieldset class="add-row">
        <legend class="sr-only">{t('add')}</legend>
        {KINDS.map(([kind, label]) => (
          <button key={kind} type="button" class="button-quiet" onClick={() => onAdd(kind)}>
            {t(label)}
          </button>
        ))}
      </fieldset>
      <p class="field-label" id="editor-entries">
        {t('entriesLabel', { count: entries.length })}
      </p>
      {listed.length === 0 && <p class="muted">{t('noMatch')}</p>}
      <ul class="entry-list" aria-labelledby="editor-entries">
        {listed.slice(0, SHOWN_ENTRIES).map(({ entry, index, key }) => {
          const count = counts.get(index) ?? 0;
          return (
            <li key={key}>
              <button
                type="button"
                class="entry-button"
                aria-current={key === selectedKey ? 'true' : undefined}
                onClick={() => onSelect(key)}
              >
                {isKind(entry.kind) && <KindBadge kind={entry.kind} lang={lang} />}
                <span class="entry-title">{textOf(entry.title) || t('untitled')}</span>
                {count > 0 && (
                  <span class="problem-count">
                    <span aria-hidden="true">⚠ {count}</span>
                    <span class="sr-only">{t('entryProblems', { count })}</span>
                  </span>
                )}
              </button>
            </li>
          );
        })}
      </ul>
      {listed.length > SHOWN_ENTRIES && (
        <p class="muted">{t('moreEntries', { count: listed.length - SHOWN_ENTRIES })}</p>
      )}
    </div>
  );
}
