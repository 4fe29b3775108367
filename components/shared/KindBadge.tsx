import type { EntryKind } from '../../knowledge/schema';
import { translator } from '../../utils/i18n';
import type { UiLanguage } from '../../utils/settings';
import { sharedMessages } from './messages';

export function KindBadge({ kind, lang }: { kind: EntryKind; lang: UiLanguage }) {
  const t = translator(sharedMessages, lang);
  return <span class={`coach-badge coach-badge--${kind}`}>{t(`kind.${kind}`)}</span>;
}
