/** Reading and writing the quiz state: repaired on read, the damaged original set aside first. */
import { QUIZ_STATE_VERSION } from '../quiz/migrations';
import { type QuizState, repairQuizState } from '../quiz/state';
import { keepDamaged, quizStateItem, withItemLock } from './storage';

/**
 * The quiz state from a raw value and its version read along with other values in one storage call
 * (quiz-today.ts); the full way (readQuizState) when it needs a migration or a repair.
 */
export async function quizStateFrom(raw: unknown, version: unknown, now: Date = new Date()): Promise<QuizState> {
  const v = (version as { v?: unknown } | null)?.v ?? 1;
  if (raw !== null && v !== QUIZ_STATE_VERSION) return readQuizState(now);
  const { state, repaired } = repairQuizState(raw);
  return repaired ? readQuizState(now) : state;
}

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
