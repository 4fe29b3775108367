/** The options page: loads everything through `api`, re-renders on changes from any tab. */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { translator } from '../../utils/i18n';
import type { OptionsApi, OptionsState, PolicyState } from '../../utils/packs/api';
import { FreshnessSection } from './FreshnessSection';
import './options.css';
import { ImportSection } from './ImportSection';
import { ManagedSection } from './ManagedSection';
import { optionsMessages } from './messages';
import { NoResultsSection } from './NoResultsSection';
import { PackList } from './PackList';
import { SettingsSection } from './SettingsSection';

export function OptionsApp({ api, today }: { api: OptionsApi; today: string }) {
  const [state, setState] = useState<OptionsState | null>(null);
  const [policy, setPolicy] = useState<PolicyState | null>(null);
  const [loadError, setLoadError] = useState('');
  const reload = useCallback(() => {
    api.load().then(setState, (e: Error) => setLoadError(e.message));
    // Not awaited with the rest: managed storage can take seconds to answer right after the browser starts.
    api
      .loadPolicy()
      .then(setPolicy, (e: Error) => setPolicy({ policy: null, policyProblems: [e.message], originGranted: null }));
  }, [api]);
  useEffect(() => {
    reload();
    return api.watch(reload);
  }, [api, reload]);

  const t = translator(optionsMessages, state?.settings.uiLanguage ?? 'zh-CN');
  useEffect(() => {
    document.title = t('pageTitle');
    document.documentElement.lang = state?.settings.uiLanguage ?? 'zh-CN';
  }, [t, state?.settings.uiLanguage]);

  if (!state) return <p role={loadError ? 'alert' : 'status'}>{loadError || t('loading')}</p>;
  return (
    <main class="options">
      <h1>{t('pageTitle')}</h1>
      <ImportSection api={api} t={t} library={state.library} onDone={reload} />
      <PackList api={api} t={t} state={state} />
      <ManagedSection api={api} t={t} state={state} policy={policy} />
      <FreshnessSection t={t} state={state} today={today} />
      <NoResultsSection api={api} t={t} state={state} />
      <SettingsSection api={api} t={t} settings={state.settings} />
    </main>
  );
}
