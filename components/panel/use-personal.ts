/**
 * 「我的话术」 in the panel: the form (new, from selected text, edit) and delete with undo. The phrasings
 * themselves come with the corpus (`Corpus.personal`), searched with the rest; a change reaches the panel
 * as a new corpus. Everything stored goes through `api` (utils/panel/api.ts PersonalApi).
 */
import { useCallback, useRef, useState } from 'preact/hooks';
import type { Translate } from '../../utils/i18n';
import type { PersonalApi } from '../../utils/panel/api';
import {
  type DraftProblem,
  draftOf,
  type PersonalPhrasing,
  type PhrasingDraft,
  proposeTitle,
} from '../../utils/personal/phrasings';
import type { PersonalKey } from './personal-messages';

export interface PersonalForm {
  /** Remounts the form for every opening. */
  key: number;
  /** The phrasing being edited; none for a new one. */
  id?: string;
  initial: PhrasingDraft;
  problems: DraftProblem[];
}

interface Options {
  api: PersonalApi | undefined;
  /** The agent's phrasings as the corpus has them. */
  mine: ReadonlyMap<string, PersonalPhrasing> | undefined;
  t: Translate<PersonalKey>;
  /** Guideline ids a phrasing may link to. */
  guidelineIds: ReadonlySet<string>;
  say(text: string, tone?: 'ok' | 'error'): void;
  /** After a save or an undo: show the phrasing. */
  show(id: string): void;
  /** After a delete: stop showing it. */
  hide(id: string): void;
  focusBox(): void;
}

export function usePersonal({ api, mine, t, guidelineIds, say, show, hide, focusBox }: Options) {
  const [form, setForm] = useState<PersonalForm | null>(null);
  const [undoable, setUndoable] = useState<PersonalPhrasing | null>(null);
  const counter = useRef(0);

  const open = useCallback((initial: PhrasingDraft, id?: string) => {
    counter.current += 1;
    setForm({ key: counter.current, id, initial, problems: [] });
  }, []);
  const failed = (error: unknown) =>
    say(t('failed', { reason: error instanceof Error ? error.message : String(error) }), 'error');
  const isMine = useCallback((id: string) => !!mine?.has(id), [mine]);

  return {
    enabled: !!api,
    form,
    undoable,
    isMine,
    /** A new phrasing; `link` pre-fills the guideline (the one on screen). */
    openNew: (link = '') => open({ ...draftOf({}), guidelineId: link }),
    /** A new phrasing from text selected on a page. */
    openFromText: useCallback((text: string) => open(draftOf({ title: proposeTitle(text), text })), [open]),
    openEdit(id: string) {
      const record = mine?.get(id);
      if (!record) say(t('notMine'), 'error');
      else open(draftOf(record), id);
    },
    cancel() {
      setForm(null);
      focusBox();
    },
    async save(draft: PhrasingDraft) {
      if (!api || !form) return;
      try {
        const result = await api.save(draft, form.id, guidelineIds);
        if (!result.ok) {
          setForm({ ...form, problems: result.problems });
          return;
        }
        setForm(null);
        say(form.id ? t('updated', { title: result.record.title }) : t('saved', { title: result.record.title }));
        show(result.record.id);
      } catch (error) {
        failed(error);
      }
    },
    async remove(id: string) {
      if (!api) return;
      if (!mine?.has(id)) {
        say(t('notMine'), 'error');
        return;
      }
      try {
        const removed = await api.remove(id);
        if (!removed) return;
        setUndoable(removed);
        say(t('deleted', { title: removed.title }));
        hide(id);
      } catch (error) {
        failed(error);
      }
    },
    async undo() {
      const record = undoable;
      if (!api || !record) return;
      try {
        await api.restore(record);
        setUndoable(null);
        say(t('restored', { title: record.title }));
        show(record.id);
      } catch (error) {
        failed(error);
      }
    },
  };
}
