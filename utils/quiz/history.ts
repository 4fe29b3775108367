/** The last N days of scores for the history chart, oldest first, with missed days as gaps. */
import { addDays, type DayKey } from './day';
import type { DayResult } from './state';

export interface HistoryDay extends DayResult {
  day: DayKey;
  /** Share right, 0–1; 0 when nothing was answered. */
  ratio: number;
  /** Whether anything was answered that day. */
  played: boolean;
}

export function recentHistory(history: Readonly<Record<DayKey, DayResult>>, today: DayKey, days = 30): HistoryDay[] {
  return Array.from({ length: days }, (_, i) => {
    const day = addDays(today, i - days + 1);
    const result = history[day];
    if (!result) return { day, correct: 0, total: 0, done: false, ratio: 0, played: false };
    return { day, ...result, ratio: result.total > 0 ? result.correct / result.total : 0, played: true };
  });
}
