/** Kind chips: none pressed = all kinds. */
import { ENTRY_KINDS, type EntryKind } from '../../knowledge/schema';
import { translator } from '../../utils/i18n';
import type { UiLanguage } from '../../utils/settings';
import { sharedMessages } from '../shared/messages';

interface Props {
  kinds: readonly EntryKind[];
  label: string;
  allLabel: string;
  lang: UiLanguage;
  onChange(kinds: EntryKind[]): void;
}

export function KindFilter({ kinds, label, allLabel, lang, onChange }: Props) {
  const t = translator(sharedMessages, lang);
  return (
    <fieldset class="coach-chips">
      <legend class="coach-sr-only">{label}</legend>
      <button type="button" class="coach-chip" aria-pressed={kinds.length === 0} onClick={() => onChange([])}>
        {allLabel}
      </button>
      {ENTRY_KINDS.map((kind) => (
        <button
          key={kind}
          type="button"
          class={`coach-chip coach-chip--${kind}`}
          aria-pressed={kinds.includes(kind)}
          onClick={() => onChange(kinds.includes(kind) ? kinds.filter((k) => k !== kind) : [...kinds, kind])}
        >
          {t(`kind.${kind}`)}
        </button>
      ))}
    </fieldset>
  );
}
