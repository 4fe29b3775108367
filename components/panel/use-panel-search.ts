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

export interface PanelSearchInput {
  corpus: Corpus | null;
  query: string;
  /** Kinds the chips allow; empty = every kind. */
  kinds: readonly EntryKind[];
  pinned: string;
  favorites: readonly string[];
  recents: readonly string[];
  usage: Readonly<Record<string, number>>;
  labels: { favorites: string; recents: string };
}

export function usePanelSearch({ corpus, query, kinds, pinned, favorites, recents, usage, labels }: PanelSearchInput) {
  const entries = corpus?.entries ?? EMPTY;
  const byId = useMemo(() => new Map(entries.map((e) => [e.id, e])), [entries]);
  const searching = query.trim().length > 0;

  const hits: ListItem[] = useMemo(() => {
    if (!searching || !corpus) return [];
    return corpus
      .search(query, {
        limit: 30,
        // No chip pressed means every kind (an empty list would mean none).
        kinds: kinds.length ? [...kinds] : undefined,
        boost: usageBoost(usage),
      })
      .map((h) => ({ entry: h.entry, matches: h.matches, partial: h.partial }));
  }, [searching, corpus, query, kinds, usage]);

  const { favorites: favoritesLabel, recents: recentsLabel } = labels;
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

  const items = searching ? hits : listed;
  // Only near matches: the agent should know, and the authors still hear of the query.
  const nearestOnly = searching && items.length > 0 && items.every((item) => item.partial);
  return { items, searching, nearestOnly, byId };
}
