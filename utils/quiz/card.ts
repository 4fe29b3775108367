/**
 * A review card as stored (plain JSON, dates as epoch ms) and the grades, without the scheduler: the popup
 * shows today's items with these and loads ts-fsrs (fsrs.ts, 60 KB of source) only when an answer is
 * scheduled. The numbers are ts-fsrs's own `Rating` and `State`; tests/unit/quiz-card.test.ts keeps them so.
 */
export const Rating = { Again: 1, Hard: 2, Good: 3, Easy: 4 } as const;
export type Grade = (typeof Rating)[keyof typeof Rating];
export const GRADES: readonly Grade[] = [Rating.Again, Rating.Hard, Rating.Good, Rating.Easy];

/** ts-fsrs `State`: New, Learning, Review, Relearning. */
export type CardState = 0 | 1 | 2 | 3;
const NEW: CardState = 0;

export interface StoredCard {
  due: number;
  stability: number;
  difficulty: number;
  elapsed_days: number;
  scheduled_days: number;
  learning_steps: number;
  reps: number;
  lapses: number;
  state: CardState;
  last_review?: number;
}

/** The card after one review with `grade` at `now`; a missing card is a new one (fsrs.ts `reviewCard`). */
export type ReviewCard = (card: StoredCard | undefined, grade: Grade, now: Date) => StoredCard;

export function isNewCard(card: StoredCard | undefined): boolean {
  return card === undefined || card.state === NEW;
}
