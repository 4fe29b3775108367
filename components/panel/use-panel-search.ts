/**
 * The list the panel shows: search hits while there is a query, else the pinned entry, favourites and
 * recents. Two memos, so starring an entry or a new recent does not run the search again.
 */
import { useMemo } from 'preact/hooks';
import type { Entry, EntryKind } from '../../knowledge/schema';
import type { Corpus } from '../../utils/panel/api';
import { usageBoost } from '../../utils/panel/history';
import { emptyStateItems } from './empty-state-items';
import type { ListItem } from './ResultList';

const EMPTY: readonly Entry[] = [];
const NO_WORDS: readonly string[] = [];
/** Near matches shown at most, under their own heading: enough to spot a fit, too few to look like answers. */
export const NEAR_SHOWN = 3;

export interface PanelSearchInput {
  corpus: Corpus | null;
  query: string;
  /** Kinds the chips allow; empty = every kind. */
  kinds: readonly EntryKind[];
  pinned: string;
  favorites: readonly string[];
  recents: readonly string[];
  usage: Readonly<Record<string, number>>;
  labels: { favorites: string; recents: string; near: string };
}

export function usePanelSearch({ corpus, query, kinds, pinned, favorites, recents, usage, labels }: PanelSearchInput) {
  const entries = corpus?.entries ?? EMPTY;
  const byId = useMemo(() => new Map(entries.map((e) => [e.id, e])), [entries]);
  const searching = query.trim().length > 0;

  const { favorites: favoritesLabel, recents: recentsLabel, near: nearLabel } = labels;
  const found = useMemo(() => {
    if (!searching || !corpus) return { hits: [] as ListItem[], words: NO_WORDS };
    const outcome = corpus.searchWithWords(query, {
      limit: 30,
      // No chip pressed means every kind (an empty list would mean none).
      kinds: kinds.length ? [...kinds] : undefined,
      boost: usageBoost(usage),
    });
    // Real matches first; then a few near matches under their own heading, so none looks like an answer.
    const item = (h: (typeof outcome.hits)[number]): ListItem => ({
      entry: h.entry,
      matches: h.matches,
      partial: h.partial,
    });
    const sure = outcome.hits.filter((h) => !h.partial).map(item);
    const near = outcome.hits
      .filter((h) => h.partial)
      .slice(0, NEAR_SHOWN)
      .map((h) => ({ ...item(h), group: nearLabel }));
    return { hits: [...sure, ...near], words: outcome.words };
  }, [searching, corpus, query, kinds, usage, nearLabel]);

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
            labels: { favorites: favoritesLabel, recents: recentsLabel },
          }),
    [searching, byId, kinds, pinned, favorites, recents, favoritesLabel, recentsLabel],
  );

  const items = searching ? found.hits : listed;
  // Only near matches: the agent should know, and the authors still hear of the query.
  const nearestOnly = searching && items.length > 0 && items.every((item) => item.partial);
  return { items, searching, nearestOnly, byId, words: searching ? found.words : NO_WORDS };
}
