/** 「我的话术」 on the options page: how many, export as JSON or CSV, import a pack file into them. */
import { useEffect, useState } from 'preact/hooks';
import { formatProblem, type PackProblem } from '../../knowledge/loader';
import type { Pack } from '../../knowledge/schema';
import type { Translate } from '../../utils/i18n';
import { packToCsv } from '../../utils/packs/csv-export';
import { packToJson } from '../../utils/packs/export';
import type { PersonalImportResult, PersonalOptionsApi } from '../../utils/personal/api';
import type { PersonalSyncKey } from './personal-sync-messages';

interface Props {
  api: PersonalOptionsApi;
  download(fileName: string, text: string, mime: string): void;
  t: Translate<PersonalSyncKey>;
}

export function PersonalSection({ api, download, t }: Props) {
  const [pack, setPack] = useState<Pack | null>(null);
  const [result, setResult] = useState<{ file: string; result: PersonalImportResult } | null>(null);
  useEffect(() => {
    let live = true;
    const load = () => api.load().then((p) => live && setPack(p));
    void load();
    const unwatch = api.watch(load);
    return () => {
      live = false;
      unwatch();
    };
  }, [api]);

  const onFile = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const picked = input.files?.[0];
    if (!picked) return;
    const bytes = new Uint8Array(await picked.arrayBuffer());
    setResult({ file: picked.name, result: await api.importFile({ name: picked.name, bytes }) });
    input.value = '';
  };
  const count = pack?.entries.length ?? 0;
  const r = result?.result;
  const skipped = (reason: 'not-phrasing' | 'too-long') => (r?.ok ? r.skipped.filter((s) => s.reason === reason) : []);

  return (
    <section aria-labelledby="my-heading">
      <h2 id="my-heading">{t('myHeading')}</h2>
      <p>{t('myHelp')}</p>
      <p>{t('myCount', { count })}</p>
      <button
        type="button"
        disabled={!pack || count === 0}
        onClick={() => pack && download('my-phrasings.json', packToJson(pack), 'application/json')}
      >
        {t('myExportJson')}
      </button>{' '}
      <button
        type="button"
        disabled={!pack || count === 0}
        onClick={() => pack && download('my-phrasings.csv', packToCsv(pack).csv, 'text/csv')}
      >
        {t('myExportCsv')}
      </button>
      <p>
        <label>
          {t('myImport')}{' '}
          <input type="file" accept=".json,.csv,.tsv,.txt,application/json,text/csv" onChange={onFile} />
        </label>
      </p>
      <p class="help">{t('myImportHelp')}</p>
      {r?.ok && (
        <div role="status">
          <p>{t('myImported', { added: r.added, updated: r.updated, unchanged: r.unchanged })}</p>
          {(['not-phrasing', 'too-long'] as const).map((reason) => {
            const list = skipped(reason);
            return list.length ? (
              <p key={reason}>
                {t(reason === 'not-phrasing' ? 'mySkippedKind' : 'mySkippedLong', {
                  count: list.length,
                  ids: list.map((s) => s.id).join(', '),
                })}
              </p>
            ) : null;
          })}
        </div>
      )}
      {r && !r.ok && <ImportProblems t={t} file={result.file} problems={r.problems} />}
    </section>
  );
}

function ImportProblems({
  t,
  file,
  problems,
}: {
  t: Translate<PersonalSyncKey>;
  file: string;
  problems: PackProblem[];
}) {
  return (
    <div role="alert">
      <p>
        <strong>{t('myProblems', { count: problems.length })}</strong>
      </p>
      <ul class="problems">
        {problems.slice(0, 50).map((p, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list, and two problems may read the same.
          <li key={i}>{formatProblem(file, p)}</li>
        ))}
      </ul>
    </div>
  );
}
