/** The browser side of the quiz popup: storage, entries, settings, badge and side panel. */
import type { QuizApi } from '../quiz/api';
import { setQuizBadge } from './quiz-badge';
import { getQuizEntries } from './quiz-entries';
import { openInSidePanel, prepareSidePanel } from './quiz-panel';
import { readQuizState, writeQuizState } from './quiz-store';
import { readSettings } from './storage';

export function createQuizApi(): QuizApi {
  prepareSidePanel();
  return {
    async load() {
      // Marks split the time to interactive (scripts → data → first item) in DevTools' performance panel.
      performance.mark('coach:quiz-load');
      const [state, entries, settings] = await Promise.all([readQuizState(), getQuizEntries(), readSettings()]);
      performance.mark('coach:quiz-loaded');
      document.documentElement.lang = settings.uiLanguage;
      return { state, entries, settings };
    },
    save: writeQuizState,
    setBadge: (text) => setQuizBadge(text).catch((error) => console.warn('quiz badge not updated', error)),
    // No await before the call: the click's user gesture must still be current when the panel opens.
    openInSidePanel: (id) =>
      openInSidePanel(id).catch((error) => console.warn(`side panel not opened for ${id}`, error)),
    markInteractive: () => performance.mark('coach:interactive'),
    now: () => new Date(),
  };
}
