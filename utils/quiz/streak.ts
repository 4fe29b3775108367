/**
 * Streak: consecutive days with the daily set finished. Every 7th streak day earns a freeze (at most
 * `FREEZE_CAP` banked); a missed day uses one automatically, so one sick day does not erase a month.
 */
import { addDays, type DayKey, daysBetween } from './day';

export interface Streak {
  /** Finished days in the current streak (frozen days keep it alive but do not add to it). */
  count: number;
  best: number;
  /** The last day the streak covers: finished, or bridged by a freeze. */
  lastDay: DayKey | null;
  freezes: number;
  /** Days bridged by a freeze, most recent last (kept short, for the end screen and the chart). */
  frozenDays: DayKey[];
}

export const FREEZE_EVERY = 7;
export const FREEZE_CAP = 2;
const FROZEN_DAYS_KEPT = 30;

export const EMPTY_STREAK: Streak = { count: 0, best: 0, lastDay: null, freezes: 0, frozenDays: [] };

/**
 * The streak as of `today`, before today's set is finished: missed days since `lastDay` are bridged by
 * freezes when there are enough, else the streak is over (banked freezes are kept for the next one).
 */
export function settleStreak(streak: Streak, today: DayKey): Streak {
  if (streak.lastDay === null || streak.count === 0) return streak;
  const missed = daysBetween(streak.lastDay, today) - 1;
  if (missed <= 0) return streak;
  if (missed > streak.freezes) return { ...streak, count: 0, lastDay: null };
  const bridged = Array.from({ length: missed }, (_, i) => addDays(streak.lastDay as DayKey, i + 1));
  return {
    ...streak,
    freezes: streak.freezes - missed,
    lastDay: addDays(today, -1),
    frozenDays: [...streak.frozenDays, ...bridged].slice(-FROZEN_DAYS_KEPT),
  };
}

/** The streak after finishing the set of `today` (idempotent within a day). */
export function completeDay(streak: Streak, today: DayKey): Streak {
  const settled = settleStreak(streak, today);
  if (settled.lastDay === today) return settled;
  const count = settled.count + 1;
  return {
    ...settled,
    count,
    best: Math.max(settled.best, count),
    lastDay: today,
    freezes: count % FREEZE_EVERY === 0 ? Math.min(FREEZE_CAP, settled.freezes + 1) : settled.freezes,
  };
}
