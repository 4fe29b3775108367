/** Choose a file → preview (added / changed / removed, merge or replace) → apply, or a list of problems. */
import { useState } from 'preact/hooks';
import type { PackProblem } from '../../knowledge/problems';
import type { Translate } from '../../utils/i18n';
import type { ImportApi } from '../../utils/packs/api';
import {
  type ImportMode,
  type ImportPreview,
  isCsvFile,
  MAX_IMPORT_BYTES,
  packIdFromName,
} from '../../utils/packs/import';
import type { PackLibrary } from '../../utils/packs/library';
import type { UiLanguage } from '../../utils/settings';
import type { OptionsKey } from './messages';
import { PreviewView } from './PreviewView';
import { ProblemList } from './ProblemList';
import { reasonOf } from './use-action-error';

interface Props {
  api: ImportApi;
  t: Translate<OptionsKey>;
  lang: UiLanguage;
  library: PackLibrary;
  onDone: () => void;
}

type Chosen = { name: string; bytes: Uint8Array };

export function ImportSection({ api, t, lang, library, onDone }: Props) {
  const [file, setFile] = useState<Chosen | null>(null);
  const [csvTarget, setCsvTarget] = useState('');
  const [csvName, setCsvName] = useState('');
  const [preview, setPreview] = useState<{ preview: ImportPreview; revision: number } | null>(null);
  const [mode, setMode] = useState<ImportMode>('merge');
  const [problems, setProblems] = useState<PackProblem[]>([]);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const [dragging, setDragging] = useState(false);
  /** Why the chosen file was not even read (too large), or why an action failed unexpectedly. */
  const [fileError, setFileError] = useState('');

  const csvPackFor = (name: string, target: string) => {
    const existing = library.packs.find((p) => p.pack.id === target && p.origin === 'import');
    return existing ? { id: existing.pack.id, name: existing.pack.name } : { id: packIdFromName(name), name };
  };

  const runPreview = async (chosen: Chosen, target: string, name: string) => {
    setBusy(true);
    setStatus('');
    setPreview(null);
    setFileError('');
    let result: Awaited<ReturnType<ImportApi['preview']>>;
    try {
      result = await api.preview(chosen, isCsvFile(chosen.name) ? csvPackFor(name, target) : undefined);
    } catch (error) {
      setFileError(t('actionFailed', { message: reasonOf(error) }));
      return;
    } finally {
      setBusy(false);
    }
    if (result.ok) {
      setProblems([]);
      setPreview({ preview: result.preview, revision: result.revision });
      setMode('merge');
    } else setProblems(result.problems);
  };

  const onFile = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const picked = input.files?.[0];
    if (!picked) return;
    await take(picked);
    // Choosing the same file again (after fixing it) must read it again.
    input.value = '';
  };
  const onDrop = async (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const dropped = event.dataTransfer?.files[0];
    if (dropped && !busy) await take(dropped);
  };

  const take = async (picked: File) => {
    // Refused before it is read: reading a wrong 2 GB file into memory would freeze or crash the page.
    if (picked.size > MAX_IMPORT_BYTES) {
      setFile(null);
      setPreview(null);
      setStatus('');
      setProblems([]);
      setFileError(t('fileTooLarge', { name: picked.name, mb: (picked.size / 1024 / 1024).toFixed(1) }));
      return;
    }
    setFileError('');
    let chosen: Chosen;
    try {
      chosen = { name: picked.name, bytes: new Uint8Array(await picked.arrayBuffer()) };
    } catch (error) {
      setFileError(t('actionFailed', { message: reasonOf(error) }));
      return;
    }
    const name = picked.name.replace(/\.[^.]+$/, '');
    setFile(chosen);
    setCsvTarget('');
    setCsvName(name);
    await runPreview(chosen, '', name);
  };

  const apply = async () => {
    if (!preview || !file) return;
    setBusy(true);
    setFileError('');
    let result: Awaited<ReturnType<ImportApi['apply']>>;
    try {
      result = await api.apply(preview.preview, mode, file.name, preview.revision);
    } catch (error) {
      // E.g. storage full: nothing was applied; the preview stays and Apply can be pressed again.
      setFileError(t('actionFailed', { message: reasonOf(error) }));
      return;
    } finally {
      setBusy(false);
    }
    if (result.ok) {
      setStatus(t('applied', { name: preview.preview.pack.name }));
      setPreview(null);
      setFile(null);
      onDone();
    } else {
      setPreview(null);
      setProblems(result.problems);
    }
  };

  const isCsv = file !== null && isCsvFile(file.name);
  const importable = library.packs.filter((p) => p.origin === 'import');
  return (
    <section aria-labelledby="import-heading">
      <h2 id="import-heading">{t('importHeading')}</h2>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: only a drop target for the mouse; the keyboard and clicks use the file input inside it. */}
      <div
        class={dragging ? 'dropzone dropzone--over' : 'dropzone'}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <input
          id="import-file"
          class="dropzone-input"
          type="file"
          accept=".json,.csv,.tsv,.txt,application/json,text/csv"
          aria-describedby="import-help"
          onChange={onFile}
          disabled={busy}
        />
        <label for="import-file" class="button">
          {t('chooseFile')}
        </label>
        <p class="dropzone-hint" aria-hidden="true">
          {t('dropHint')}
        </p>
        {file && <p class="dropzone-file">{t('chosenFile', { name: file.name })}</p>}
        <p id="import-help" class="field-help">
          {t('importHelp')}
        </p>
      </div>
      {isCsv && file && (
        <fieldset>
          <legend>{t('csvTarget')}</legend>
          <select
            aria-label={t('csvTarget')}
            value={csvTarget}
            onChange={(e) => {
              const target = (e.currentTarget as HTMLSelectElement).value;
              setCsvTarget(target);
              void runPreview(file, target, csvName);
            }}
          >
            <option value="">{t('csvNewPack')}</option>
            {importable.map((p) => (
              <option key={p.pack.id} value={p.pack.id}>
                {p.pack.name}
              </option>
            ))}
          </select>{' '}
          {csvTarget === '' && (
            <label>
              {t('csvPackName')}{' '}
              <input
                value={csvName}
                onChange={(e) => {
                  const name = (e.currentTarget as HTMLInputElement).value;
                  setCsvName(name);
                  void runPreview(file, csvTarget, name);
                }}
              />
            </label>
          )}
        </fieldset>
      )}
      <div role="alert" class="alert">
        {fileError && <p>{fileError}</p>}
        <ProblemList t={t} lang={lang} file={file?.name ?? ''} problems={problems} />
      </div>
      <p role="status">{status}</p>
      {preview && (
        <PreviewView
          t={t}
          preview={preview.preview}
          mode={mode}
          onMode={setMode}
          onApply={apply}
          onDiscard={() => setPreview(null)}
          busy={busy}
        />
      )}
    </section>
  );
}
