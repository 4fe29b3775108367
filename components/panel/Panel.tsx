/**
 * The side panel: a combobox (search box + listbox of results) with the selected entry's detail beside it.
 * The view and its wiring; state lives in hooks (corpus, search, suggestions, requests, phrasing actions)
 * and everything that touches the browser goes through `api` (utils/panel/api.ts).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { EntryKind } from '../../knowledge/schema';
import { translator } from '../../utils/i18n';
import type { Corpus, PanelApi, PanelRequest, PanelState } from '../../utils/panel/api';
import { phrasingsOf } from '../../utils/panel/entry-phrasings';
import { panelKeyAction } from '../../utils/panel/keys';
import type { PanelSurface } from '../../utils/panel/request';
import { guidelineChoices } from '../../utils/personal/phrasings';
import { EntryDetail } from '../shared/EntryDetail';
import { ErrataConfirm } from './ErrataConfirm';
import type { EarlyText } from './early-box';
import { FieldForm } from './FieldForm';
import { panelMessages } from './messages';
import { PersonalActions, PersonalFooter } from './PersonalActions';
import { PhrasingForm } from './PhrasingForm';
import { personalMessages } from './personal-messages';
import { optionId, ResultList } from './ResultList';
import { ResultsNote } from './ResultsNote';
import { SearchBox } from './SearchBox';
import { StarButton } from './StarButton';
import { Suggestions } from './Suggestions';
import { useBoxFocus } from './use-box-focus';
import { useNoResultRecord } from './use-no-result-record';
import { usePanelCorpus } from './use-panel-corpus';
import { usePanelRequests } from './use-panel-requests';
import { usePanelSearch } from './use-panel-search';
import { usePersonal } from './use-personal';
import { usePhrasingActions } from './use-phrasing-actions';
import { useSuggestions } from './use-suggestions';

export interface PanelProps {
  api: PanelApi;
  /**
   * The entries and index, or their promise: the box takes typing at once and searches what was typed
   * when the corpus arrives (marked `coach:index-ready`).
   */
  corpus: Corpus | Promise<Corpus>;
  initial: PanelState;
  /** From the page URL (`?q=`, `?open=`), applied once on mount. */
  initialRequest?: PanelRequest | null;
  /** What was typed into the page's early box before the panel loaded (used when the URL asks no search). */
  early?: EarlyText;
  /** `popup`: Firefox's search popup — closes after a copy or insert, Shift+Enter hands over to the sidebar. */
  surface?: PanelSurface;
}

const LIST_ID = 'coach-listbox';

export function Panel({ api, corpus: initialCorpus, initial, initialRequest, early, surface = 'panel' }: PanelProps) {
  const lang = initial.settings.uiLanguage;
  const t = translator(panelMessages, lang);
  const tp = translator(personalMessages, lang);
  const requested = initialRequest?.type === 'search' ? initialRequest.query : undefined;
  const [query, setQuery] = useState(requested ?? early?.query ?? '');
  // Whether the agent typed the whole query into the box: only such queries go to the no-result log (a
  // request's selection or ticket text, and pasted text, may hold customer data).
  const [typed, setTyped] = useState(requested === undefined && !early?.pasted);
  const [pinned, setPinned] = useState(initialRequest?.type === 'open' ? initialRequest.id : '');
  const [kinds, setKinds] = useState<EntryKind[]>([]);
  const [selected, setSelected] = useState(0);
  const [favorites, setFavorites] = useState(initial.favorites);
  const [recents, setRecents] = useState(initial.recents);
  const [usage, setUsage] = useState(initial.usage);
  const input = useRef<HTMLInputElement>(null);
  const focusBox = useBoxFocus(input);

  const { corpus, loadFailed } = usePanelCorpus(api, initialCorpus);
  // Stars made in another page or synced from another browser show while the panel is open.
  useEffect(() => api.watchFavorites?.(setFavorites), [api]);
  const guidelines = useMemo(() => guidelineChoices(corpus?.entries ?? []), [corpus]);
  const guidelineIds = useMemo(() => new Set(guidelines.map((g) => g.id)), [guidelines]);
  const { items, searching, nearestOnly, words } = usePanelSearch({
    corpus,
    query,
    kinds,
    pinned,
    favorites,
    recents,
    usage,
    labels: { favorites: t('favorites'), recents: t('recents'), near: t('nearMatches') },
  });
  const suggestions = useSuggestions(api, corpus);
  const current = items[Math.min(selected, items.length - 1)];
  const actions = usePhrasingActions({
    api,
    t,
    onUsed: (next) => {
      setRecents(next.recents);
      setUsage(next.usage);
    },
    focusBox,
    onDone: surface === 'popup' ? api.close : undefined,
  });
  const showEntry = useCallback(
    (id: string) => {
      setQuery('');
      setPinned(id);
      setSelected(0);
      focusBox();
    },
    [focusBox],
  );
  const personal = usePersonal({
    api: api.personal,
    mine: corpus?.personal,
    t: tp,
    guidelineIds,
    say: actions.say,
    show: showEntry,
    hide: (id) => {
      setPinned((p) => (p === id ? '' : p));
      focusBox();
    },
    focusBox,
  });
  const currentMine = current ? personal.isMine(current.entry.id) : false;
  // 「撤销」 stays offered while the status still reports the delete.
  const undoable =
    personal.undoable && actions.status?.text === tp('deleted', { title: personal.undoable.title })
      ? personal.undoable
      : null;
  const newPhrasing = () => personal.openNew(current?.entry.kind === 'guideline' ? current.entry.id : '');

  const { openFromText } = personal;
  const applyRequest = useCallback(
    (request: PanelRequest) => {
      if (request.type === 'compose') {
        openFromText(request.text);
        return;
      }
      setQuery(request.type === 'search' ? request.query : '');
      setTyped(request.type !== 'search' || request.query === '');
      setPinned(request.type === 'open' ? request.id : '');
      setSelected(0);
      focusBox();
    },
    [focusBox, openFromText],
  );
  usePanelRequests(api, applyRequest);
  // Nothing is "not found" while the index is still loading.
  useNoResultRecord(query, typed && searching && !!corpus && (items.length === 0 || nearestOnly), api.recordNoResult);

  const onKeyDown = (e: KeyboardEvent) => {
    const action = panelKeyAction(e);
    if (!action || (action.type === 'sidebar' && !api.openInSidebar)) return;
    e.preventDefault();
    const last = items.length - 1;
    switch (action.type) {
      case 'move':
        setSelected((s) => (last < 0 ? 0 : (Math.min(s, last) + action.by + items.length) % items.length));
        break;
      case 'first':
        setSelected(0);
        break;
      case 'last':
        setSelected(Math.max(0, last));
        break;
      case 'sidebar':
        // The entry in view, else the query: the sidebar shows the same thing with room for the detail.
        api.openInSidebar?.(current ? { type: 'open', id: current.entry.id } : { type: 'search', query });
        break;
      case 'escape':
        if (query || pinned) applyRequest({ type: 'search', query: '' });
        else api.close();
        break;
      case 'new':
        if (personal.enabled) newPhrasing();
        break;
      case 'edit':
        if (current && personal.enabled) personal.openEdit(current.entry.id);
        break;
      case 'delete':
        if (current && personal.enabled) void personal.remove(current.entry.id);
        break;
      case 'undo':
        if (undoable) void personal.undo();
        break;
      default: {
        if (!current) return;
        const phrasings = phrasingsOf(current.entry);
        const n = action.type === 'phrasing' ? action.index : 0;
        const p = phrasings[n];
        if (!p) actions.say(phrasings.length ? t('noPhrasingN', { n: n + 1 }) : t('nothingToCopy'), 'error');
        else void actions.use(current.entry, p.text, action.type === 'insert' ? 'insert' : 'copy');
      }
    }
  };

  const starred = current ? favorites.includes(current.entry.id) : false;
  const pending = actions.pending;

  return (
    <main class="coach-panel">
      <h1 class="coach-sr-only">{t('pageHeading')}</h1>
      <SearchBox
        inputRef={input}
        t={t}
        lang={lang}
        query={query}
        kinds={kinds}
        listId={LIST_ID}
        activeId={current ? optionId(current.entry.id) : undefined}
        expanded={items.length > 0}
        onQuery={(value, pasted) => {
          // Typing after a request or a paste keeps the query "not typed" until the box is emptied.
          setTyped(value === '' || (typed && !pasted));
          setQuery(value);
          setPinned('');
          setSelected(0);
        }}
        onKinds={(k) => {
          setKinds(k);
          setSelected(0);
          focusBox();
        }}
        onKeyDown={onKeyDown}
        popup={surface === 'popup'}
        extra={
          personal.enabled && (
            <button
              type="button"
              class="coach-new"
              aria-keyshortcuts="Alt+N"
              title={tp('newPhrasingLabel')}
              onClick={newPhrasing}
            >
              {tp('newPhrasing')}
            </button>
          )
        }
      />
      <div class="coach-status-row">
        <p class="coach-status" role="status" aria-live="polite" data-tone={actions.status?.tone}>
          {actions.status?.text}
        </p>
        {undoable && (
          <button
            type="button"
            class="coach-undo"
            aria-keyshortcuts="Alt+Z"
            aria-label={tp('undoLabel')}
            onClick={() => void personal.undo()}
          >
            {tp('undo')}
          </button>
        )}
      </div>
      {personal.form && (
        <PhrasingForm
          key={personal.form.key}
          t={tp}
          editing={!!personal.form.id}
          initial={personal.form.initial}
          guidelines={guidelines}
          problems={personal.form.problems}
          onSave={(draft) => void personal.save(draft)}
          onCancel={personal.cancel}
        />
      )}
      {actions.confirming && (
        <ErrataConfirm
          key={actions.confirming.key}
          title={t('errataConfirmTitle')}
          errata={actions.confirming.errata}
          confirmLabel={actions.confirming.mode === 'insert' ? t('errataInsertAnyway') : t('errataCopyAnyway')}
          cancelLabel={t('fieldsCancel')}
          onConfirm={() => void actions.confirmErrata()}
          onCancel={actions.cancelErrata}
        />
      )}
      {pending && (
        <FieldForm
          key={pending.key}
          text={pending.text}
          names={pending.names}
          initial={pending.initial}
          title={t('fieldsTitle')}
          help={t('fieldsHelp')}
          doneLabel={t('fieldsDone')}
          cancelLabel={t('fieldsCancel')}
          onDone={actions.finishFields}
          onCancel={actions.cancelFields}
        />
      )}
      {corpus && !searching && !pinned && (
        <Suggestions
          status={suggestions.status}
          hits={suggestions.hits}
          lang={lang}
          t={t}
          onEnable={(origin, granted) =>
            void api
              .enableSuggestions(origin, granted)
              .then((ok) => {
                if (!ok) actions.say(t('suggestDenied'), 'error');
                return api.suggestionStatus().then(suggestions.setStatus);
              })
              .catch(actions.sayFailure)
          }
          onOpen={(id) => applyRequest({ type: 'open', id })}
        />
      )}
      <ResultsNote
        t={t}
        loaded={corpus !== null}
        loadFailed={loadFailed}
        query={query.trim()}
        count={items.length}
        nearestOnly={nearestOnly}
        words={words}
      />
      <div class="coach-body">
        <h2 class="coach-sr-only">{t('resultsLabel')}</h2>
        <ResultList
          id={LIST_ID}
          label={t('resultsLabel')}
          items={items}
          selected={Math.min(selected, items.length - 1)}
          lang={lang}
          favorites={favorites}
          isMine={personal.isMine}
          mineLabel={tp('mine')}
          onSelect={setSelected}
        />
        {current && (
          <EntryDetail
            key={current.entry.id}
            entry={current.entry}
            matches={current.matches}
            lang={lang}
            headingId="coach-detail-title"
            onCopy={(text) => void actions.use(current.entry, text, 'copy')}
            onInsert={(text) => void actions.use(current.entry, text, 'insert')}
            actions={
              <>
                {currentMine && (
                  <PersonalActions
                    t={tp}
                    onEdit={() => personal.openEdit(current.entry.id)}
                    onDelete={() => void personal.remove(current.entry.id)}
                  />
                )}
                <StarButton
                  starred={starred}
                  label={starred ? t('unstar') : t('star')}
                  onToggle={() => void api.toggleFavorite(current.entry.id).then(setFavorites, actions.sayFailure)}
                />
              </>
            }
            footer={
              currentMine ? (
                <PersonalFooter
                  t={tp}
                  entry={current.entry}
                  guideline={guidelines.find(
                    (g) => current.entry.kind === 'phrasing' && g.id === current.entry.guidelineId,
                  )}
                  onOpen={showEntry}
                />
              ) : undefined
            }
          />
        )}
      </div>
    </main>
  );
}
