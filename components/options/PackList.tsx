/** Installed packs: enable / disable, edit, export (JSON, CSV), remove, reset to the built-in pack. */
import { useEffect, useState } from 'preact/hooks';
import type { PackProblem } from '../../knowledge/problems';
import type { Pack } from '../../knowledge/schema';
import type { Translate } from '../../utils/i18n';
import type { ApiResult, OptionsState, PackListApi } from '../../utils/packs/api';
import { packToCsv } from '../../utils/packs/csv-export';
import { builtinAsOnePack, packToJson } from '../../utils/packs/export';
import type { UiLanguage } from '../../utils/settings';
import type { OptionsKey } from './messages';
import { ProblemList } from './ProblemList';
import { useActionError } from './use-action-error';

const BUILTIN = '*builtin';

interface Props {
  api: PackListApi;
  t: Translate<OptionsKey>;
  lang: UiLanguage;
  state: OptionsState;
  /** Opens an imported pack in the entry editor. */
  onEdit(packId: string): void;
}

export function PackList({ api, t, lang, state, onEdit }: Props) {
  const [problems, setProblems] = useState<PackProblem[]>([]);
  const [note, setNote] = useState('');
  const [confirming, setConfirming] = useState<string | null>(null);
  const { error, guard } = useActionError(t);
  // A switch shows what was asked for until the stored library says so (or the change is refused): a re-render
  // in between (the page scrolling, another section updating) must not flip it back.
  const [asked, setAsked] = useState<Record<string, boolean>>({});

  const run = async (action: () => Promise<ApiResult>) => {
    const result = await guard(action);
    setProblems(result && !result.ok ? result.problems : []);
    return result?.ok === true;
  };
  const storedSwitch = (key: string) =>
    key === BUILTIN ? state.library.builtinEnabled : state.library.packs.find((p) => p.pack.id === key)?.enabled;
  const toggle = async (key: string, enabled: boolean, action: () => Promise<ApiResult>) => {
    setAsked((a) => ({ ...a, [key]: enabled }));
    // Refused: back to what is stored. Done: kept until the page has the library that says so (below).
    if (!(await run(action))) setAsked(({ [key]: _refused, ...rest }) => rest);
  };
  useEffect(() => {
    setAsked((a) => {
      const settled = Object.keys(a).filter((key) => storedSwitch(key) === a[key]);
      if (!settled.length) return a;
      return Object.fromEntries(Object.entries(a).filter(([key]) => !settled.includes(key)));
    });
  });
  const shown = (key: string, stored: boolean) => asked[key] ?? stored;
  const exportJson = (pack: Pack) => api.download(`${pack.id}.json`, packToJson(pack), 'application/json');
  const exportCsv = (pack: Pack) => {
    const { csv, skipped } = packToCsv(pack);
    api.download(`${pack.id}.csv`, csv, 'text/csv');
    setNote(skipped.length ? t('exportCsvSkipped', { ids: skipped.join(', ') }) : '');
  };
  const exports = (pack: Pack, label: string) => (
    <>
      <button
        type="button"
        class="button-quiet"
        onClick={() => exportJson(pack)}
        aria-label={`${t('exportJson')} ${label}`}
      >
        {t('exportJson')}
      </button>
      <button
        type="button"
        class="button-quiet"
        onClick={() => exportCsv(pack)}
        aria-label={`${t('exportCsv')} ${label}`}
      >
        {t('exportCsv')}
      </button>
    </>
  );

  const builtinCount = state.builtin.reduce((n, p) => n + p.entries.length, 0);
  const builtinLabel = t('builtinName', { count: builtinCount });
  return (
    <section aria-labelledby="packs-heading">
      <h2 id="packs-heading">{t('packsHeading')}</h2>
      <p class="section-help">{t('packsHelp')}</p>
      <ul class="packs">
        <li class="pack-row">
          <label class="switch">
            <input
              type="checkbox"
              checked={shown(BUILTIN, state.library.builtinEnabled)}
              onChange={(e) => {
                const on = (e.currentTarget as HTMLInputElement).checked;
                void toggle(BUILTIN, on, () => api.setBuiltinEnabled(on));
              }}
            />
            <span class="pack-name">{builtinLabel}</span>
          </label>
          <span class="pack-actions">{exports(builtinAsOnePack(state.builtin), builtinLabel)}</span>
        </li>
        {state.library.packs.map((stored) => {
          const label = t('packRow', { name: stored.pack.name, id: stored.pack.id, count: stored.pack.entries.length });
          return (
            <li key={stored.pack.id} class="pack-row">
              <label class="switch">
                <input
                  type="checkbox"
                  checked={shown(stored.pack.id, stored.enabled)}
                  onChange={(e) => {
                    const on = (e.currentTarget as HTMLInputElement).checked;
                    void toggle(stored.pack.id, on, () => api.setPackEnabled(stored.pack.id, on));
                  }}
                />
                <span class="pack-name">{label}</span>
              </label>
              <span class="pack-meta">
                {stored.origin === 'managed' && <span class="pill">{t('managedBadge')}</span>}
                {stored.from && <small>{t('from', { from: stored.from })}</small>}
              </span>
              <span class="pack-actions">
                {stored.origin === 'import' && (
                  <button
                    type="button"
                    class="button-quiet"
                    onClick={() => onEdit(stored.pack.id)}
                    aria-label={`${t('edit')} ${label}`}
                  >
                    {t('edit')}
                  </button>
                )}
                {exports(stored.pack, label)}
                {stored.origin === 'import' &&
                  (confirming === stored.pack.id ? (
                    <span class="confirm">
                      {t('confirmRemove', { name: stored.pack.name })}{' '}
                      <button
                        type="button"
                        class="button-danger"
                        onClick={() => void run(() => api.removePack(stored.pack.id)).then(() => setConfirming(null))}
                      >
                        {t('confirm')}
                      </button>{' '}
                      <button type="button" class="button-quiet" onClick={() => setConfirming(null)}>
                        {t('cancel')}
                      </button>
                    </span>
                  ) : (
                    <button
                      type="button"
                      class="button-quiet button-quiet--danger"
                      onClick={() => setConfirming(stored.pack.id)}
                      aria-label={`${t('remove')} ${label}`}
                    >
                      {t('remove')}
                    </button>
                  ))}
              </span>
            </li>
          );
        })}
      </ul>
      {confirming === '*reset' ? (
        <p class="confirm">
          {t('confirmReset')}{' '}
          <button
            type="button"
            class="button-danger"
            onClick={() => void run(() => api.resetToBuiltin()).then(() => setConfirming(null))}
          >
            {t('confirm')}
          </button>{' '}
          <button type="button" class="button-quiet" onClick={() => setConfirming(null)}>
            {t('cancel')}
          </button>
        </p>
      ) : (
        <button type="button" class="button-quiet button-quiet--danger" onClick={() => setConfirming('*reset')}>
          {t('reset')}
        </button>
      )}
      <div role="alert" class="alert">
        {error && <p>{error}</p>}
        <ProblemList t={t} lang={lang} file="" problems={problems} />
        {note}
      </div>
      {state.corrupt.length > 0 && (
        <div class="corrupt">
          <h3>{t('corruptHeading')}</h3>
          <p>{t('corruptText', { count: state.corrupt.length })}</p>
          <button
            type="button"
            class="button-quiet"
            onClick={() =>
              api.download('damaged-packs.json', JSON.stringify(state.corrupt, null, 2), 'application/json')
            }
          >
            {t('corruptExport')}
          </button>{' '}
          <button
            type="button"
            class="button-quiet button-quiet--danger"
            onClick={() => void guard(() => api.discardCorrupt())}
          >
            {t('corruptDiscard')}
          </button>
        </div>
      )}
    </section>
  );
}
