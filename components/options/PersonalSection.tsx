/** 「我的话术」 on the options page: how many, export as JSON or CSV, import a pack file into them. */
import { useState } from 'preact/hooks';
import type { Translate } from '../../utils/i18n';
import { packToCsv } from '../../utils/packs/csv-export';
import { packToJson } from '../../utils/packs/export';
import { MAX_IMPORT_BYTES } from '../../utils/packs/import';
import type { PersonalImportResult, PersonalOptionsApi } from '../../utils/personal/api';
import type { UiLanguage } from '../../utils/settings';
import type { OptionsKey } from './messages';
import { ProblemList } from './ProblemList';
import type { PersonalSyncKey } from './personal-sync-messages';
import { useActionError } from './use-action-error';
import { useWatched } from './use-watched';

interface Props {
  api: PersonalOptionsApi;
  download(fileName: string, text: string, mime: string): void;
  /** The page's messages (problems, failures) and this section's own. */
  t: Translate<OptionsKey>;
  tm: Translate<PersonalSyncKey>;
  lang: UiLanguage;
}

export function PersonalSection({ api, download, t, tm, lang }: Props) {
  const { value: pack, loadError } = useWatched(api);
  const [result, setResult] = useState<{ file: string; result: PersonalImportResult } | null>(null);
  const [fileError, setFileError] = useState('');
  const { error, guard } = useActionError(t);

  const onFile = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const picked = input.files?.[0];
    if (!picked) return;
    // Choosing the same file again (after fixing it) must read it again.
    input.value = '';
    setResult(null);
    // Refused before it is read, as on the team import: a wrong 2 GB file would freeze the page.
    if (picked.size > MAX_IMPORT_BYTES) {
      setFileError(t('fileTooLarge', { name: picked.name, mb: (picked.size / 1024 / 1024).toFixed(1) }));
      return;
    }
    setFileError('');
    await guard(async () => {
      const bytes = new Uint8Array(await picked.arrayBuffer());
      setResult({ file: picked.name, result: await api.importFile({ name: picked.name, bytes }) });
    });
  };
  const count = pack?.entries.length ?? 0;
  const r = result?.result;
  const skipped = (reason: 'not-phrasing' | 'too-long') => (r?.ok ? r.skipped.filter((s) => s.reason === reason) : []);

  return (
    <section aria-labelledby="my-heading">
      <h2 id="my-heading">{tm('myHeading')}</h2>
      <p>{tm('myHelp')}</p>
      <p>{tm('myCount', { count })}</p>
      <button
        type="button"
        disabled={!pack || count === 0}
        onClick={() => pack && download('my-phrasings.json', packToJson(pack), 'application/json')}
      >
        {tm('myExportJson')}
      </button>{' '}
      <button
        type="button"
        disabled={!pack || count === 0}
        onClick={() => pack && download('my-phrasings.csv', packToCsv(pack).csv, 'text/csv')}
      >
        {tm('myExportCsv')}
      </button>
      <p>
        <label>
          {tm('myImport')}{' '}
          <input type="file" accept=".json,.csv,.tsv,.txt,application/json,text/csv" onChange={onFile} />
        </label>
      </p>
      <p class="help">{tm('myImportHelp')}</p>
      {r?.ok && (
        <div role="status">
          <p>{tm('myImported', { added: r.added, updated: r.updated, unchanged: r.unchanged })}</p>
          {(['not-phrasing', 'too-long'] as const).map((reason) => {
            const list = skipped(reason);
            return list.length ? (
              <p key={reason}>
                {tm(reason === 'not-phrasing' ? 'mySkippedKind' : 'mySkippedLong', {
                  count: list.length,
                  ids: list.map((s) => s.id).join(', '),
                })}
              </p>
            ) : null;
          })}
        </div>
      )}
      <div role="alert">
        {loadError && <p>{t('actionFailed', { message: loadError })}</p>}
        {fileError && <p>{fileError}</p>}
        {error && <p>{error}</p>}
        {r && !r.ok && <ProblemList t={t} lang={lang} file={result.file} problems={r.problems} />}
      </div>
    </section>
  );
}
