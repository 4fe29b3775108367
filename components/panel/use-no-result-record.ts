/** Records a query that found nothing (or only near matches) once the agent pauses, not per keystroke. */
import { useEffect } from 'preact/hooks';

const DELAY_MS = 1500;

export function useNoResultRecord(query: string, unanswered: boolean, record: (query: string) => Promise<void>): void {
  useEffect(() => {
    if (!unanswered) return;
    // The agent is not waiting for this: a failure is logged for whoever looks, not put in their way.
    const timer = setTimeout(
      () => void record(query).catch((error) => console.error('could not record the query with no result', error)),
      DELAY_MS,
    );
    return () => clearTimeout(timer);
  }, [query, unanswered, record]);
}
