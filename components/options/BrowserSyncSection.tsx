/**
 * The browser sync on the options page: what syncs, the switch for this browser, how much of the sync
 * quota is used, and — in words — anything that needs the agent: data that no longer fits (kept here),
 * a newer release's data (paused), errors, unreadable synced data (kept here, exportable).
 */
import { useState } from 'preact/hooks';
import type { Translate } from '../../utils/i18n';
import type { SyncOptionsApi } from '../../utils/sync/api';
import type { SyncSection } from '../../utils/sync/layout';
import type { OptionsKey } from './messages';
import type { PersonalSyncKey } from './personal-sync-messages';
import { useActionError } from './use-action-error';
import { useWatched } from './use-watched';

interface Props {
  api: SyncOptionsApi;
  download(fileName: string, text: string, mime: string): void;
  /** The page's messages (failures) and this section's own. */
  t: Translate<OptionsKey>;
  tm: Translate<PersonalSyncKey>;
}

const LEFT_OUT: [SyncSection, PersonalSyncKey][] = [
  ['phrasings', 'syncLeftPhrasings'],
  ['cards', 'syncLeftCards'],
  ['favorites', 'syncLeftFavorites'],
  ['history', 'syncLeftHistory'],
];

export function BrowserSyncSection({ api, download, t, tm }: Props) {
  const { value: state, loadError } = useWatched(api);
  const [busy, setBusy] = useState(false);
  const { error, guard } = useActionError(t);
  if (!state) {
    return loadError ? (
      <section aria-labelledby="sync-heading">
        <h2 id="sync-heading">{tm('syncHeading')}</h2>
        <p role="alert">{t('actionFailed', { message: loadError })}</p>
      </section>
    ) : null;
  }
  const { prefs, status, damaged } = state;

  const leftOut = () => {
    const parts = LEFT_OUT.filter(([s]) => status?.leftOut[s]).map(([s, key]) =>
      tm(key, { n: status?.leftOut[s] ?? 0 }),
    );
    const other = (status?.leftOut.settings ?? 0) + (status?.leftOut.streak ?? 0) + (status?.leftOut.today ?? 0);
    if (other) parts.push(tm('syncLeftOther', { n: other }));
    return parts.join(tm('listSeparator'));
  };
  const when = (ms: number | undefined) => (ms ? new Date(ms).toLocaleString() : '');

  let message: { text: string; alert?: boolean } | null = null;
  if (!status) message = { text: tm('syncNever') };
  else if (status.state === 'ok')
    message = {
      text: tm('syncOk', { kb: (status.bytes / 1024).toFixed(1), items: status.items, time: when(status.syncedAt) }),
    };
  else if (status.state === 'partial') message = { text: tm('syncPartial', { list: leftOut() }), alert: true };
  else if (status.state === 'off') message = { text: tm('syncOff') };
  else if (status.state === 'newer') message = { text: tm('syncNewer', { by: status.newer?.by || '?' }), alert: true };
  else if (status.state === 'error') message = { text: tm('syncError', { error: status.error ?? '' }), alert: true };
  else message = { text: tm('syncUnavailable', { error: status.error ?? '' }), alert: true };

  return (
    <section aria-labelledby="sync-heading">
      <h2 id="sync-heading">{tm('syncHeading')}</h2>
      <p>{tm('syncHelp')}</p>
      <label>
        <input
          type="checkbox"
          checked={prefs.enabled}
          onChange={(e) => {
            const on = (e.currentTarget as HTMLInputElement).checked;
            void guard(() => api.setEnabled(on));
          }}
        />{' '}
        {tm('syncEnabled')}
      </label>
      <div class={message.alert ? 'sync-status sync-status--attention' : 'sync-status'} role="status">
        <p>{message.text}</p>
        {status?.state === 'partial' && <p>{tm('syncPartialHelp')}</p>}
        {status?.migratedFrom !== undefined && <p>{tm('syncMigrated', { format: status.migratedFrom })}</p>}
      </div>
      <button
        type="button"
        disabled={busy || !prefs.enabled}
        onClick={() => {
          setBusy(true);
          void guard(() => api.syncNow()).finally(() => setBusy(false));
        }}
      >
        {tm('syncNow')}
      </button>
      {damaged.length > 0 && (
        <div class="sync-damaged" role="alert">
          <p>{tm('syncDamaged', { count: damaged.length })}</p>
          <button
            type="button"
            onClick={() => download('unreadable-sync-data.json', JSON.stringify(damaged, null, 2), 'application/json')}
          >
            {tm('syncDamagedExport')}
          </button>{' '}
          <button type="button" onClick={() => void guard(() => api.discardDamaged())}>
            {tm('syncDamagedDiscard')}
          </button>
        </div>
      )}
      {error && <p role="alert">{error}</p>}
      <p class="help">{tm('syncBrowserOff')}</p>
    </section>
  );
}
