import type { Translate } from '../../utils/i18n';
import type { QuizMessageKey } from './messages';

export type QuizText = Translate<QuizMessageKey>;
