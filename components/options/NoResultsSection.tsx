/** Searches that found nothing: the off switch, the list (most frequent first), clear, export as CSV. */
import { useEffect, useState } from 'preact/hooks';

import type { Translate } from '../../utils/i18n';
import type { NoResultsApi, OptionsState } from '../../utils/packs/api';
import { noResultsToCsv, sortNoResults } from '../../utils/panel/no-result-log';
import type { OptionsKey } from './messages';
import { useActionError } from './use-action-error';

const SHOWN = 100;

export function NoResultsSection({
  api,
  t,
  state,
}: {
  api: NoResultsApi;
  t: Translate<OptionsKey>;
  state: OptionsState;
}) {
  const rows = sortNoResults(state.noResults);
  const { error, guard } = useActionError(t);
  // The box shows what the agent chose until the saved settings come back (a re-render meanwhile must not
  // flip it back); then it follows the settings, which another tab may change too.
  const stored = state.settings.recordNoResults;
  const [record, setRecord] = useState(stored);
  useEffect(() => setRecord(stored), [stored]);
  return (
    <section aria-labelledby="nores-heading">
      <h2 id="nores-heading">{t('noResHeading')}</h2>
      <p>{t('noResHelp')}</p>
      <p>{t('noResKept')}</p>
      <label>
        <input
          type="checkbox"
          checked={record}
          onChange={(e) => {
            const on = (e.currentTarget as HTMLInputElement).checked;
            setRecord(on);
            void guard(async () => {
              try {
                await api.saveSettings({ recordNoResults: on });
              } catch (error) {
                setRecord(stored); // not saved: the box shows what is stored, and the alert says why
                throw error;
              }
            });
          }}
        />{' '}
        {t('noResRecord')}
      </label>
      {rows.length === 0 ? (
        <p>{t('noResEmpty')}</p>
      ) : (
        <ul>
          {rows.slice(0, SHOWN).map((r) => (
            <li key={r.query}>
              {t('noResRow', { query: r.query, count: r.count, time: new Date(r.lastAt).toLocaleString() })}
            </li>
          ))}
        </ul>
      )}
      <button
        type="button"
        disabled={rows.length === 0}
        onClick={() => api.download('no-results.csv', noResultsToCsv(rows), 'text/csv')}
      >
        {t('noResExport')}
      </button>{' '}
      <button type="button" disabled={rows.length === 0} onClick={() => void guard(() => api.clearNoResults())}>
        {t('noResClear')}
      </button>
      <div role="alert" class="alert">
        {error}
      </div>
    </section>
  );
}
