/**
 * Versions of the stored quiz state (`local:quiz`) and the migrations between them. Kept apart from the
 * valibot repair schemas so that storage.ts, which every page loads, stays small.
 *   v1 — `streak` was a number and the last finished day sat beside it in `lastCompletedDay`.
 *   v2 — `streak` is an object with best, last day and freezes (see streak.ts).
 */
export const QUIZ_STATE_VERSION = 2;

/**
 * v1 → v2: `streak: number` + `lastCompletedDay` become the streak object. Never throws (a failing
 * migration would block the whole item): anything unexpected is left for repair-on-read.
 */
export function migrateQuizV1ToV2(old: unknown): unknown {
  if (!old || typeof old !== 'object' || Array.isArray(old)) return old;
  const { streak, lastCompletedDay, ...rest } = old as Record<string, unknown>;
  if (typeof streak !== 'number') return old;
  const count = Number.isInteger(streak) && streak > 0 ? streak : 0;
  const lastDay =
    typeof lastCompletedDay === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(lastCompletedDay) ? lastCompletedDay : null;
  return {
    ...rest,
    streak: { count: lastDay ? count : 0, best: count, lastDay, freezes: 0, frozenDays: [] },
  };
}

export const QUIZ_MIGRATIONS: Record<number, (old: unknown) => unknown> = { 2: migrateQuizV1ToV2 };
