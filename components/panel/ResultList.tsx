/** The combobox's listbox: results (or favorites and recents), one option per entry. */
import type { Entry } from '../../knowledge/schema';
import { rangesFor } from '../../utils/panel/highlight';
import type { FieldMatch } from '../../utils/search/types';
import type { UiLanguage } from '../../utils/settings';
import { Highlight } from '../shared/Highlight';
import { KindBadge } from '../shared/KindBadge';

export interface ListItem {
  entry: Entry;
  matches?: readonly FieldMatch[];
  /** Found only by a respelling of the query or part of its words (see `SearchHit.partial`). */
  partial?: boolean;
  /** Group heading shown before the first item of a group (empty state: favorites, recents). */
  group?: string;
}

export const optionId = (id: string) => `coach-opt-${id}`;

interface Props {
  id: string;
  label: string;
  items: readonly ListItem[];
  selected: number;
  lang: UiLanguage;
  favorites: readonly string[];
  onSelect(index: number): void;
}

export function ResultList({ id, label, items, selected, lang, favorites, onSelect }: Props) {
  // Consecutive items of one group form a role="group" labelled by its heading (favorites, recents).
  const groups: { label: string; start: number; items: ListItem[] }[] = [];
  items.forEach((item, i) => {
    const last = groups[groups.length - 1];
    if (last && last.label === (item.group ?? '')) last.items.push(item);
    else groups.push({ label: item.group ?? '', start: i, items: [item] });
  });
  const option = (item: ListItem, i: number) => (
    // Keyboard selection is the combobox's (arrows in the search box, aria-activedescendant), so options
    // are only focusable by script and clicking one needs no key handler of its own.
    // biome-ignore lint/a11y/useKeyWithClickEvents: see above
    <div
      key={item.entry.id}
      tabIndex={-1}
      id={optionId(item.entry.id)}
      role="option"
      aria-selected={i === selected}
      class={i === selected ? 'coach-option coach-option--selected' : 'coach-option'}
      // Keep focus in the search box: a mouse click selects without stealing it.
      onMouseDown={(e) => e.preventDefault()}
      onClick={() => onSelect(i)}
    >
      <KindBadge kind={item.entry.kind} lang={lang} />
      <span class="coach-option-title">
        <Highlight text={item.entry.title} ranges={rangesFor(item.matches, 'title')} />
      </span>
      {favorites.includes(item.entry.id) && (
        <span class="coach-star-mark" aria-hidden="true">
          ★
        </span>
      )}
    </div>
  );
  return (
    <div id={id} role="listbox" aria-label={label} class="coach-results">
      {groups.map((g, gi) =>
        g.label ? (
          // A listbox may only contain options and groups of options; a <fieldset> is neither.
          // biome-ignore lint/a11y/useSemanticElements: role="group" is the listbox's own grouping
          <div key={`g-${g.label}`} role="group" aria-labelledby={`${id}-g${gi}`}>
            <div id={`${id}-g${gi}`} role="presentation" class="coach-group">
              {g.label}
            </div>
            {g.items.map((item, k) => option(item, g.start + k))}
          </div>
        ) : (
          g.items.map((item, k) => option(item, g.start + k))
        ),
      )}
    </div>
  );
}
