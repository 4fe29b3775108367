/** The administrator's policy pack: where it comes from, the last sync, its errors. */

import type { Translate } from '../../utils/i18n';
import type { ManagedApi, OptionsState, PolicyState } from '../../utils/packs/api';
import type { OptionsKey } from './messages';

interface Props {
  api: ManagedApi;
  t: Translate<OptionsKey>;
  state: OptionsState;
  /** null while the policy is still being read. */
  policy: PolicyState | null;
}

const time = (ms: number | undefined, never: string) => (ms ? new Date(ms).toLocaleString() : never);

export function ManagedSection({ api, t, state, policy: read }: Props) {
  const { syncStatus } = state;
  if (!read) {
    return (
      <section aria-labelledby="managed-heading">
        <h2 id="managed-heading">{t('managedHeading')}</h2>
        <p role="status">{t('managedLoading')}</p>
      </section>
    );
  }
  const { policy, policyProblems, originGranted } = read;
  const errors = [...policyProblems, ...(syncStatus?.errors ?? []).filter((e) => !policyProblems.includes(e))];
  const origin = policy?.packUrl ? new URL(policy.packUrl).origin : '';
  return (
    <section aria-labelledby="managed-heading">
      <h2 id="managed-heading">{t('managedHeading')}</h2>
      {!policy && errors.length === 0 ? (
        <p>{t('managedNone')}</p>
      ) : (
        <>
          {policy && <p>{t('managedSource', { source: policy.packUrl ?? 'policy' })}</p>}
          <p>{t('lastSync', { time: time(syncStatus?.lastAttemptAt, t('never')) })}</p>
          <p>{t('lastSuccess', { time: time(syncStatus?.lastSuccessAt, t('never')) })}</p>
          {originGranted === false && (
            <p>
              {t('originMissing', { origin })}{' '}
              <button type="button" onClick={() => policy?.packUrl && api.requestOriginPermission(policy.packUrl)}>
                {t('grantOrigin', { origin })}
              </button>
            </p>
          )}
          {policy && (
            <button type="button" onClick={() => api.syncNow()}>
              {t('syncNow')}
            </button>
          )}
        </>
      )}
      {errors.length > 0 && (
        <div role="alert" class="alert">
          <p>
            <strong>{t('syncErrors')}</strong>
          </p>
          <ul>
            {errors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
