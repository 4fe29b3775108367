/**
 * The browser sync on the options page: what syncs, the switch for this browser, how much of the sync
 * quota is used, and — in words — anything that needs the agent: data that no longer fits (kept here),
 * a newer release's data (paused), errors, unreadable synced data (kept here, exportable).
 */
import { useEffect, useState } from 'preact/hooks';
import type { Translate } from '../../utils/i18n';
import type { SyncOptionsApi, SyncOptionsState } from '../../utils/sync/api';
import type { SyncSection } from '../../utils/sync/layout';
import type { PersonalSyncKey } from './personal-sync-messages';

interface Props {
  api: SyncOptionsApi;
  download(fileName: string, text: string, mime: string): void;
  t: Translate<PersonalSyncKey>;
}

const LEFT_OUT: [SyncSection, PersonalSyncKey][] = [
  ['phrasings', 'syncLeftPhrasings'],
  ['cards', 'syncLeftCards'],
  ['favorites', 'syncLeftFavorites'],
  ['history', 'syncLeftHistory'],
];

export function BrowserSyncSection({ api, download, t }: Props) {
  const [state, setState] = useState<SyncOptionsState | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    let live = true;
    const load = () => api.load().then((s) => live && setState(s));
    void load();
    const unwatch = api.watch(load);
    return () => {
      live = false;
      unwatch();
    };
  }, [api]);
  if (!state) return null;
  const { prefs, status, damaged } = state;

  const leftOut = () => {
    const parts = LEFT_OUT.filter(([s]) => status?.leftOut[s]).map(([s, key]) =>
      t(key, { n: status?.leftOut[s] ?? 0 }),
    );
    const other = (status?.leftOut.settings ?? 0) + (status?.leftOut.streak ?? 0) + (status?.leftOut.today ?? 0);
    if (other) parts.push(t('syncLeftOther', { n: other }));
    return parts.join(t('listSeparator'));
  };
  const when = (ms: number | undefined) => (ms ? new Date(ms).toLocaleString() : '');

  let message: { text: string; alert?: boolean } | null = null;
  if (!status) message = { text: t('syncNever') };
  else if (status.state === 'ok')
    message = {
      text: t('syncOk', { kb: (status.bytes / 1024).toFixed(1), items: status.items, time: when(status.syncedAt) }),
    };
  else if (status.state === 'partial') message = { text: t('syncPartial', { list: leftOut() }), alert: true };
  else if (status.state === 'off') message = { text: t('syncOff') };
  else if (status.state === 'newer') message = { text: t('syncNewer', { by: status.newer?.by || '?' }), alert: true };
  else if (status.state === 'error') message = { text: t('syncError', { error: status.error ?? '' }), alert: true };
  else message = { text: t('syncUnavailable', { error: status.error ?? '' }), alert: true };

  return (
    <section aria-labelledby="sync-heading">
      <h2 id="sync-heading">{t('syncHeading')}</h2>
      <p>{t('syncHelp')}</p>
      <label>
        <input
          type="checkbox"
          checked={prefs.enabled}
          onChange={(e) => void api.setEnabled((e.currentTarget as HTMLInputElement).checked)}
        />{' '}
        {t('syncEnabled')}
      </label>
      <div class={message.alert ? 'sync-status sync-status--attention' : 'sync-status'} role="status">
        <p>{message.text}</p>
        {status?.state === 'partial' && <p>{t('syncPartialHelp')}</p>}
        {status?.migratedFrom !== undefined && <p>{t('syncMigrated', { format: status.migratedFrom })}</p>}
      </div>
      <button
        type="button"
        disabled={busy || !prefs.enabled}
        onClick={() => {
          setBusy(true);
          void api.syncNow().finally(() => setBusy(false));
        }}
      >
        {t('syncNow')}
      </button>
      {damaged.length > 0 && (
        <div class="sync-damaged" role="alert">
          <p>{t('syncDamaged', { count: damaged.length })}</p>
          <button
            type="button"
            onClick={() => download('unreadable-sync-data.json', JSON.stringify(damaged, null, 2), 'application/json')}
          >
            {t('syncDamagedExport')}
          </button>{' '}
          <button type="button" onClick={() => void api.discardDamaged()}>
            {t('syncDamagedDiscard')}
          </button>
        </div>
      )}
      <p class="help">{t('syncBrowserOff')}</p>
    </section>
  );
}
