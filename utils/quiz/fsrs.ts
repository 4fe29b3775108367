/**
 * The ts-fsrs scheduler behind a stored card (card.ts). Loaded on demand by the popup: opening it shows
 * today's items without this module.
 */
import { type Card, createEmptyCard, type Grade as FsrsGrade, fsrs, type State } from 'ts-fsrs';
import type { CardState, Grade, StoredCard } from './card';

// One review a day at most: same-day learning steps (1 min, 10 min) make no sense for a daily set, and
// fuzz would make tests and the badge count depend on chance.
const scheduler = fsrs({ enable_short_term: false, enable_fuzz: false });

function toCard(stored: StoredCard): Card {
  return {
    ...stored,
    state: stored.state as State,
    due: new Date(stored.due),
    last_review: stored.last_review === undefined ? undefined : new Date(stored.last_review),
  };
}

function toStored(card: Card): StoredCard {
  const { due, last_review, state, ...rest } = card;
  const out: StoredCard = { ...rest, state: state as CardState, due: due.getTime() };
  if (last_review) out.last_review = last_review.getTime();
  return out;
}

export function newCard(now: Date = new Date()): StoredCard {
  return toStored(createEmptyCard(now));
}

/** The card after one review with `grade` at `now`; a missing card is a new one. */
export function reviewCard(card: StoredCard | undefined, grade: Grade, now: Date = new Date()): StoredCard {
  return toStored(scheduler.next(toCard(card ?? newCard(now)), now, grade as FsrsGrade).card);
}
