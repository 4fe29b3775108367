import { describe, expect, it } from 'vitest';
import { addDays } from '../../utils/quiz/day';
import { completeDay, EMPTY_STREAK, FREEZE_CAP, type Streak, settleStreak } from '../../utils/quiz/streak';

function finishDays(start: string, days: number, streak: Streak = EMPTY_STREAK): Streak {
  let s = streak;
  for (let i = 0; i < days; i++) s = completeDay(s, addDays(start, i));
  return s;
}

describe('quiz streak', () => {
  it('counts consecutive finished days and ignores a second finish on the same day', () => {
    const s = finishDays('2026-11-01', 3);
    expect(s.count).toBe(3);
    expect(completeDay(s, '2026-11-03')).toEqual(s);
  });

  it('earns one freeze per 7 streak days, up to the cap', () => {
    expect(finishDays('2026-11-01', 6).freezes).toBe(0);
    expect(finishDays('2026-11-01', 7).freezes).toBe(1);
    expect(finishDays('2026-11-01', 14).freezes).toBe(2);
    expect(finishDays('2026-10-01', 35).freezes).toBe(FREEZE_CAP);
  });

  it('uses a freeze automatically on a missed day and keeps the streak', () => {
    const s = finishDays('2026-11-01', 7); // last finished 11-07, one freeze
    const settled = settleStreak(s, '2026-11-09'); // 11-08 missed
    expect(settled).toMatchObject({ count: 7, freezes: 0, lastDay: '2026-11-08', frozenDays: ['2026-11-08'] });
    expect(completeDay(s, '2026-11-09')).toMatchObject({ count: 8, freezes: 0, lastDay: '2026-11-09' });
  });

  it('breaks the streak when more days were missed than freezes banked, keeping the freezes', () => {
    const s = finishDays('2026-11-01', 7);
    const settled = settleStreak(s, '2026-11-10'); // 11-08 and 11-09 missed, one freeze
    expect(settled).toMatchObject({ count: 0, freezes: 1, best: 7 });
    expect(completeDay(s, '2026-11-10')).toMatchObject({ count: 1, best: 7 });
  });

  it('does not use a freeze when yesterday was finished', () => {
    const s = finishDays('2026-11-01', 7);
    expect(settleStreak(s, '2026-11-08')).toBe(s);
  });
});
