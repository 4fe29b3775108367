/** Reading and writing the quiz state: repaired on read, the damaged original set aside first. */
import { type QuizState, repairQuizState } from '../quiz/state';
import { quizCorruptItem, quizStateItem } from './storage';

const CORRUPT_KEPT = 5;

export async function readQuizState(now: Date = new Date()): Promise<QuizState> {
  const raw = await quizStateItem.getValue();
  const { state, repaired } = repairQuizState(raw);
  if (repaired) {
    const kept = await quizCorruptItem.getValue();
    await quizCorruptItem.setValue([...kept, { at: now.getTime(), value: raw }].slice(-CORRUPT_KEPT));
    await quizStateItem.setValue(state);
  }
  return state;
}

export async function writeQuizState(state: QuizState): Promise<void> {
  await quizStateItem.setValue(state);
}
