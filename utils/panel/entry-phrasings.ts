/** The sendable sentences of an entry with their search field names (for highlighting). */
import type { Entry } from '../../knowledge/schema';

export function phrasingsOf(entry: Entry): { text: string; field: string }[] {
  if (entry.kind === 'guideline') return entry.phrasings.map((text, i) => ({ text, field: `phrasings.${i}` }));
  if (entry.kind === 'phrasing') return [{ text: entry.text, field: 'text' }];
  return [];
}
