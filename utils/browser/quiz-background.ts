/**
 * Background side of the quiz: starts the day's set when a new local day begins (install, browser
 * start, the midnight alarm) or the packs or quiz size change, keeps the snapshot of today's items that
 * the popup opens from current, and keeps the toolbar badge equal to the items left today.
 */
import { browser } from 'wxt/browser';
import { dayKey, nextMidnight } from '../quiz/day';
import { badgeText } from '../quiz/session';
import { repairQuizState } from '../quiz/state';
import { setQuizBadge } from './quiz-badge';
import { readQuizPacks } from './quiz-entries';
import { writeQuizState } from './quiz-store';
import { loadQuizDay } from './quiz-today';
import { packRevisionItem, quizStateItem, settingsItem } from './storage';

export const QUIZ_MIDNIGHT_ALARM = 'quiz-midnight';
// A second after midnight, so the new day has surely begun when it fires.
const AFTER_MIDNIGHT_MS = 1000;

/**
 * Starts today's set if needed, stores the snapshot of today's items the popup opens from, updates the
 * badge and schedules the next midnight refresh. Always the full way: this is what keeps the snapshot fresh.
 */
export async function refreshQuizDay(now: Date = new Date()): Promise<void> {
  const { day, state, changed } = await loadQuizDay(readQuizPacks, { now, useSnapshot: false });
  if (changed) await writeQuizState(state);
  await setQuizBadge(badgeText(state, day));
  await browser.alarms.create(QUIZ_MIDNIGHT_ALARM, { when: nextMidnight(now).getTime() + AFTER_MIDNIGHT_MS });
}

let running: Promise<void> | undefined;
let again = false;

/** One refresh at a time (each reads every pack); changes meanwhile get one more run after it. */
function refresh(): void {
  if (running) {
    again = true;
    return;
  }
  running = refreshQuizDay()
    .catch((error) => console.error('quiz: could not refresh the day', error))
    .finally(() => {
      running = undefined;
      if (again) {
        again = false;
        refresh();
      }
    });
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
  // A new quiz size applies to today's set until its first answer; other settings do not touch the quiz.
  settingsItem.watch((next, previous) => {
    if (next?.quizSize !== previous?.quizSize) refresh();
  });
  // Changed packs (import, toggle, policy sync) change today's items: a fresh set and snapshot.
  packRevisionItem.watch(refresh);
}
