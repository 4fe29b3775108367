/** The combobox input with the kind chips and the key help under it. */
import type { ComponentChildren, Ref } from 'preact';
import type { EntryKind } from '../../knowledge/schema';
import type { Translate } from '../../utils/i18n';
import type { UiLanguage } from '../../utils/settings';
import { KindFilter } from './KindFilter';
import type { PanelKey } from './messages';

interface Props {
  inputRef: Ref<HTMLInputElement>;
  t: Translate<PanelKey>;
  lang: UiLanguage;
  query: string;
  kinds: readonly EntryKind[];
  /** The listbox this box controls, and its selected option (`aria-activedescendant`). */
  listId: string;
  activeId: string | undefined;
  expanded: boolean;
  /** `pasted`: the change came from a paste or a drop (ticket text), not from typing. */
  onQuery(query: string, pasted: boolean): void;
  onKinds(kinds: EntryKind[]): void;
  onKeyDown(event: KeyboardEvent): void;
  /** In the search popup the key help also names Shift+Enter (open in the sidebar). */
  popup?: boolean;
  /** More controls beside the kind chips (the panel's 「＋ 新建话术」). */
  extra?: ComponentChildren;
}

export function SearchBox({ inputRef, t, lang, query, kinds, listId, activeId, expanded, popup, extra, ...on }: Props) {
  return (
    <div class="coach-search">
      <input
        ref={inputRef}
        type="search"
        role="combobox"
        aria-label={t('searchLabel')}
        aria-controls={listId}
        aria-expanded={expanded}
        aria-autocomplete="list"
        aria-activedescendant={activeId}
        aria-describedby="coach-keys"
        placeholder={t('searchPlaceholder')}
        value={query}
        autoComplete="off"
        spellcheck={false}
        onInput={(e) => {
          const inputType = (e as InputEvent).inputType ?? '';
          on.onQuery(e.currentTarget.value, inputType === 'insertFromPaste' || inputType === 'insertFromDrop');
        }}
        onKeyDown={on.onKeyDown}
      />
      <div class="coach-search-tools">
        <KindFilter
          kinds={kinds}
          label={t('filterLabel')}
          allLabel={t('filterAll')}
          lang={lang}
          onChange={on.onKinds}
        />
        {extra}
      </div>
      <p id="coach-keys" class="coach-muted coach-keys">
        {t(popup ? 'keysHelpPopup' : 'keysHelp')}
      </p>
    </div>
  );
}
