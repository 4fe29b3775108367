/**
 * The draft's problems as the author types: the import's own checks (utils/packs/edit.ts `checkDraft`),
 * with per-entry results cached across keystrokes.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Pack } from '../../../knowledge/schema';
import { checkDraft, newDraftCache, problemCounts } from '../../../utils/packs/edit';
import type { PackLibrary } from '../../../utils/packs/library';
import type { DraftSession } from './use-draft';

const LARGE_DRAFT = 1500;

export function useDraftCheck(session: DraftSession | null, library: PackLibrary, builtin: readonly Pack[]) {
  const cache = useRef(newDraftCache());
  // Checking a 10,000-entry draft takes tens of milliseconds: large drafts are re-checked once typing pauses
  // (never across an added or removed entry, so problems stay on the right entries). Save and export check the
  // draft as it is at that moment (`checkNow`).
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
  const problems = useMemo(() => (check && !check.ok ? check.problems : []), [check]);
  const counts = useMemo(() => problemCounts(problems), [problems]);
  /** Shows the problems of the draft as it is now, without waiting for typing to pause. */
  const settle = useCallback(() => setSettled(session), [session]);
  return { problems, counts, checkNow, settle };
}
