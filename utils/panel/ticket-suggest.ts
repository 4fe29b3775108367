/** "Suggested for this ticket": search the ticket's subject and latest message, merge, best first. */

import type { TicketText } from '../page/ticket-extract';
import type { SearchHit } from '../search/types';

export function suggestForTicket(
  ticket: TicketText,
  run: (query: string, limit: number) => SearchHit[],
  limit = 3,
): SearchHit[] {
  const best = new Map<string, SearchHit>();
  for (const text of [ticket.subject, ticket.message.slice(0, 200)]) {
    if (!text.trim()) continue;
    for (const hit of run(text, limit * 2)) {
      const seen = best.get(hit.entry.id);
      if (!seen || hit.score > seen.score) best.set(hit.entry.id, hit);
    }
  }
  return [...best.values()].sort((a, b) => b.score - a.score).slice(0, limit);
}
