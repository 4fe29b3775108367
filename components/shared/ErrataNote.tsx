/** The curator's correction, shown before the content it corrects so it cannot be missed. */

import { translator } from '../../utils/i18n';
import type { UiLanguage } from '../../utils/settings';
import { sharedMessages } from './messages';

export function ErrataNote({ errata, lang }: { errata: string; lang: UiLanguage }) {
  const t = translator(sharedMessages, lang);
  return (
    <aside class="coach-errata" role="note" aria-label={t('errata')}>
      <strong>{t('errata')}</strong> {errata}
    </aside>
  );
}
