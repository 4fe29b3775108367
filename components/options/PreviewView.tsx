/** What applying would change. Entry text is untrusted and rendered as text only. */
import type { Entry } from '../../knowledge/schema';
import type { Translate } from '../../utils/i18n';
import type { ImportMode, ImportPreview } from '../../utils/packs/import';
import type { OptionsKey } from './messages';

const SHOWN = 20;

function EntryList({ t, label, entries }: { t: Translate<OptionsKey>; label: string; entries: Entry[] }) {
  return (
    <details open={entries.length > 0 && entries.length <= SHOWN}>
      <summary>{label}</summary>
      <ul>
        {entries.slice(0, SHOWN).map((e) => (
          <li key={e.id}>
            <code>{e.id}</code> {e.title}
          </li>
        ))}
      </ul>
      {entries.length > SHOWN && <p>{t('more', { count: entries.length - SHOWN })}</p>}
    </details>
  );
}

/** The team's synonym groups, one per line (a few shown open; their words are untrusted text). */
function SynonymList({ t, groups }: { t: Translate<OptionsKey>; groups: string[][] }) {
  if (groups.length === 0) return null;
  return (
    <details open={groups.length <= SHOWN} class="synonyms">
      <summary>{t('synonymGroups', { count: groups.length })}</summary>
      <ul>
        {groups.slice(0, SHOWN).map((words) => (
          <li key={words.join('\u0000')}>{words.join(' = ')}</li>
        ))}
      </ul>
      {groups.length > SHOWN && <p>{t('more', { count: groups.length - SHOWN })}</p>}
    </details>
  );
}

interface Props {
  t: Translate<OptionsKey>;
  preview: ImportPreview;
  mode: ImportMode;
  onMode: (mode: ImportMode) => void;
  onApply: () => void;
  onDiscard: () => void;
  busy: boolean;
}

export function PreviewView({ t, preview, mode, onMode, onApply, onDiscard, busy }: Props) {
  const diff = preview.diff[mode];
  return (
    <section aria-labelledby="preview-heading" class="preview">
      <h3 id="preview-heading">{t('previewHeading', { name: preview.pack.name, id: preview.pack.id })}</h3>
      <p>{t('previewEncoding', { encoding: preview.encoding.toUpperCase() })}</p>
      {preview.existing && (
        <fieldset>
          <legend>{t('previewExisting')}</legend>
          {(['merge', 'replace'] as const).map((m) => (
            <label key={m}>
              <input type="radio" name="import-mode" checked={mode === m} onChange={() => onMode(m)} />{' '}
              {t(m === 'merge' ? 'modeMerge' : 'modeReplace')}
            </label>
          ))}
        </fieldset>
      )}
      <EntryList t={t} label={t('added', { count: diff.added.length })} entries={diff.added} />
      <EntryList
        t={t}
        label={t('changed', { count: diff.changed.length })}
        entries={diff.changed.map((c) => c.after)}
      />
      <EntryList t={t} label={t('removed', { count: diff.removed.length })} entries={diff.removed} />
      <p>{t('unchanged', { count: diff.unchanged })}</p>
      <SynonymList t={t} groups={preview.synonyms[mode]} />
      {preview.overrides.length > 0 && <p>{t('overrides', { count: preview.overrides.length })}</p>}
      <button type="button" class="button" onClick={onApply} disabled={busy}>
        {t('apply')}
      </button>{' '}
      <button type="button" onClick={onDiscard} disabled={busy}>
        {t('discard')}
      </button>
    </section>
  );
}
