import { describe, expect, it } from 'vitest';
import { recentHistory } from '../../utils/quiz/history';

describe('quiz history chart data', () => {
  it('lists the last 30 days oldest first, with missed days as gaps', () => {
    const days = recentHistory(
      {
        '2026-10-20': { correct: 5, total: 5, done: true }, // older than 30 days: left out
        '2026-11-01': { correct: 3, total: 4, done: true },
        '2026-11-23': { correct: 1, total: 5, done: false },
      },
      '2026-11-23',
    );
    expect(days).toHaveLength(30);
    expect(days[0]?.day).toBe('2026-10-25');
    expect(days.at(-1)).toEqual({ day: '2026-11-23', correct: 1, total: 5, done: false, ratio: 0.2, played: true });
    expect(days.find((d) => d.day === '2026-11-01')).toMatchObject({ ratio: 0.75, played: true });
    expect(days.filter((d) => d.played)).toHaveLength(2);
  });
});
