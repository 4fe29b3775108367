/**
 * What the panel says about its results: loading, nothing found, nothing that really matches (the list
 * then holds a few near matches under their own heading), how many, and which words a sentence or pasted
 * message was searched by (「按“投诉、理赔”搜索」).
 */
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
  /** The words the query was reduced to (empty: searched as typed). */
  words: readonly string[];
}

export function ResultsNote({ t, loaded, loadFailed, query, count, nearestOnly, words }: Props) {
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
      {words.length > 0 && (
        <p class="coach-words coach-muted" role="note">
          {t('searchedBy', { words: words.join('、') })}
        </p>
      )}
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
