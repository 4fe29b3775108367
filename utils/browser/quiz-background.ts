/**
 * Background side of the quiz: starts the day's set when a new local day begins (install, browser
 * start, the midnight alarm) and keeps the toolbar badge equal to the items left today.
 */
import { browser } from 'wxt/browser';
import { dayKey, nextMidnight } from '../quiz/day';
import { generateItems } from '../quiz/items';
import { badgeText, ensureToday } from '../quiz/session';
import { repairQuizState } from '../quiz/state';
import { setQuizBadge } from './quiz-badge';
import { getQuizEntries } from './quiz-entries';
import { readQuizState, writeQuizState } from './quiz-store';
import { quizStateItem, readSettings, settingsItem } from './storage';

export const QUIZ_MIDNIGHT_ALARM = 'quiz-midnight';
// A second after midnight, so the new day has surely begun when it fires.
const AFTER_MIDNIGHT_MS = 1000;

/** Starts today's set if needed, updates the badge and schedules the next midnight refresh. */
export async function refreshQuizDay(now: Date = new Date()): Promise<void> {
  const [state, entries, settings] = await Promise.all([readQuizState(now), getQuizEntries(), readSettings()]);
  const day = dayKey(now);
  const next = ensureToday(state, generateItems(entries, day), settings.quizSize, now);
  if (next !== state) await writeQuizState(next);
  await setQuizBadge(badgeText(next, day));
  await browser.alarms.create(QUIZ_MIDNIGHT_ALARM, { when: nextMidnight(now).getTime() + AFTER_MIDNIGHT_MS });
}

function refresh(): void {
  refreshQuizDay().catch((error) => console.error('quiz: could not refresh the day', error));
}

export function registerQuizListeners(): void {
  browser.runtime.onInstalled.addListener(refresh);
  browser.runtime.onStartup.addListener(refresh);
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === QUIZ_MIDNIGHT_ALARM) refresh();
  });
  // Answers given in the popup: the badge follows (the popup sets it too, but may close first).
  quizStateItem.watch((value) => {
    setQuizBadge(badgeText(repairQuizState(value).state, dayKey())).catch(() => {});
  });
  // A new quiz size applies to today's set until its first answer.
  settingsItem.watch(refresh);
}
