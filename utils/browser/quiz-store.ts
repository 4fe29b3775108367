/** Reading and writing the quiz state: repaired on read, the damaged original set aside first. */
import { type QuizState, repairQuizState } from '../quiz/state';
import { keepDamaged, quizStateItem, withItemLock } from './storage';

export async function readQuizState(now: Date = new Date()): Promise<QuizState> {
  const { state, repaired } = repairQuizState(await quizStateItem.getValue());
  if (!repaired) return state;
  // Damaged: kept aside and repaired under the lock, from a fresh read (another page may have done it).
  return withItemLock(quizStateItem.key, async () => {
    const raw = await quizStateItem.getValue();
    const fresh = repairQuizState(raw);
    if (fresh.repaired) {
      await keepDamaged(quizStateItem.key, raw, now.getTime());
      await quizStateItem.setValue(fresh.state);
    }
    return fresh.state;
  });
}

export async function writeQuizState(state: QuizState): Promise<void> {
  await quizStateItem.setValue(state);
}
