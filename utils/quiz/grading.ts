/** Grading of one answer: objective items map right/wrong to FSRS ratings; recall cards use the agent's grade. */
import { type Grade, Rating } from './card';
import type { QuizItem } from './items';

export type QuizResponse =
  | { type: 'choice'; keys: string[] }
  | { type: 'truefalse'; value: boolean }
  /** Indices into the item's `steps` (the right order is 0, 1, 2, …). */
  | { type: 'order'; order: number[] }
  | { type: 'recall'; grade: Grade };

export interface Graded {
  correct: boolean;
  rating: Grade;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a);
  return left.size === b.length && b.every((x) => left.has(x)) && new Set(b).size === b.length;
}

/**
 * Wrong → Again (it comes back tomorrow), right → Good. A multiple-choice answer is right only when it
 * picks exactly the right options: half-right is how mistakes with customers happen.
 * A recall card graded Hard or better counts as right in the day's score.
 */
export function gradeResponse(item: QuizItem, response: QuizResponse): Graded {
  const objective = (correct: boolean): Graded => ({ correct, rating: correct ? Rating.Good : Rating.Again });
  switch (item.type) {
    case 'single':
    case 'phrase':
      return objective(response.type === 'choice' && response.keys.length === 1 && response.keys[0] === item.answer[0]);
    case 'multiple':
      return objective(response.type === 'choice' && sameSet(response.keys, item.answer));
    case 'truefalse':
      return objective(response.type === 'truefalse' && response.value === item.answer);
    case 'order':
      return objective(
        response.type === 'order' &&
          response.order.length === item.steps.length &&
          response.order.every((stepIndex, position) => stepIndex === position),
      );
    case 'recall':
      if (response.type !== 'recall')
        throw new Error(`item ${item.id} is a recall card: it needs a grade, not a ${response.type} answer`);
      return { correct: response.grade !== Rating.Again, rating: response.grade };
  }
}
