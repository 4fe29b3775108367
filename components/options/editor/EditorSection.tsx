/**
 * The entry editor for team leads: open an imported pack (or start a new one), edit, add and remove entries,
 * see problems as you type, save into the library, export as JSON or CSV to publish. Checking is the import's
 * own (utils/packs/edit.ts → validatePack, planImport); nothing invalid is ever saved or exported.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { PackProblem } from '../../../knowledge/problems';
import type { EntryKind, Pack } from '../../../knowledge/schema';
import { translator } from '../../../utils/i18n';
import type { EditorApi } from '../../../utils/packs/api';
import { packToCsv } from '../../../utils/packs/csv-export';
import { canonicalJson } from '../../../utils/packs/diff';
import {
  checkDraft,
  type DraftEntry,
  newDraftCache,
  problemCounts,
  problemsByField,
  uniqueId,
} from '../../../utils/packs/edit';
import { packToJson } from '../../../utils/packs/export';
import { packIdFromName } from '../../../utils/packs/import';
import { activePacks, type PackLibrary } from '../../../utils/packs/library';
import { describeProblem, problemTarget } from '../../../utils/packs/problem-text';
import type { UiLanguage } from '../../../utils/settings';
import { KindBadge } from '../../shared/KindBadge';
import { EntryForm, type GuidelineChoice } from './EntryForm';
import { TextField } from './fields';
import { editorMessages } from './messages';
import { type DraftSession, type Removed, useDraft } from './use-draft';

interface Props {
  api: EditorApi;
  lang: UiLanguage;
  library: PackLibrary;
  builtin: readonly Pack[];
  today: string;
  /** A pack to open, asked for elsewhere on the page (the pack list's 「编辑」); `n` tells repeated asks apart. */
  request: { packId: string; n: number } | null;
}

const SHOWN_ENTRIES = 300;
const LARGE_DRAFT = 1500;
const SHOWN_PROBLEMS = 50;
const KINDS: readonly [EntryKind, 'addGuidelineEntry' | 'addPhrasingEntry' | 'addQuestionEntry'][] = [
  ['guideline', 'addGuidelineEntry'],
  ['phrasing', 'addPhrasingEntry'],
  ['question', 'addQuestionEntry'],
];

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const isKind = (v: unknown): v is EntryKind => v === 'guideline' || v === 'phrasing' || v === 'question';

/** Ids of the elements a problem's field is edited in, most specific first. */
function controlIds(index: number, field: readonly (string | number)[]): string[] {
  const base = `edit-${index}`;
  const [head, i] = field;
  if (head === undefined) return [`${base}-title`];
  if (head === 'provenance') return [`${base}-${String(i ?? 'source')}`, `${base}-source`];
  if (head === 'options') return [`${base}-options-${typeof i === 'number' ? i : 0}`];
  if (head === 'answer') return [`${base}-options-0`, `${base}-tf`];
  if (typeof i === 'number') return [`${base}-${String(head)}-${i}`, `${base}-${String(head)}`];
  return [`${base}-${String(head)}`, `${base}-${String(head)}-0`, `${base}-title`];
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
  const [choice, setChoice] = useState('');
  const [newName, setNewName] = useState('');
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const titleRef = useRef<HTMLElement | null>(null);
  const focusTitle = useRef(false);
  const focusSection = useRef(false);
  const focusIds = useRef<string[] | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const cache = useRef(newDraftCache());
  const sectionRef = useRef<HTMLElement>(null);

  const editable = library.packs.filter((p) => p.origin === 'import');

  const reset = () => {
    setSelectedKey(null);
    setFilter('');
    setVisited(new Set());
    setShowAll(false);
    setSaveProblems([]);
    setRemoved(null);
    setConfirmDiscard(false);
  };
  const openPack = (packId: string) => {
    const stored = library.packs.find((p) => p.pack.id === packId && p.origin === 'import');
    if (!stored) return;
    reset();
    focusSection.current = true;
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

  // Checking a 10,000-entry draft takes tens of milliseconds: large drafts are re-checked once typing pauses
  // (never across an added or removed entry, so problems stay on the right entries). Save and export check the
  // draft as it is at that moment.
  const [settled, setSettled] = useState(session);
  const large = (session?.draft.entries.length ?? 0) > LARGE_DRAFT;
  useEffect(() => {
    if (!large || settled?.keys !== session?.keys) {
      setSettled(session);
      return;
    }
    const timer = setTimeout(() => setSettled(session), 250);
    return () => clearTimeout(timer);
  }, [session, large, settled?.keys]);
  const basis = large && settled && settled.keys === session?.keys ? settled : session;
  const checkNow = useCallback(
    (s: DraftSession) => checkDraft(s.draft, { library, builtin }, { now: 0, from: '' }, cache.current),
    [library, builtin],
  );
  const check = useMemo(() => (basis ? checkNow(basis) : null), [basis, checkNow]);
  const problems = check && !check.ok ? check.problems : [];
  const counts = useMemo(() => problemCounts(problems), [problems]);

  // Another tab or a policy sync changed the stored pack while it is being edited.
  const changedElsewhere = useMemo(() => {
    if (!session?.base) return false;
    const stored = library.packs.find((p) => p.pack.id === session.base?.id);
    if (stored?.pack === session.base) return false;
    return !stored || canonicalJson(stored.pack) !== canonicalJson(session.base);
  }, [library, session?.base]);

  const guidelines = useMemo<GuidelineChoice[]>(() => {
    if (!session) return [];
    const own = session.draft.entries
      .filter((e) => e.kind === 'guideline' && str(e.id))
      .map((e) => ({ id: str(e.id), title: str(e.title) || str(e.id) }));
    const ownIds = new Set(own.map((g) => g.id));
    const others = activePacks(library, builtin)
      .filter((p) => p.id !== session.draft.head.id)
      .flatMap((p) => p.entries.filter((e) => e.kind === 'guideline' && !ownIds.has(e.id)))
      .map((e) => ({ id: e.id, title: e.title }));
    return [...own, ...others];
  }, [session, library, builtin]);

  useEffect(() => {
    // Opening or closing a pack replaces the form the focus was in: the section takes it, so reading goes on there.
    if (focusSection.current) {
      focusSection.current = false;
      sectionRef.current?.focus();
    }
    if (focusTitle.current) {
      focusTitle.current = false;
      titleRef.current?.focus();
    }
    const ids = focusIds.current;
    if (ids) {
      focusIds.current = null;
      for (const id of ids) {
        const el = document.getElementById(id);
        if (el) {
          el.focus();
          break;
        }
      }
    }
  });

  if (!session) {
    return (
      <section ref={sectionRef} tabIndex={-1} aria-labelledby="editor-heading">
        <h2 id="editor-heading">{t('heading')}</h2>
        <p class="section-help">{t('help')}</p>
        {notice && (
          <p role="status" class={`notice notice--${notice.tone}`}>
            {notice.text}
          </p>
        )}
        {editable.length === 0 ? (
          <p>{t('noPacks')}</p>
        ) : (
          <form
            class="inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              if (choice) openPack(choice);
            }}
          >
            <label for="editor-pack">{t('choosePack')}</label>
            <select id="editor-pack" value={choice} onChange={(e) => setChoice(e.currentTarget.value)}>
              <option value="">{t('choosePlaceholder')}</option>
              {editable.map((p) => (
                <option key={p.pack.id} value={p.pack.id}>
                  {p.pack.name}（{p.pack.id}）
                </option>
              ))}
            </select>
            <button type="submit" class="button" disabled={!choice}>
              {t('open')}
            </button>
          </form>
        )}
        <form
          class="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            const name = newName.trim();
            if (!name) return;
            const taken = new Set([...library.packs.map((p) => p.pack.id), ...builtin.map((p) => p.id), 'builtin']);
            reset();
            setNotice(null);
            draft.create(uniqueId(packIdFromName(name), taken), name);
            focusSection.current = true;
            setNewName('');
          }}
        >
          <label for="editor-new">{t('newPackName')}</label>
          <input id="editor-new" value={newName} onInput={(e) => setNewName(e.currentTarget.value)} />
          <button type="submit" class="button-quiet" disabled={!newName.trim()}>
            {t('newPack')}
          </button>
        </form>
      </section>
    );
  }

  const { entries } = session.draft;
  const selectedIndex = selectedKey === null ? -1 : session.keys.indexOf(selectedKey);
  const selected = selectedIndex >= 0 ? entries[selectedIndex] : undefined;
  const needle = filter.trim().toLowerCase();
  const listed = entries
    .map((entry, index) => ({ entry, index, key: session.keys[index] as number }))
    .filter(
      ({ entry }) =>
        !needle || str(entry.title).toLowerCase().includes(needle) || str(entry.id).toLowerCase().includes(needle),
    );
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
    setSettled(session);
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
      focusIds.current = ['editor-name'];
    } else {
      setSelectedKey(session.keys[entry] ?? null);
      focusIds.current = controlIds(entry, field);
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
      {changedElsewhere && (
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
      <div class="editor-actions">
        <button type="button" class="button" onClick={save} disabled={busy}>
          {t('save')}
        </button>
        <button type="button" class="button-quiet" onClick={() => exportAs('json')}>
          {t('exportJson')}
        </button>
        <button type="button" class="button-quiet" onClick={() => exportAs('csv')}>
          {t('exportCsv')}
        </button>
        {confirmDiscard ? (
          <span class="confirm">
            {t('discardConfirm')}{' '}
            <button
              type="button"
              class="button-danger"
              onClick={() => {
                reset();
                if (session.base) draft.open(session.base);
                else draft.close();
                focusSection.current = true;
              }}
            >
              {t('discard')}
            </button>{' '}
            <button type="button" class="button-quiet" onClick={() => setConfirmDiscard(false)}>
              ✕
            </button>
          </span>
        ) : session.dirty ? (
          <button type="button" class="button-quiet" onClick={() => setConfirmDiscard(true)}>
            {t('discard')}
          </button>
        ) : (
          <button
            type="button"
            class="button-quiet"
            onClick={() => {
              reset();
              draft.close();
              focusSection.current = true;
            }}
          >
            {t('close')}
          </button>
        )}
      </div>
      <div role="status" class="editor-status">
        {notice && <p class={`notice notice--${notice.tone}`}>{notice.text}</p>}
        {removed && (
          <p class="notice notice--ok">
            {t('removed', { title: str(removed.entry.title) || t('untitled') })}{' '}
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
      <div
        ref={summaryRef}
        tabIndex={-1}
        class={allProblems.length ? 'problem-summary problem-summary--open' : 'problem-summary'}
      >
        <p id="editor-problems" aria-live="polite">
          {allProblems.length ? t('problemsCount', { count: allProblems.length }) : t('problemsNone')}
        </p>
        {allProblems.length > 0 && (
          <ul>
            {allProblems.slice(0, SHOWN_PROBLEMS).map((p, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a list recomputed on every edit; two problems may read the same.
              <li key={i}>
                <button type="button" class="link-button" onClick={() => goTo(p)}>
                  {describeProblem(p, lang, entryOf).sentence}
                </button>
              </li>
            ))}
            {allProblems.length > SHOWN_PROBLEMS && (
              <li>{t('problemsMore', { count: allProblems.length - SHOWN_PROBLEMS })}</li>
            )}
          </ul>
        )}
      </div>
      <p class="sr-only" aria-live="polite">
        {announcement}
      </p>
      <div class="editor-body">
        <div class="editor-list">
          <label for="editor-filter" class="field-label">
            {t('filter')}
          </label>
          <input
            id="editor-filter"
            type="search"
            placeholder={t('filterPlaceholder')}
            value={filter}
            onInput={(e) => setFilter(e.currentTarget.value)}
          />
          <fieldset class="add-row">
            <legend class="sr-only">{t('add')}</legend>
            {KINDS.map(([kind, label]) => (
              <button
                key={kind}
                type="button"
                class="button-quiet"
                onClick={() => {
                  setFilter('');
                  setSelectedKey(draft.add(kind));
                  focusTitle.current = true;
                }}
              >
                {t(label)}
              </button>
            ))}
          </fieldset>
          <p class="field-label" id="editor-entries">
            {t('entriesLabel', { count: entries.length })}
          </p>
          {listed.length === 0 && <p class="muted">{t('noMatch')}</p>}
          <ul class="entry-list" aria-labelledby="editor-entries">
            {listed.slice(0, SHOWN_ENTRIES).map(({ entry, index, key }) => {
              const count = counts.get(index) ?? 0;
              return (
                <li key={key}>
                  <button
                    type="button"
                    class="entry-button"
                    aria-current={key === selectedKey ? 'true' : undefined}
                    onClick={() => setSelectedKey(key)}
                  >
                    {isKind(entry.kind) && <KindBadge kind={entry.kind} lang={lang} />}
                    <span class="entry-title">{str(entry.title) || t('untitled')}</span>
                    {count > 0 && (
                      <span class="problem-count">
                        <span aria-hidden="true">⚠ {count}</span>
                        <span class="sr-only">{t('entryProblems', { count })}</span>
                      </span>
                    )}
                  </button>
                </li>
              );
            })}
          </ul>
          {listed.length > SHOWN_ENTRIES && (
            <p class="muted">{t('moreEntries', { count: listed.length - SHOWN_ENTRIES })}</p>
          )}
        </div>
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
                focusIds.current = ['editor-undo'];
              }}
              guidelines={guidelines.filter((g) => g.id !== str(selected.id))}
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
