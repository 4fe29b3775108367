/** What the quiz popup needs from the browser, as plain async functions (built in utils/browser/quiz-api.ts). */
import type { Settings } from '../settings';
import type { ReviewCard } from './card';
import type { QuizDay } from './session';
import type { QuizState } from './state';

/** Today's set already started or resumed (startDay, or resumeDay from a snapshot), with the settings. */
export interface QuizData extends QuizDay {
  settings: Pick<Settings, 'quizSize' | 'uiLanguage'>;
}

export interface QuizApi {
  /** Today's set as stored (read from storage.local). */
  load(): Promise<QuizData>;
  /**
   * Today's set from the popup's own copy of those values, at once (see storage.ts `readFirstPaint`); null
   * without a usable copy. Shown until `load` answers, which it may correct: answers wait for `load`.
   */
  peek(): QuizData | null;
  save(state: QuizState): Promise<void>;
  /** The scheduler (fsrs.ts), loaded once the first item is up: opening does not wait for it. */
  loadScheduler(): Promise<ReviewCard>;
  setBadge(text: string): Promise<void>;
  /** Must be called straight from a click: browsers open panels only on a user gesture. */
  openInSidePanel(id: string): Promise<void>;
  /** Marks the moment the first item can be answered (performance.mark 'coach:interactive'). */
  markInteractive(): void;
  now(): Date;
}
