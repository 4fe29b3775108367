/** Settings merged field by field through their stamps, and the write-rate guard of the sync. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../utils/settings';
import { mergeSettings } from '../../utils/sync/merge';
import { writeDelay } from '../../utils/sync/rate';
import { EMPTY_STAMPS, stampSettings, touchStamps, unstampSettings } from '../../utils/sync/settings-stamps';

describe('settings stamps', () => {
  it('stamps the fields a change touched, and merges two browsers field by field', () => {
    const mine = { ...DEFAULT_SETTINGS, quizSize: 9 };
    const theirs = { ...DEFAULT_SETTINGS, uiLanguage: 'en' as const };
    const a = stampSettings(mine, touchStamps(EMPTY_STAMPS, DEFAULT_SETTINGS, mine, 100));
    const b = stampSettings(theirs, touchStamps(EMPTY_STAMPS, DEFAULT_SETTINGS, theirs, 200));
    const { settings, stamps } = unstampSettings(mergeSettings(a, b), DEFAULT_SETTINGS);
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, quizSize: 9, uiLanguage: 'en' });
    expect(stamps.at).toEqual({ quizSize: 100, uiLanguage: 200 });
  });

  it('counts a setting changed before settings synced as older than any change since, newer than defaults', () => {
    const before = stampSettings({ ...DEFAULT_SETTINGS, quizSize: 12 }, EMPTY_STAMPS);
    expect(before.quizSize).toEqual({ value: 12, at: 1 });
    expect(before.uiLanguage).toEqual({ value: 'zh-CN', at: 0 });
    const fresh = stampSettings(DEFAULT_SETTINGS, EMPTY_STAMPS);
    expect(unstampSettings(mergeSettings(fresh, before), DEFAULT_SETTINGS).settings.quizSize).toBe(12);
  });

  it('keeps a field of a later release as it came, and ignores a value that does not validate', () => {
    const remote = { futureOption: { value: 'x', at: 5 }, quizSize: { value: 99, at: 9 } };
    const { settings, stamps } = unstampSettings(remote, DEFAULT_SETTINGS);
    expect(settings.quizSize).toBe(DEFAULT_SETTINGS.quizSize);
    expect(stamps.extra).toEqual({ futureOption: { value: 'x', at: 5 } });
    expect(stampSettings(settings, stamps).futureOption).toEqual({ value: 'x', at: 5 });
  });
});

describe('write rate', () => {
  const MIN = 60_000;
  it('writes at once while well under the limits', () => {
    expect(writeDelay([], 0)).toBe(0);
    expect(
      writeDelay(
        Array.from({ length: 50 }, (_, i) => i * 100),
        10_000,
      ),
    ).toBe(0);
  });

  it('waits until the oldest writes leave the minute when a burst reaches the margin', () => {
    const burst = Array.from({ length: 60 }, (_, i) => 1000 + i);
    const wait = writeDelay(burst, 2000, 2);
    expect(wait).toBe(1000 + 1 + MIN - 2000 + 1);
    expect(writeDelay(burst, 2000 + wait, 2)).toBe(0);
  });

  it('keeps under the hourly limit too', () => {
    const hour = Array.from({ length: 900 }, (_, i) => i * 3000); // one write every 3 s for 45 min
    expect(writeDelay(hour, 45 * MIN, 2)).toBeGreaterThan(0);
  });
});
