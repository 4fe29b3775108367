/**
 * The side panel: a combobox (search box + listbox of results) with the selected entry's detail beside it.
 * Pure view + state: everything that touches the browser goes through `api` (utils/panel-api.ts).
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Entry, EntryKind } from '../../knowledge/schema';
import { translator } from '../../utils/i18n';
import type { Corpus, PanelApi, PanelRequest, PanelState, SuggestionStatus } from '../../utils/panel/api';
import { phrasingsOf } from '../../utils/panel/entry-phrasings';
import { usageBoost } from '../../utils/panel/history';
import { panelKeyAction } from '../../utils/panel/keys';
import { suggestForTicket } from '../../utils/panel/ticket-suggest';
import { search } from '../../utils/search';
import { EntryDetail } from '../shared/EntryDetail';
import { emptyStateItems } from './empty-state-items';
import { FieldForm } from './FieldForm';
import { panelMessages } from './messages';
import { type ListItem, optionId, ResultList } from './ResultList';
import { ResultsNote } from './ResultsNote';
import { SearchBox } from './SearchBox';
import { StarButton } from './StarButton';
import { Suggestions } from './Suggestions';
import { useNoResultRecord } from './use-no-result-record';
import { type PendingFields, usePhrasingActions } from './use-phrasing-actions';

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
}

const LIST_ID = 'coach-listbox';

const EMPTY: readonly Entry[] = [];

export function Panel({ api, corpus: initialCorpus, initial, initialRequest }: PanelProps) {
  const lang = initial.settings.uiLanguage;
  const t = translator(panelMessages, lang);
  const [corpus, setCorpus] = useState<Corpus | null>(initialCorpus instanceof Promise ? null : initialCorpus);
  const [loadFailed, setLoadFailed] = useState(false);
  const entries = corpus?.entries ?? EMPTY;
  const index = corpus?.index;
  const byId = useMemo(() => new Map(entries.map((e) => [e.id, e])), [entries]);

  const [query, setQuery] = useState(initialRequest?.type === 'search' ? initialRequest.query : '');
  const [pinned, setPinned] = useState(initialRequest?.type === 'open' ? initialRequest.id : '');
  const [kinds, setKinds] = useState<EntryKind[]>([]);
  const [selected, setSelected] = useState(0);
  const [favorites, setFavorites] = useState(initial.favorites);
  const [recents, setRecents] = useState(initial.recents);
  const [usage, setUsage] = useState(initial.usage);
  const [suggestion, setSuggestion] = useState<SuggestionStatus>({ state: 'unknown-site' });
  const input = useRef<HTMLInputElement>(null);

  const searching = query.trim().length > 0;
  // Two memos: starring an entry or a new recent must not run the search again.
  const hits: ListItem[] = useMemo(() => {
    if (!searching || !index) return [];
    return search(index, query, {
      limit: 30,
      // No chip pressed means every kind (an empty list would mean none).
      kinds: kinds.length ? kinds : undefined,
      boost: usageBoost(usage),
    }).map((h) => ({ entry: h.entry, matches: h.matches, partial: h.partial }));
  }, [searching, index, query, kinds, usage]);
  const listed: ListItem[] = useMemo(
    () =>
      searching
        ? []
        : emptyStateItems({
            byId,
            kinds,
            pinned,
            favorites,
            recents,
            labels: { favorites: t('favorites'), recents: t('recents') },
          }),
    [searching, byId, kinds, pinned, favorites, recents, t],
  );
  const items = searching ? hits : listed;

  // Only near matches: the agent should know, and the authors still hear of the query.
  const nearestOnly = searching && items.length > 0 && items.every((item) => item.partial);
  const current = items[Math.min(selected, items.length - 1)];
  const focusBox = () => input.current?.focus();
  const actions = usePhrasingActions({
    api,
    t,
    onUsed: (next) => {
      setRecents(next.recents);
      setUsage(next.usage);
    },
    focusBox,
  });

  const applyRequest = (request: PanelRequest) => {
    if (request.type === 'search') {
      setQuery(request.query);
      setPinned('');
    } else {
      setQuery('');
      setPinned(request.id);
    }
    setSelected(0);
    focusBox();
  };

  useEffect(() => {
    if (!(initialCorpus instanceof Promise)) return;
    initialCorpus.then(
      // A pack change may have delivered a newer corpus first.
      (loaded) => setCorpus((c) => c ?? loaded),
      () => setLoadFailed(true),
    );
  }, []);

  const indexReady = useRef(false);
  useEffect(() => {
    if (corpus && !indexReady.current) {
      indexReady.current = true;
      performance.mark('coach:index-ready');
    }
  }, [corpus]);

  useEffect(() => {
    focusBox();
    // The box takes typing from here on; results may wait for `coach:index-ready`.
    performance.mark('coach:interactive');
    const unwatch = api.watchRequests(applyRequest);
    // A pack imported in the options page while the panel is open becomes searchable right away.
    const unwatchPacks = api.watchPacks(() => void api.loadCorpus().then(setCorpus));
    // The same status keeps the same object, so coming back to the panel does not search the ticket again.
    const keep = (next: SuggestionStatus) =>
      setSuggestion((prev) => (JSON.stringify(prev) === JSON.stringify(next) ? prev : next));
    const refresh = () => void api.suggestionStatus().then(keep, () => undefined);
    // Back in the panel (e.g. the shortcut pressed while it is open): ready to type, unless the agent
    // clicked a control; and the ticket beside it may have changed.
    const onFocus = () => {
      if (document.activeElement === document.body) focusBox();
      refresh();
    };
    refresh();
    window.addEventListener('focus', onFocus);
    return () => {
      unwatch();
      unwatchPacks();
      window.removeEventListener('focus', onFocus);
    };
  }, []);

  // Nothing is "not found" while the index is still loading.
  useNoResultRecord(query, searching && !!index && (items.length === 0 || nearestOnly), api.recordNoResult);

  const suggestions = useMemo(
    () =>
      suggestion.state === 'on' && index
        ? suggestForTicket(suggestion.ticket, (q, limit) => search(index, q, { limit }))
        : [],
    [suggestion, index],
  );

  const onKeyDown = (e: KeyboardEvent) => {
    const action = panelKeyAction(e);
    if (!action) return;
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
      case 'escape':
        if (query || pinned) {
          setQuery('');
          setPinned('');
          setSelected(0);
        } else api.close();
        break;
      default: {
        if (!current) return;
        const phrasings = phrasingsOf(current.entry);
        const n = action.type === 'phrasing' ? action.index : 0;
        const p = phrasings[n];
        if (!p) actions.say(phrasings.length ? t('noPhrasingN', { n: n + 1 }) : t('nothingToCopy'), 'error');
        else actions.use(current.entry.id, p.text, action.type === 'insert' ? 'insert' : 'copy');
      }
    }
  };

  const toggleStar = async (id: string) => setFavorites(await api.toggleFavorite(id));
  const starred = current ? favorites.includes(current.entry.id) : false;
  const pending: PendingFields | null = actions.pending;

  return (
    <div class="coach-panel">
      <SearchBox
        inputRef={input}
        t={t}
        lang={lang}
        query={query}
        kinds={kinds}
        listId={LIST_ID}
        activeId={current ? optionId(current.entry.id) : undefined}
        expanded={items.length > 0}
        onQuery={(value) => {
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
      />
      <p class="coach-status" role="status" aria-live="polite" data-tone={actions.status?.tone}>
        {actions.status?.text}
      </p>
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
          status={suggestion}
          hits={suggestions}
          lang={lang}
          t={t}
          onEnable={(origin, granted) =>
            void api.enableSuggestions(origin, granted).then((ok) => {
              if (!ok) actions.say(t('suggestDenied'), 'error');
              return api.suggestionStatus().then(setSuggestion);
            })
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
      />
      <div class="coach-body">
        <ResultList
          id={LIST_ID}
          label={t('resultsLabel')}
          items={items}
          selected={Math.min(selected, items.length - 1)}
          lang={lang}
          favorites={favorites}
          onSelect={setSelected}
        />
        {current && (
          <EntryDetail
            key={current.entry.id}
            entry={current.entry}
            matches={current.matches}
            lang={lang}
            headingId="coach-detail-title"
            onCopy={(text) => actions.use(current.entry.id, text, 'copy')}
            onInsert={(text) => actions.use(current.entry.id, text, 'insert')}
            actions={
              <StarButton
                starred={starred}
                label={starred ? t('unstar') : t('star')}
                onToggle={() => void toggleStar(current.entry.id)}
              />
            }
          />
        )}
      </div>
    </div>
  );
}
