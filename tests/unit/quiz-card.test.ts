import { Rating as FsrsRating, State as FsrsState } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { GRADES, isNewCard, Rating } from '../../utils/quiz/card';
import { newCard, reviewCard } from '../../utils/quiz/fsrs';

// The popup shows today's items with card.ts and loads ts-fsrs only to schedule an answer: the numbers must agree.
describe('stored cards without the scheduler', () => {
  it('grade with ts-fsrs’s own ratings', () => {
    expect(Rating).toEqual({
      Again: FsrsRating.Again,
      Hard: FsrsRating.Hard,
      Good: FsrsRating.Good,
      Easy: FsrsRating.Easy,
    });
    expect(GRADES).toEqual([FsrsRating.Again, FsrsRating.Hard, FsrsRating.Good, FsrsRating.Easy]);
  });

  it('tell a new card from a reviewed one as ts-fsrs does', () => {
    const now = new Date('2026-11-23T09:00:00');
    expect(newCard(now).state).toBe(FsrsState.New);
    expect(isNewCard(undefined)).toBe(true);
    expect(isNewCard(newCard(now))).toBe(true);
    const reviewed = reviewCard(undefined, Rating.Good, now);
    expect(reviewed.state).not.toBe(FsrsState.New);
    expect(isNewCard(reviewed)).toBe(false);
  });
});
