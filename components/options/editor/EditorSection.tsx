/**
 * The entry editor for team leads: open an imported pack (or start a new one), edit, add and remove entries,
 * see problems as you type, save into the library, export as JSON or CSV to publish. Checking is the import's
 * own (utils/packs/edit.ts → validatePack, planImport); nothing invalid is ever saved or exported.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { PackProblem } from '../../../knowledge/problems';
import type { Pack } from '../../../knowledge/schema';
import { translator } from '../../../utils/i18n';
import type { EditorApi } from '../../../utils/packs/api';
import { packToCsv } from '../../../utils/packs/csv-export';
import { type DraftEntry, problemsByField, textOf, uniqueId } from '../../../utils/packs/edit';
import { packToJson } from '../../../utils/packs/export';
import { packIdFromName } from '../../../utils/packs/import';
import type { PackLibrary } from '../../../utils/packs/library';
import { describeProblem, problemTarget } from '../../../utils/packs/problem-text';
import type { UiLanguage } from '../../../utils/settings';
import { changedElsewhere, guidelineChoices } from './draft-library';
import { EditorActions } from './EditorActions';
import { EntryForm } from './EntryForm';
import { EntryList } from './EntryList';
import { TextField } from './fields';
import { editorMessages } from './messages';
import { PackPicker } from './PackPicker';
import { ProblemSummary } from './ProblemSummary';
import { type Removed, useDraft } from './use-draft';
import { useDraftCheck } from './use-draft-check';
import { controlIds, usePendingFocus } from './use-pending-focus';

interface Props {
  api: EditorApi;
  lang: UiLanguage;
  library: PackLibrary;
  builtin: readonly Pack[];
  today: string;
  /** A pack to open, asked for elsewhere on the page (the pack list's 「编辑」); `n` tells repeated asks apart. */
  request: { packId: string; n: number } | null;
}

export function EditorSection({ api, lang, library, builtin, today, request }: Props) {
  const t = translator(editorMessages, lang);
  const { session, ...draft } = useDraft(today);
  const [selectedKey, setSelectedKey] = useState<number | null>(null);
  const [filter, setFilter] = useState('');
  const [visited, setVisited] = useState<ReadonlySet<string>>(new Set());
  const [showAll, setShowAll] = useState(false);
  const [notice, setNotice] = useState<{ text: string; tone: 'ok' | 'error' } | null>(null);
  const [saveProblems, setSaveProblems] = useState<PackProblem[]>([]);
  const [removed, setRemoved] = useState<Removed | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [busy, setBusy] = useState(false);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const titleRef = useRef<HTMLElement | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const sectionRef = useRef<HTMLElement>(null);
  const focus = usePendingFocus(sectionRef, titleRef);

  const reset = () => {
    setSelectedKey(null);
    setFilter('');
    setVisited(new Set());
    setShowAll(false);
    setSaveProblems([]);
    setRemoved(null);
    setConfirmDiscard(false);
  };
  // Back to the stored pack (discard) or to no pack (close): the form the focus was in is gone, the section takes it.
  const leave = (reopen: Pack | null) => {
    reset();
    if (reopen) draft.open(reopen);
    else draft.close();
    focus.current = 'section';
  };
  const openPack = (packId: string) => {
    const stored = library.packs.find((p) => p.pack.id === packId && p.origin === 'import');
    if (!stored) return;
    reset();
    focus.current = 'section';
    setNotice(null);
    draft.open(stored.pack);
  };

  // The pack list's 「编辑」: open that pack unless unsaved work would be lost, and bring the editor into view.
  const handled = useRef(0);
  useEffect(() => {
    if (!request || request.n === handled.current) return;
    handled.current = request.n;
    if (!session?.dirty) openPack(request.packId);
    sectionRef.current?.scrollIntoView({ block: 'start' });
    sectionRef.current?.focus();
  });

  // Unsaved edits survive an accidental close of the tab: the browser asks first.
  useEffect(() => {
    if (!session?.dirty) return;
    const guard = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', guard);
    return () => window.removeEventListener('beforeunload', guard);
  }, [session?.dirty]);

  const { problems, counts, checkNow, settle } = useDraftCheck(session, library, builtin);

  // Another tab or a policy sync changed the stored pack while it is being edited.
  const changed = useMemo(() => changedElsewhere(library, session?.base ?? null), [library, session?.base]);
  const draftNow = session?.draft;
  const guidelines = useMemo(
    () => (draftNow ? guidelineChoices(draftNow, library, builtin) : []),
    [draftNow, library, builtin],
  );

  if (!session) {
    return (
      <PackPicker
        t={t}
        notice={notice}
        sectionRef={sectionRef}
        editable={library.packs.filter((p) => p.origin === 'import')}
        onOpen={openPack}
        onCreate={(name) => {
          const taken = new Set([...library.packs.map((p) => p.pack.id), ...builtin.map((p) => p.id), 'builtin']);
          reset();
          setNotice(null);
          draft.create(uniqueId(packIdFromName(name), taken), name);
          focus.current = 'section';
        }}
      />
    );
  }

  const { entries } = session.draft;
  const selectedIndex = selectedKey === null ? -1 : session.keys.indexOf(selectedKey);
  const selected = selectedIndex >= 0 ? entries[selectedIndex] : undefined;
  const say = (text: string) => {
    // Re-announce the same words too: clear first, then set.
    setAnnouncement('');
    setTimeout(() => setAnnouncement(text), 50);
  };
  const visitedKey = (field: string) => `${selectedKey}:${field.split('.')[0]}`;
  const visible = (field: string) =>
    showAll || selectedKey === null || !session.fresh.has(selectedKey) || visited.has(visitedKey(field));
  const blocked = (key: 'saveBlocked' | 'exportBlocked', count: number) => {
    setShowAll(true);
    settle();
    setNotice({ text: t(key, { count }), tone: 'error' });
    summaryRef.current?.focus();
  };

  const save = async () => {
    const check = checkNow(session);
    if (!check.ok) return blocked('saveBlocked', check.problems.length);
    setBusy(true);
    setNotice({ text: t('saving'), tone: 'ok' });
    const result = await api.saveDraft(session.draft, session.base);
    setBusy(false);
    if (result.ok) {
      draft.saved(result.pack);
      setSaveProblems([]);
      setRemoved(null);
      setNotice({ text: t('saved', { name: result.pack.name }), tone: 'ok' });
    } else {
      setSaveProblems(result.problems);
      setNotice(null);
    }
  };
  const exportAs = (format: 'json' | 'csv') => {
    const check = checkNow(session);
    if (!check.ok) return blocked('exportBlocked', check.problems.length);
    if (format === 'json') {
      api.download(`${check.pack.id}.json`, packToJson(check.pack), 'application/json');
      setNotice(null);
    } else {
      const { csv, skipped } = packToCsv(check.pack);
      api.download(`${check.pack.id}.csv`, csv, 'text/csv');
      setNotice(skipped.length ? { text: t('exportCsvSkipped', { ids: skipped.join(', ') }), tone: 'error' } : null);
    }
  };
  const goTo = (p: PackProblem) => {
    const { entry, field } = problemTarget(p);
    if (entry === undefined) {
      focus.current = ['editor-name'];
    } else {
      setSelectedKey(session.keys[entry] ?? null);
      focus.current = controlIds(entry, field);
    }
    setShowAll(true);
  };
  const entryOf = (i: number) => entries[i];
  const allProblems = [...saveProblems, ...problems];

  return (
    <section ref={sectionRef} tabIndex={-1} aria-labelledby="editor-heading">
      <div class="card-header">
        <h2 id="editor-heading">
          {t('heading')}：{session.draft.head.name || session.draft.head.id}
        </h2>
        {session.dirty && <span class="pill">{t('unsaved')}</span>}
      </div>
      {changed && (
        <div role="alert" class="notice notice--error">
          {t('changedElsewhere')}{' '}
          <button type="button" class="button-quiet" onClick={() => openPack(session.draft.head.id)}>
            {t('reopen')}
          </button>
        </div>
      )}
      <TextField
        id="editor-name"
        label={t('packName')}
        value={session.draft.head.name}
        errors={problems.filter((p) => p.path === 'name').map((p) => describeProblem(p, lang).text)}
        onInput={draft.setName}
      />
      <EditorActions
        t={t}
        busy={busy}
        dirty={session.dirty}
        confirming={confirmDiscard}
        onConfirming={setConfirmDiscard}
        onSave={save}
        onExport={exportAs}
        onDiscard={() => leave(session.base)}
        onClose={() => leave(null)}
      />
      <div role="status" class="editor-status">
        {notice && <p class={`notice notice--${notice.tone}`}>{notice.text}</p>}
        {removed && (
          <p class="notice notice--ok">
            {t('removed', { title: textOf(removed.entry.title) || t('untitled') })}{' '}
            <button
              id="editor-undo"
              type="button"
              class="button-quiet"
              onClick={() => {
                draft.restore(removed);
                setSelectedKey(removed.key);
                setRemoved(null);
              }}
            >
              {t('undo')}
            </button>
          </p>
        )}
      </div>
      <ProblemSummary
        t={t}
        lang={lang}
        problems={allProblems}
        entryOf={entryOf}
        onGoTo={goTo}
        summaryRef={summaryRef}
      />
      <p class="sr-only" aria-live="polite">
        {announcement}
      </p>
      <div class="editor-body">
        <EntryList
          t={t}
          lang={lang}
          entries={entries}
          keys={session.keys}
          selectedKey={selectedKey}
          counts={counts}
          filter={filter}
          onFilter={setFilter}
          onSelect={setSelectedKey}
          onAdd={(kind) => {
            setFilter('');
            setSelectedKey(draft.add(kind));
            focus.current = 'title';
          }}
        />
        <div class="editor-form">
          {selected ? (
            <EntryForm
              key={selectedKey}
              entry={selected}
              index={selectedIndex}
              isNew={selectedKey !== null && session.fresh.has(selectedKey)}
              lang={lang}
              t={t}
              problems={problemsByField(problems, selectedIndex)}
              visible={visible}
              onVisit={(field) => setVisited((v) => new Set([...v, visitedKey(field)]))}
              onChange={(entry: DraftEntry) => draft.update(selectedIndex, entry)}
              onRemove={() => {
                const gone = draft.remove(selectedIndex);
                setRemoved(gone);
                setSelectedKey(session.keys[selectedIndex + 1] ?? session.keys[selectedIndex - 1] ?? null);
                focus.current = ['editor-undo'];
              }}
              guidelines={guidelines.filter((g) => g.id !== textOf(selected.id))}
              today={today}
              announce={say}
              titleRef={titleRef}
            />
          ) : (
            <p class="muted">{t('noEntry')}</p>
          )}
        </div>
      </div>
    </section>
  );
}
