/** Records a query that found nothing (or only near matches) once the agent pauses, not per keystroke. */
import { useEffect } from 'preact/hooks';

const DELAY_MS = 1500;

export function useNoResultRecord(query: string, unanswered: boolean, record: (query: string) => void): void {
  useEffect(() => {
    if (!unanswered) return;
    const timer = setTimeout(() => record(query), DELAY_MS);
    return () => clearTimeout(timer);
  }, [query, unanswered, record]);
}
