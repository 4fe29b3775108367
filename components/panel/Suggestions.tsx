/** "Suggested for this ticket" (opt-in per site) or the button that enables it for the current site. */
import type { SuggestionStatus } from '../../utils/panel/api';
import type { SearchHit } from '../../utils/search/types';
import type { UiLanguage } from '../../utils/settings';
import { KindBadge } from '../shared/KindBadge';

interface Props {
  status: SuggestionStatus;
  hits: readonly SearchHit[];
  lang: UiLanguage;
  t: (
    key: 'suggested' | 'suggestEnable' | 'suggestEnableHelp' | 'suggestNone',
    params?: Record<string, string>,
  ) => string;
  onEnable(origin: string, granted: boolean): void;
  onOpen(id: string): void;
}

export function Suggestions({ status, hits, lang, t, onEnable, onOpen }: Props) {
  if (status.state === 'unknown-site') return null;
  if (status.state === 'off') {
    return (
      <section class="coach-suggest coach-suggest--off">
        <button type="button" class="coach-link" onClick={() => onEnable(status.origin, status.granted)}>
          {t('suggestEnable', { origin: status.origin })}
        </button>
        <p class="coach-muted">{t('suggestEnableHelp')}</p>
      </section>
    );
  }
  return (
    <section class="coach-suggest" aria-labelledby="coach-suggest-h">
      <h2 id="coach-suggest-h">{t('suggested')}</h2>
      {hits.length === 0 ? (
        <p class="coach-muted">{t('suggestNone')}</p>
      ) : (
        <ul>
          {hits.map((h) => (
            <li key={h.entry.id}>
              <button type="button" class="coach-link" onClick={() => onOpen(h.entry.id)}>
                <KindBadge kind={h.entry.kind} lang={lang} /> {h.entry.title}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
