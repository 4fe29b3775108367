/**
 * The editor's session: the pack being edited as a draft, a stable key per entry (entries move and may share
 * a title), which entries are new, and whether anything is unsaved. Checking lives in the section, which has
 * the library; this hook only edits.
 */
import { useRef, useState } from 'preact/hooks';
import type { EntryKind, Pack } from '../../../knowledge/schema';
import { type DraftEntry, draftOf, emptyDraft, newEntry, type PackDraft, uniqueId } from '../../../utils/packs/edit';

export interface DraftSession {
  /** The stored pack the draft began from; null for a pack that does not exist yet. */
  base: Pack | null;
  draft: PackDraft;
  keys: number[];
  /** Keys of entries added in this session. */
  fresh: ReadonlySet<number>;
  dirty: boolean;
}

export interface Removed {
  entry: DraftEntry;
  key: number;
  index: number;
}

export function useDraft(today: string) {
  const [session, setSession] = useState<DraftSession | null>(null);
  const nextKey = useRef(0);
  const keysFor = (n: number) => Array.from({ length: n }, () => nextKey.current++);

  const open = (pack: Pack) =>
    setSession({
      base: pack,
      draft: draftOf(pack),
      keys: keysFor(pack.entries.length),
      fresh: new Set(),
      dirty: false,
    });
  const create = (id: string, name: string) =>
    setSession({ base: null, draft: emptyDraft(id, name, today), keys: [], fresh: new Set(), dirty: true });
  const close = () => setSession(null);

  const edit = (change: (s: DraftSession) => DraftSession) =>
    setSession((s) => (s ? { ...change(s), dirty: true } : s));

  const update = (index: number, entry: DraftEntry) =>
    edit((s) => ({ ...s, draft: { ...s.draft, entries: s.draft.entries.map((e, i) => (i === index ? entry : e)) } }));

  const setName = (name: string) => edit((s) => ({ ...s, draft: { ...s.draft, head: { ...s.draft.head, name } } }));

  /** Adds an empty entry of a kind at the end and returns its key. */
  const add = (kind: EntryKind): number => {
    const key = nextKey.current++;
    edit((s) => {
      const taken = new Set(s.draft.entries.map((e) => String(e.id)));
      const id = uniqueId(`${s.draft.head.id}-${kind}-${s.draft.entries.length + 1}`.slice(0, 72), taken);
      const entry = newEntry(kind, id, s.draft.head.name, today);
      return {
        ...s,
        draft: { ...s.draft, entries: [...s.draft.entries, entry] },
        keys: [...s.keys, key],
        fresh: new Set([...s.fresh, key]),
      };
    });
    return key;
  };

  const remove = (index: number): Removed | null => {
    if (!session) return null;
    const entry = session.draft.entries[index];
    const key = session.keys[index];
    if (!entry || key === undefined) return null;
    edit((s) => ({
      ...s,
      draft: { ...s.draft, entries: s.draft.entries.filter((_, i) => i !== index) },
      keys: s.keys.filter((_, i) => i !== index),
    }));
    return { entry, key, index };
  };

  const restore = (removed: Removed) =>
    edit((s) => {
      const at = Math.min(removed.index, s.draft.entries.length);
      return {
        ...s,
        draft: { ...s.draft, entries: [...s.draft.entries.slice(0, at), removed.entry, ...s.draft.entries.slice(at)] },
        keys: [...s.keys.slice(0, at), removed.key, ...s.keys.slice(at)],
      };
    });

  /** After a save: the saved pack is the new base; keys stay, so the selection stays. */
  const saved = (pack: Pack) =>
    setSession((s) => (s ? { ...s, base: pack, draft: draftOf(pack), fresh: new Set(), dirty: false } : s));

  return { session, open, create, close, update, setName, add, remove, restore, saved };
}
