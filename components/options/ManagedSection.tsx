/** The administrator's policy pack: where it comes from, the last sync, its errors. */

import type { Translate } from '../../utils/i18n';
import type { ManagedApi, OptionsState, PolicyState } from '../../utils/packs/api';
import type { OptionsKey } from './messages';
import { useActionError } from './use-action-error';

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
  const { error, guard } = useActionError(t);
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
              <button
                type="button"
                onClick={() => {
                  const url = policy?.packUrl;
                  if (url) void guard(() => api.requestOriginPermission(url));
                }}
              >
                {t('grantOrigin', { origin })}
              </button>
            </p>
          )}
          {policy && (
            <button type="button" onClick={() => void guard(() => api.syncNow())}>
              {t('syncNow')}
            </button>
          )}
        </>
      )}
      {error && (
        <p role="alert" class="alert">
          {error}
        </p>
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
