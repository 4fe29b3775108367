/**
 * Copy / insert a phrasing, with a visible status: first a second confirmation when its entry carries an
 * erratum (never sent with one key), then the placeholder form when it has `{fields}`.
 */
import { useRef, useState } from 'preact/hooks';
import type { Translate } from '../../utils/i18n';
import type { InsertResult, PanelApi, PanelState } from '../../utils/panel/api';
import { fillPlaceholders, placeholderNames } from '../../utils/panel/placeholders';
import type { panelMessages } from './messages';

type Key = keyof (typeof panelMessages)['en'];
type Mode = 'copy' | 'insert';

export interface PendingFields {
  key: number;
  entryId: string;
  text: string;
  names: string[];
  initial: Record<string, string>;
  mode: Mode;
}

export interface PendingConfirm {
  key: number;
  entryId: string;
  text: string;
  errata: string;
  mode: Mode;
}

export interface Status {
  text: string;
  tone: 'ok' | 'error';
}

const INSERT_FAILURE: Record<Exclude<InsertResult, { ok: true }>['reason'], Key> = {
  'no-editable': 'insertNoEditable',
  'no-access': 'insertNoAccess',
  'cross-origin-frame': 'insertCrossOrigin',
  'read-only': 'insertReadOnly',
  'no-tab': 'insertNoTab',
  rejected: 'insertRejected',
  selection: 'insertSelection',
};

interface Options {
  api: PanelApi;
  t: Translate<Key>;
  onUsed(next: Pick<PanelState, 'recents' | 'usage'>): void;
  focusBox(): void;
  /** After a successful copy or insert (the search popup closes then, giving the page its focus back). */
  onDone?(): void;
}

export function usePhrasingActions({ api, t, onUsed, focusBox, onDone }: Options) {
  const [status, setStatus] = useState<Status | null>(null);
  const [pending, setPending] = useState<PendingFields | null>(null);
  const [confirming, setConfirming] = useState<PendingConfirm | null>(null);
  const counter = useRef(0);

  const say = (text: string, tone: Status['tone'] = 'ok') => {
    // A new object each time, so the same message announced twice is still re-rendered and re-read.
    setStatus({ text, tone });
  };

  /** A rejected step (storage, clipboard, the tab) is said in the status line, never dropped. */
  const sayFailure = (error: unknown) =>
    say(t('actionFailed', { message: error instanceof Error ? error.message : String(error) }), 'error');

  /** After a copy or insert that worked: recents and usage; if storing them fails, the status says so too. */
  const noteUsed = async (entryId: string, done: string): Promise<boolean> => {
    try {
      onUsed(await api.noteUsed(entryId));
      return true;
    } catch (error) {
      say(
        `${done} · ${t('actionFailed', { message: error instanceof Error ? error.message : String(error) })}`,
        'error',
      );
      return false;
    }
  };

  const run = async (entryId: string, text: string, mode: Mode) => {
    if (mode === 'copy') {
      const ok = await api.copy(text);
      say(ok ? t('copied') : t('copyFailed'), ok ? 'ok' : 'error');
      // The search popup closes when done; not when something failed that the agent should read first.
      if (ok && (await noteUsed(entryId, t('copied')))) onDone?.();
      return;
    }
    const result = await api.insert(text);
    if (result.ok) {
      say(t('inserted'));
      if (await noteUsed(entryId, t('inserted'))) onDone?.();
    } else {
      say(`${t(INSERT_FAILURE[result.reason])}${result.copied ? ` ${t('andCopied')}` : ''}`, 'error');
    }
  };

  const fill = async (entryId: string, text: string, mode: Mode) => {
    const names = placeholderNames(text);
    if (names.length === 0) return run(entryId, text, mode);
    const initial = await api.fieldValues();
    counter.current += 1;
    setPending({ key: counter.current, entryId, text, names, initial, mode });
  };

  /** Every copy and insert starts here: Enter, Ctrl+Enter, Alt+N and the Copy / Insert buttons. */
  const use = async (entry: { id: string; errata?: string }, text: string, mode: Mode) => {
    setPending(null);
    if (entry.errata) {
      counter.current += 1;
      setConfirming({ key: counter.current, entryId: entry.id, text, errata: entry.errata, mode });
      return;
    }
    setConfirming(null);
    await fill(entry.id, text, mode).catch(sayFailure);
  };

  const confirmErrata = async () => {
    const c = confirming;
    if (!c) return;
    setConfirming(null);
    focusBox();
    await fill(c.entryId, c.text, c.mode).catch(sayFailure);
  };

  const cancelErrata = () => {
    setConfirming(null);
    focusBox();
    say(t('errataCancelled'));
  };

  const finishFields = async (values: Record<string, string>) => {
    const p = pending;
    if (!p) return;
    setPending(null);
    focusBox();
    try {
      await api.rememberFieldValues(values);
      await run(p.entryId, fillPlaceholders(p.text, values), p.mode);
    } catch (error) {
      sayFailure(error);
    }
  };

  const cancelFields = () => {
    setPending(null);
    focusBox();
  };

  return { status, pending, confirming, say, sayFailure, use, confirmErrata, cancelErrata, finishFields, cancelFields };
}
