/** The browser side of the quiz popup: storage, entries, settings, badge and side panel. */
import type { QuizApi } from '../quiz/api';
import { setQuizBadge } from './quiz-badge';
import { openInSidePanel, prepareSidePanel } from './quiz-panel';
import { writeQuizState } from './quiz-store';
import { loadQuizDay, peekQuizDay, QUIZ_DAY_KEYS } from './quiz-today';
import { quizStateItem, readFirstPaint, rememberFirstPaint } from './storage';

export function createQuizApi(): QuizApi {
  return {
    async load() {
      // Marks split the time to interactive (scripts → data → first item) in DevTools' performance panel.
      performance.mark('coach:quiz-load');
      // The pack reader (built-in pack, validation) is fetched only when the snapshot of today is stale.
      const data = await loadQuizDay(() => import('./quiz-entries').then((m) => m.readQuizPacks()), {
        remember: rememberFirstPaint,
      });
      performance.mark('coach:quiz-loaded');
      document.documentElement.lang = data.settings.uiLanguage;
      return data;
    },
    peek() {
      const values = readFirstPaint(QUIZ_DAY_KEYS);
      const data = values && peekQuizDay(values);
      if (data) document.documentElement.lang = data.settings.uiLanguage;
      return data;
    },
    async save(state) {
      rememberFirstPaint({ [quizStateItem.key]: await writeQuizState(state) });
    },
    loadScheduler: () => import('../quiz/fsrs').then((m) => m.reviewCard),
    setBadge: (text) => setQuizBadge(text).catch((error) => console.warn('quiz badge not updated', error)),
    // No await before the call: the click's user gesture must still be current when the panel opens.
    openInSidePanel: (id) =>
      openInSidePanel(id).catch((error) => console.warn(`side panel not opened for ${id}`, error)),
    markInteractive: () => {
      performance.mark('coach:interactive');
      // Only now: looking up the window (for 「在侧边栏中查看」) is a round trip the first item need not wait for.
      setTimeout(prepareSidePanel, 0);
    },
    now: () => new Date(),
  };
}
