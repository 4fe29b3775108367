/** Installed packs: enable / disable, export (JSON, CSV), remove, reset to the built-in pack. */
import { useState } from 'preact/hooks';
import type { PackProblem } from '../../knowledge/loader';
import type { Pack } from '../../knowledge/schema';
import type { Translate } from '../../utils/i18n';
import type { ApiResult, OptionsState, PackListApi } from '../../utils/packs/api';
import { packToCsv } from '../../utils/packs/csv-export';
import { builtinAsOnePack, packToJson } from '../../utils/packs/export';
import type { OptionsKey } from './messages';
import { ProblemList } from './ProblemList';
import { useActionError } from './use-action-error';

interface Props {
  api: PackListApi;
  t: Translate<OptionsKey>;
  state: OptionsState;
}

export function PackList({ api, t, state }: Props) {
  const [problems, setProblems] = useState<PackProblem[]>([]);
  const [note, setNote] = useState('');
  const [confirming, setConfirming] = useState<string | null>(null);
  const { error, guard } = useActionError(t);

  const run = async (action: () => Promise<ApiResult>) => {
    const result = await guard(action);
    setProblems(result && !result.ok ? result.problems : []);
  };
  const exportJson = (pack: Pack) => api.download(`${pack.id}.json`, packToJson(pack), 'application/json');
  const exportCsv = (pack: Pack) => {
    const { csv, skipped } = packToCsv(pack);
    api.download(`${pack.id}.csv`, csv, 'text/csv');
    setNote(skipped.length ? t('exportCsvSkipped', { ids: skipped.join(', ') }) : '');
  };
  const exports = (pack: Pack, label: string) => (
    <>
      <button type="button" onClick={() => exportJson(pack)} aria-label={`${t('exportJson')} ${label}`}>
        {t('exportJson')}
      </button>{' '}
      <button type="button" onClick={() => exportCsv(pack)} aria-label={`${t('exportCsv')} ${label}`}>
        {t('exportCsv')}
      </button>
    </>
  );

  const builtinCount = state.builtin.reduce((n, p) => n + p.entries.length, 0);
  const builtinLabel = t('builtinName', { count: builtinCount });
  return (
    <section aria-labelledby="packs-heading">
      <h2 id="packs-heading">{t('packsHeading')}</h2>
      <ul class="packs">
        <li>
          <label>
            <input
              type="checkbox"
              checked={state.library.builtinEnabled}
              onChange={(e) => {
                const checked = (e.currentTarget as HTMLInputElement).checked;
                void run(() => api.setBuiltinEnabled(checked));
              }}
            />{' '}
            {builtinLabel}
          </label>{' '}
          {exports(builtinAsOnePack(state.builtin), builtinLabel)}
        </li>
        {state.library.packs.map((stored) => {
          const label = t('packRow', { name: stored.pack.name, id: stored.pack.id, count: stored.pack.entries.length });
          return (
            <li key={stored.pack.id}>
              <label>
                <input
                  type="checkbox"
                  checked={stored.enabled}
                  onChange={(e) => {
                    const checked = (e.currentTarget as HTMLInputElement).checked;
                    void run(() => api.setPackEnabled(stored.pack.id, checked));
                  }}
                />{' '}
                {label}
              </label>{' '}
              {stored.origin === 'managed' && <em>{t('managedBadge')} </em>}
              {stored.from && <small>{t('from', { from: stored.from })} </small>}
              {exports(stored.pack, label)}{' '}
              {stored.origin === 'import' &&
                (confirming === stored.pack.id ? (
                  <span>
                    {t('confirmRemove', { name: stored.pack.name })}{' '}
                    <button
                      type="button"
                      onClick={() => void run(() => api.removePack(stored.pack.id)).then(() => setConfirming(null))}
                    >
                      {t('confirm')}
                    </button>{' '}
                    <button type="button" onClick={() => setConfirming(null)}>
                      {t('cancel')}
                    </button>
                  </span>
                ) : (
                  <button
                    type="button"
                    onClick={() => setConfirming(stored.pack.id)}
                    aria-label={`${t('remove')} ${label}`}
                  >
                    {t('remove')}
                  </button>
                ))}
            </li>
          );
        })}
      </ul>
      {confirming === '*reset' ? (
        <p>
          {t('confirmReset')}{' '}
          <button type="button" onClick={() => void run(() => api.resetToBuiltin()).then(() => setConfirming(null))}>
            {t('confirm')}
          </button>{' '}
          <button type="button" onClick={() => setConfirming(null)}>
            {t('cancel')}
          </button>
        </p>
      ) : (
        <button type="button" onClick={() => setConfirming('*reset')}>
          {t('reset')}
        </button>
      )}
      <div role="alert" class="alert">
        {error && <p>{error}</p>}
        <ProblemList t={t} file={t('packsHeading')} problems={problems} />
        {note}
      </div>
      {state.corrupt.length > 0 && (
        <div class="corrupt">
          <h3>{t('corruptHeading')}</h3>
          <p>{t('corruptText', { count: state.corrupt.length })}</p>
          <button
            type="button"
            onClick={() =>
              api.download('damaged-packs.json', JSON.stringify(state.corrupt, null, 2), 'application/json')
            }
          >
            {t('corruptExport')}
          </button>{' '}
          <button type="button" onClick={() => void guard(() => api.discardCorrupt())}>
            {t('corruptDiscard')}
          </button>
        </div>
      )}
    </section>
  );
}
