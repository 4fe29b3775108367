/**
 * The ts-fsrs scheduler behind a storable card. Cards are stored as plain JSON (dates as epoch ms) so
 * they survive storage round trips and can be validated on read.
 */
import { type Card, createEmptyCard, fsrs, type Grade, Rating, State } from 'ts-fsrs';

export type { Grade };
export { Rating };

export interface StoredCard {
  due: number;
  stability: number;
  difficulty: number;
  elapsed_days: number;
  scheduled_days: number;
  learning_steps: number;
  reps: number;
  lapses: number;
  state: State;
  last_review?: number;
}

// One review a day at most: same-day learning steps (1 min, 10 min) make no sense for a daily set, and
// fuzz would make tests and the badge count depend on chance.
const scheduler = fsrs({ enable_short_term: false, enable_fuzz: false });

function toCard(stored: StoredCard): Card {
  return {
    ...stored,
    due: new Date(stored.due),
    last_review: stored.last_review === undefined ? undefined : new Date(stored.last_review),
  };
}

function toStored(card: Card): StoredCard {
  const { due, last_review, ...rest } = card;
  const out: StoredCard = { ...rest, due: due.getTime() };
  if (last_review) out.last_review = last_review.getTime();
  return out;
}

export function newCard(now: Date = new Date()): StoredCard {
  return toStored(createEmptyCard(now));
}

/** The card after one review with `grade` at `now`; a missing card is a new one. */
export function reviewCard(card: StoredCard | undefined, grade: Grade, now: Date = new Date()): StoredCard {
  return toStored(scheduler.next(toCard(card ?? newCard(now)), now, grade).card);
}

export const GRADES: readonly Grade[] = [Rating.Again, Rating.Hard, Rating.Good, Rating.Easy];

export function isNewCard(card: StoredCard | undefined): boolean {
  return card === undefined || card.state === State.New;
}
