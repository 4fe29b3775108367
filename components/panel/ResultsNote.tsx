/** What the panel says about its results: loading, nothing found, only near matches, or how many. */
import type { Translate } from '../../utils/i18n';
import type { PanelKey } from './messages';

interface Props {
  t: Translate<PanelKey>;
  loaded: boolean;
  loadFailed: boolean;
  /** The trimmed query; empty when the agent has not typed. */
  query: string;
  count: number;
  /** Every result is only a near match (`SearchHit.partial`). */
  nearestOnly: boolean;
}

export function ResultsNote({ t, loaded, loadFailed, query, count, nearestOnly }: Props) {
  if (!loaded) {
    return (
      <p class="coach-empty coach-muted" role="status" data-tone={loadFailed ? 'error' : undefined}>
        {loadFailed ? t('loadFailed') : t('loadingKnowledge')}
      </p>
    );
  }
  if (!query) return count === 0 ? <p class="coach-empty coach-muted">{t('emptyHint')}</p> : null;
  if (count === 0) {
    return (
      <div class="coach-empty" role="note">
        <p>{t('noResults', { query })}</p>
        <p class="coach-muted">{t('noResultsHint')}</p>
      </div>
    );
  }
  return (
    <>
      {nearestOnly && (
        <p class="coach-empty coach-muted" role="note">
          {t('nearestOnly', { query })}
        </p>
      )}
      <p class="coach-sr-only" aria-live="polite">
        {t('resultCount', { n: count })}
      </p>
    </>
  );
}
