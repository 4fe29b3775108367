/**
 * The options page: a settings page with a list of its sections beside them. Loads everything through `api`,
 * re-renders on changes from any tab.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { translator } from '../../utils/i18n';
import type { OptionsApi, OptionsState, PolicyState } from '../../utils/packs/api';
import { BrowserSyncSection } from './BrowserSyncSection';
import { EditorSection } from './editor/EditorSection';
import { editorMessages } from './editor/messages';
import { FreshnessSection } from './FreshnessSection';
import './options.css';
import { ImportSection } from './ImportSection';
import { ManagedSection } from './ManagedSection';
import { type OptionsKey, optionsMessages } from './messages';
import { NoResultsSection } from './NoResultsSection';
import { PackList } from './PackList';
import { PersonalSection } from './PersonalSection';
import { personalSyncMessages } from './personal-sync-messages';
import { SettingsSection } from './SettingsSection';
import { useActiveSection } from './use-active-section';

type SectionLabel = OptionsKey | 'editor' | 'mine' | 'sync';
const SECTIONS: readonly { id: string; label: SectionLabel }[] = [
  { id: 'packs', label: 'packsHeading' },
  { id: 'import', label: 'importHeading' },
  { id: 'editor', label: 'editor' },
  { id: 'my-phrasings', label: 'mine' },
  { id: 'managed', label: 'managedHeading' },
  { id: 'freshness', label: 'freshHeading' },
  { id: 'no-results', label: 'noResHeading' },
  { id: 'settings', label: 'settingsHeading' },
  { id: 'browser-sync', label: 'sync' },
];
const IDS = SECTIONS.map((s) => s.id);

export function OptionsApp({ api, today }: { api: OptionsApi; today: string }) {
  const [state, setState] = useState<OptionsState | null>(null);
  const [policy, setPolicy] = useState<PolicyState | null>(null);
  const [loadError, setLoadError] = useState('');
  const [editRequest, setEditRequest] = useState<{ packId: string; n: number } | null>(null);
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

  const lang = state?.settings.uiLanguage ?? 'zh-CN';
  const t = translator(optionsMessages, lang);
  const te = translator(editorMessages, lang);
  const tm = translator(personalSyncMessages, lang);
  const label = (key: SectionLabel) =>
    key === 'editor' ? te('heading') : key === 'mine' ? tm('myHeading') : key === 'sync' ? tm('syncHeading') : t(key);
  const sections = SECTIONS.filter(
    (s) => (s.label !== 'mine' || api.personal) && (s.label !== 'sync' || api.browserSync),
  );
  useEffect(() => {
    document.title = t('pageTitle');
    document.documentElement.lang = lang;
  }, [t, lang]);
  const active = useActiveSection(IDS, state !== null);

  if (!state) {
    return (
      <main class="options-loading">
        <h1>{t('pageTitle')}</h1>
        <p role={loadError ? 'alert' : 'status'}>{loadError || t('loading')}</p>
      </main>
    );
  }
  return (
    <div class="options-page">
      <header class="options-header">
        <h1>
          <span class="brand-mark" aria-hidden="true">
            教
          </span>
          {t('pageTitle')}
        </h1>
      </header>
      <nav class="options-nav" aria-label={t('navLabel')}>
        <ul>
          {sections.map((s) => (
            <li key={s.id}>
              <a href={`#${s.id}`} aria-current={active === s.id ? 'location' : undefined}>
                {label(s.label)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main class="options-main">
        <div id="packs" class="card">
          <PackList
            api={api}
            t={t}
            lang={lang}
            state={state}
            onEdit={(packId) => setEditRequest((r) => ({ packId, n: (r?.n ?? 0) + 1 }))}
          />
        </div>
        <div id="import" class="card">
          <ImportSection api={api} t={t} lang={lang} library={state.library} onDone={reload} />
        </div>
        <div id="editor" class="card">
          <EditorSection
            api={api}
            lang={lang}
            library={state.library}
            builtin={state.builtin}
            today={today}
            request={editRequest}
          />
        </div>
        {api.personal && (
          <div id="my-phrasings" class="card">
            <PersonalSection api={api.personal} download={api.download} t={t} tm={tm} lang={lang} />
          </div>
        )}
        <div id="managed" class="card">
          <ManagedSection api={api} t={t} state={state} policy={policy} />
        </div>
        <div id="freshness" class="card">
          <FreshnessSection t={t} state={state} today={today} />
        </div>
        <div id="no-results" class="card">
          <NoResultsSection api={api} t={t} state={state} />
        </div>
        <div id="settings" class="card">
          <SettingsSection api={api} t={t} settings={state.settings} />
        </div>
        {api.browserSync && (
          <div id="browser-sync" class="card">
            <BrowserSyncSection api={api.browserSync} download={api.download} t={t} tm={tm} />
          </div>
        )}
      </main>
    </div>
  );
}
