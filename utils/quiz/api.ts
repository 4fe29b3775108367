/** What the quiz popup needs from the browser, as plain async functions (built in utils/browser/quiz-api.ts). */
import type { Entry } from '../../knowledge/schema';
import type { Settings } from '../settings';
import type { QuizState } from './state';

export interface QuizData {
  state: QuizState;
  entries: Entry[];
  settings: Pick<Settings, 'quizSize' | 'uiLanguage'>;
}

export interface QuizApi {
  load(): Promise<QuizData>;
  save(state: QuizState): Promise<void>;
  setBadge(text: string): Promise<void>;
  /** Must be called straight from a click: browsers open panels only on a user gesture. */
  openInSidePanel(id: string): Promise<void>;
  /** Marks the moment the first item can be answered (performance.mark 'coach:interactive'). */
  markInteractive(): void;
  now(): Date;
}
