/** The baseline search everything is compared with: plain Fuse.js over the title and the rest of the text. */
import Fuse from 'fuse.js';
import type { Entry } from '../../knowledge/schema';
import { entryFields } from '../../utils/search/fields';

export function plainFuse(entries: readonly Entry[]): (query: string, limit: number) => Entry[] {
  const docs = entries.map((entry) => ({
    entry,
    title: entry.title,
    body: entryFields(entry)
      .slice(1)
      .map((f) => f.text)
      .join('\n'),
  }));
  const fuse = new Fuse(docs, { keys: ['title', 'body'], ignoreLocation: true });
  return (query, limit) => fuse.search(query, { limit }).map((r) => r.item.entry);
}
