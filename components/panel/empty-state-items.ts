/** What the list shows with no query: the entry opened by id, then favorites, then recent entries. */
import type { Entry, EntryKind } from '../../knowledge/schema';
import type { ListItem } from './ResultList';

export interface EmptyStateInput {
  byId: ReadonlyMap<string, Entry>;
  /** Kinds the chips allow; empty = all. */
  kinds: readonly EntryKind[];
  pinned: string;
  favorites: readonly string[];
  recents: readonly string[];
  labels: { favorites: string; recents: string };
}

export function emptyStateItems({ byId, kinds, pinned, favorites, recents, labels }: EmptyStateInput): ListItem[] {
  const seen = new Set<string>();
  const out: ListItem[] = [];
  const add = (ids: readonly string[], group: string) => {
    for (const id of ids) {
      const entry = byId.get(id);
      if (!entry || seen.has(id) || (kinds.length && !kinds.includes(entry.kind))) continue;
      seen.add(id);
      out.push({ entry, group });
    }
  };
  if (pinned) add([pinned], '');
  add(favorites, labels.favorites);
  add(recents, labels.recents);
  return out;
}
