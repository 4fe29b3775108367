/**
 * "Suggested for this ticket": the status for the tab beside the panel (read again whenever the panel
 * regains focus, as the ticket may have changed) and the hits for its subject and latest message.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Corpus, PanelApi, SuggestionStatus } from '../../utils/panel/api';
import { suggestForTicket } from '../../utils/panel/ticket-suggest';

export function useSuggestions(api: Pick<PanelApi, 'suggestionStatus'>, corpus: Corpus | null) {
  const [status, setStatus] = useState<SuggestionStatus>({ state: 'unknown-site' });

  useEffect(() => {
    let live = true;
    // The same status keeps the same object, so coming back to the panel does not search the ticket again.
    const keep = (next: SuggestionStatus) =>
      live && setStatus((prev) => (JSON.stringify(prev) === JSON.stringify(next) ? prev : next));
    const refresh = () =>
      api.suggestionStatus().then(keep, (error: unknown) => console.warn('ticket suggestions unavailable', error));
    void refresh();
    window.addEventListener('focus', refresh);
    return () => {
      live = false;
      window.removeEventListener('focus', refresh);
    };
  }, [api]);

  const hits = useMemo(
    () =>
      status.state === 'on' && corpus ? suggestForTicket(status.ticket, (q, limit) => corpus.search(q, { limit })) : [],
    [status, corpus],
  );
  return { status, setStatus, hits };
}
