/** Choosing the day's items: due reviews first (most overdue first), then new items, never more than N. */
import { isNewCard, type StoredCard } from './card';
import { newItemRank, type QuizItem, type QuizItemType } from './items';

const TYPE_ROTATION: readonly QuizItemType[] = ['single', 'recall', 'truefalse', 'order', 'multiple', 'phrase'];

/**
 * New items take turns by type, each type in a stable shuffled order: packs have far more recall cards
 * than anything else, and a day of five recall cards would be a dull quiz.
 */
function interleaveByType(fresh: QuizItem[]): QuizItem[] {
  const queues = TYPE_ROTATION.map((type) =>
    fresh.filter((item) => item.type === type).sort((a, b) => newItemRank(a.id) - newItemRank(b.id)),
  );
  const out: QuizItem[] = [];
  while (queues.some((queue) => queue.length > 0)) {
    for (const queue of queues) {
      const next = queue.shift();
      if (next) out.push(next);
    }
  }
  return out;
}

/**
 * Picks at most `size` item ids. A card is due when its due time falls before `dayEnd` (the next local
 * midnight), so "due tomorrow 08:00" is not pulled into today. However many days were missed, overdue
 * cards compete for the same N places: the set never grows.
 * One item per entry when possible: the ordering and recall cards of one guideline on the same day would
 * answer each other.
 */
export function buildDailySet(
  items: readonly QuizItem[],
  cards: Readonly<Record<string, StoredCard>>,
  size: number,
  dayEnd: number,
): string[] {
  const due = items
    .filter((item) => !isNewCard(cards[item.id]) && (cards[item.id] as StoredCard).due < dayEnd)
    .sort((a, b) => (cards[a.id] as StoredCard).due - (cards[b.id] as StoredCard).due || a.id.localeCompare(b.id));
  const fresh = interleaveByType(items.filter((item) => isNewCard(cards[item.id])));
  const candidates = [...due, ...fresh];

  const picked: QuizItem[] = [];
  const entries = new Set<string>();
  for (const item of candidates) {
    if (picked.length >= size) break;
    if (entries.has(item.entryId)) continue;
    entries.add(item.entryId);
    picked.push(item);
  }
  for (const item of candidates) {
    if (picked.length >= size) break;
    if (!picked.includes(item)) picked.push(item);
  }
  // Keep the priority order (due first) rather than the two-pass order.
  return candidates.filter((item) => picked.includes(item)).map((item) => item.id);
}
