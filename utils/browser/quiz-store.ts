/** Reading and writing the quiz state: repaired on read, the damaged original set aside first. */
import { QUIZ_STATE_VERSION } from '../quiz/migrations';
import { type QuizState, repairQuizState } from '../quiz/state';
import { sameJson } from '../sync/equal';
import { mergeQuiz, rebaseQuiz } from '../sync/merge-quiz';
import { keepDamaged, quizStateItem, withItemLock } from './storage';

/**
 * The quiz state from a raw value and its version read along with other values in one storage call
 * (quiz-today.ts); the full way (readQuizState) when it needs a migration or a repair.
 */
export async function quizStateFrom(raw: unknown, version: unknown, now: Date = new Date()): Promise<QuizState> {
  return readyQuizState(raw, version) ?? readQuizState(now);
}

/** The quiz state from a raw value and its version as they are, or null when it needs a migration or a repair. */
export function readyQuizState(raw: unknown, version: unknown): QuizState | null {
  const v = (version as { v?: unknown } | null)?.v ?? 1;
  if (raw !== null && v !== QUIZ_STATE_VERSION) return null;
  const { state, repaired } = repairQuizState(raw);
  return repaired ? null : state;
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

/**
 * Changes the stored quiz state under its lock with `change` (given the state as stored now); writes only
 * when that changes something. Returns the state as stored afterwards.
 */
async function updateQuizState(change: (stored: QuizState) => QuizState, now: Date): Promise<QuizState> {
  return withItemLock(quizStateItem.key, async () => {
    const raw = await quizStateItem.getValue();
    const { state, repaired } = repairQuizState(raw);
    if (repaired) await keepDamaged(quizStateItem.key, raw, now.getTime());
    const next = change(state);
    if (repaired || !sameJson(next, state)) await quizStateItem.setValue(next);
    return next;
  });
}

/**
 * Saves a state computed from an earlier read (an answer in the popup, today's set from the background),
 * merged with what is stored now: an answer given or synced meanwhile is kept (utils/sync/merge.ts). Returns
 * the state as stored.
 */
export function writeQuizState(state: QuizState, now: Date = new Date()): Promise<QuizState> {
  return updateQuizState((stored) => rebaseQuiz(stored, state), now);
}

/** Merges the quiz state of another browser into this one's (the local copy keeps ties). */
export function mergeQuizState(remote: QuizState, now: Date = new Date()): Promise<QuizState> {
  return updateQuizState((stored) => mergeQuiz(stored, remote), now);
}
