import { describe, expect, it } from 'vitest';
import { addDays, dayKey, daysBetween, nextMidnight } from '../../utils/quiz/day';

describe('quiz day boundaries', () => {
  it('starts the Shanghai day at local midnight, not UTC midnight', () => {
    // 15:59:59 UTC is 23:59:59 in Shanghai; one second later it is the next day there.
    expect(dayKey(new Date('2026-11-23T15:59:59Z'), 'Asia/Shanghai')).toBe('2026-11-23');
    expect(dayKey(new Date('2026-11-23T16:00:00Z'), 'Asia/Shanghai')).toBe('2026-11-24');
    // Same instant in UTC is still the 23rd.
    expect(dayKey(new Date('2026-11-23T16:00:00Z'), 'UTC')).toBe('2026-11-23');
  });

  it('starts the Los Angeles day eight hours after UTC midnight', () => {
    expect(dayKey(new Date('2026-11-24T07:59:59Z'), 'America/Los_Angeles')).toBe('2026-11-23');
    expect(dayKey(new Date('2026-11-24T08:00:00Z'), 'America/Los_Angeles')).toBe('2026-11-24');
  });

  it('finds the next local midnight, also across a daylight-saving change', () => {
    expect(nextMidnight(new Date('2026-11-23T10:00:00Z'), 'Asia/Shanghai').toISOString()).toBe(
      '2026-11-23T16:00:00.000Z',
    );
    expect(nextMidnight(new Date('2026-11-23T16:00:00Z'), 'Asia/Shanghai').toISOString()).toBe(
      '2026-11-24T16:00:00.000Z',
    );
    // LA falls back on 2026-11-01: that day has 25 hours.
    expect(nextMidnight(new Date('2026-11-01T12:00:00-08:00'), 'America/Los_Angeles').toISOString()).toBe(
      '2026-11-02T08:00:00.000Z',
    );
    // LA springs forward on 2026-03-08: that day has 23 hours.
    expect(nextMidnight(new Date('2026-03-08T01:30:00-08:00'), 'America/Los_Angeles').toISOString()).toBe(
      '2026-03-09T07:00:00.000Z',
    );
  });

  it('counts calendar days across months and years', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-11-20', '2026-11-23')).toBe(3);
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
  });
});
