/** Preferences: quiz size, UI language, page-suggestion sites, ticket selectors, shortcut settings. */
import { Fragment } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Translate } from '../../utils/i18n';
import type { SettingsApi } from '../../utils/packs/api';
import { type Settings, UI_LANGUAGES } from '../../utils/settings';
import type { OptionsKey } from './messages';
import { reasonOf } from './use-action-error';

/** The columns of a ticket-selector row: field, label and an example as placeholder. */
const SELECTOR_FIELDS = [
  ['host', 'selectorHost', 'acme.zendesk.com'],
  ['subject', 'selectorSubject', 'h1.ticket-subject'],
  ['message', 'selectorMessage', '.comment:last-child'],
] as const;

const LANGUAGE_NAMES: Record<Settings['uiLanguage'], string> = { 'zh-CN': '简体中文', en: 'English' };

/** `https://acme.zendesk.com/path` → `https://acme.zendesk.com`; undefined for anything that is not http(s). */
function toOrigin(line: string): string | undefined {
  try {
    const url = new URL(line.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

function withKeys(list: Settings['ticketSelectors'], counter: { current: number }) {
  return list.map((s) => ({ ...s, key: counter.current++ }));
}

export function SettingsSection({
  api,
  t,
  settings,
}: {
  api: SettingsApi;
  t: Translate<OptionsKey>;
  settings: Settings;
}) {
  const [quizSize, setQuizSize] = useState(settings.quizSize);
  const [lang, setLang] = useState(settings.uiLanguage);
  const [sites, setSites] = useState(settings.suggestionSites.join('\n'));
  // Rows carry a key of their own: removing a row must not hand its inputs to the next one.
  const nextKey = useRef(0);
  const [selectors, setSelectors] = useState(() => withKeys(settings.ticketSelectors, nextKey));
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  const [firefoxHint, setFirefoxHint] = useState(false);

  // Reload the form only when the stored settings really changed (saved here or in another tab), not when
  // the effect merely runs after the first paint: that would wipe what the agent typed meanwhile.
  const shown = useRef(settings);
  useEffect(() => {
    if (JSON.stringify(shown.current) === JSON.stringify(settings)) return;
    shown.current = settings;
    setQuizSize(settings.quizSize);
    setLang(settings.uiLanguage);
    setSites(settings.suggestionSites.join('\n'));
    setSelectors(withKeys(settings.ticketSelectors, nextKey));
  }, [settings]);

  const save = async (event: Event) => {
    event.preventDefault();
    const lines = sites.split('\n').filter((l) => l.trim());
    const bad = lines.find((l) => !toOrigin(l));
    if (bad) {
      setError(t('sitesInvalid', { value: bad }));
      return;
    }
    setError('');
    setMessage('');
    try {
      await api.saveSettings({
        quizSize: Math.min(20, Math.max(3, Math.round(quizSize))),
        uiLanguage: lang,
        suggestionSites: [...new Set(lines.map((l) => toOrigin(l) as string))],
        ticketSelectors: selectors
          .map((s) => ({ host: s.host.trim(), subject: s.subject.trim(), message: s.message.trim() }))
          .filter((s) => s.host),
      });
    } catch (e) {
      // What the agent entered stays in the form, so saving can simply be tried again.
      setError(t('actionFailed', { message: reasonOf(e) }));
      return;
    }
    setMessage(t('saved'));
  };

  const editSelector = (i: number, field: 'host' | 'subject' | 'message', value: string) =>
    setSelectors(selectors.map((s, j) => (j === i ? { ...s, [field]: value } : s)));

  return (
    <section aria-labelledby="settings-heading">
      <h2 id="settings-heading">{t('settingsHeading')}</h2>
      <form onSubmit={save}>
        <p>
          <label>
            {t('quizSize')}{' '}
            <input
              type="number"
              min={3}
              max={20}
              required
              value={quizSize}
              onInput={(e) => setQuizSize(Number((e.currentTarget as HTMLInputElement).value))}
            />
          </label>
        </p>
        <p>
          <label>
            {t('uiLanguage')}{' '}
            <select value={lang} onChange={(e) => setLang((e.currentTarget as HTMLSelectElement).value as typeof lang)}>
              {UI_LANGUAGES.map((l) => (
                <option key={l} value={l}>
                  {LANGUAGE_NAMES[l]}
                </option>
              ))}
            </select>
          </label>
        </p>
        <p>
          <label>
            {t('sites')}
            <br />
            <textarea
              rows={3}
              cols={60}
              value={sites}
              onInput={(e) => setSites((e.currentTarget as HTMLTextAreaElement).value)}
            />
          </label>
        </p>
        <fieldset>
          <legend>{t('selectors')}</legend>
          {selectors.map((s, i) => (
            <fieldset key={s.key} aria-label={`${t('selectors')} ${i + 1}`}>
              {SELECTOR_FIELDS.map(([field, label, example]) => (
                <Fragment key={field}>
                  <input
                    aria-label={t(label)}
                    placeholder={example}
                    value={s[field]}
                    onInput={(e) => editSelector(i, field, (e.currentTarget as HTMLInputElement).value)}
                  />{' '}
                </Fragment>
              ))}
              <button type="button" onClick={() => setSelectors(selectors.filter((_, j) => j !== i))}>
                {t('selectorRemove')}
              </button>
            </fieldset>
          ))}
          <button
            type="button"
            onClick={() => setSelectors([...selectors, { host: '', subject: '', message: '', key: nextKey.current++ }])}
          >
            {t('selectorAdd')}
          </button>
        </fieldset>
        <div role="alert" class="alert">
          {error}
        </div>
        <button type="submit">{t('save')}</button> <span role="status">{message}</span>
      </form>
      <p>
        <button
          type="button"
          onClick={async () => {
            try {
              setFirefoxHint(!(await api.openShortcutSettings()));
            } catch (e) {
              setError(t('actionFailed', { message: reasonOf(e) }));
            }
          }}
        >
          {t('shortcuts')}
        </button>
        {firefoxHint && <span> {t('shortcutsFirefox')}</span>}
      </p>
    </section>
  );
}
