/**
 * 「我的话术」 in the panel: their small index (rebuilt whenever they change, so a saved phrasing is found at
 * once), the form (new, from selected text, edit) and delete with undo. Everything stored goes through
 * `api` (utils/panel/api.ts PersonalApi).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Translate } from '../../utils/i18n';
import type { PersonalApi, PersonalCorpusData } from '../../utils/panel/api';
import { personalCorpus } from '../../utils/panel/personal-corpus';
import {
  type DraftProblem,
  draftOf,
  type PersonalPhrasing,
  type PhrasingDraft,
  proposeTitle,
} from '../../utils/personal/phrasings';
import type { PersonalKey } from './personal-messages';

const EMPTY: PersonalCorpusData = { records: [], pinyin: {} };

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

const upsert = (records: PersonalPhrasing[], record: PersonalPhrasing) => [
  record,
  ...records.filter((r) => r.id !== record.id),
];

export function usePersonal({ api, t, guidelineIds, say, show, hide, focusBox }: Options) {
  const [data, setData] = useState<PersonalCorpusData>(EMPTY);
  const [form, setForm] = useState<PersonalForm | null>(null);
  const [undoable, setUndoable] = useState<PersonalPhrasing | null>(null);
  const counter = useRef(0);

  useEffect(() => {
    if (!api) return;
    let live = true;
    const load = () =>
      api.load().then(
        (next) => live && setData(next),
        (error: unknown) => console.warn('my phrasings could not be loaded', error),
      );
    void load();
    const unwatch = api.watch(load);
    return () => {
      live = false;
      unwatch();
    };
  }, [api]);

  const corpus = useMemo(() => personalCorpus(data.records, data.pinyin), [data]);

  const open = useCallback((initial: PhrasingDraft, id?: string) => {
    counter.current += 1;
    setForm({ key: counter.current, id, initial, problems: [] });
  }, []);

  const failed = (error: unknown) =>
    say(t('failed', { reason: error instanceof Error ? error.message : String(error) }), 'error');

  return {
    enabled: !!api,
    corpus,
    form,
    undoable,
    isMine: (id: string) => corpus.records.has(id),
    /** A new phrasing; `link` pre-fills the guideline (the one on screen). */
    openNew: (link = '') => open({ ...draftOf({}), guidelineId: link }),
    /** A new phrasing from text selected on a page. */
    openFromText: (text: string) => open(draftOf({ title: proposeTitle(text), text })),
    openEdit(id: string) {
      const record = corpus.records.get(id);
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
        setData((d) => ({ ...d, records: upsert(d.records, result.record) }));
        setForm(null);
        say(form.id ? t('updated', { title: result.record.title }) : t('saved', { title: result.record.title }));
        show(result.record.id);
      } catch (error) {
        failed(error);
      }
    },
    async remove(id: string) {
      if (!api) return;
      if (!corpus.records.has(id)) {
        say(t('notMine'), 'error');
        return;
      }
      try {
        const removed = await api.remove(id);
        if (!removed) return;
        setData((d) => ({ ...d, records: d.records.filter((r) => r.id !== id) }));
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
        setData((d) => ({ ...d, records: upsert(d.records, record) }));
        say(t('restored', { title: record.title }));
        show(record.id);
      } catch (error) {
        failed(error);
      }
    },
  };
}
