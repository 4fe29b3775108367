/** End of the day's set: score, streak, freezes and the 30-day chart. */
import type { HistoryDay } from '../../utils/quiz/history';
import type { Progress } from '../../utils/quiz/session';
import type { Streak } from '../../utils/quiz/streak';
import { HistoryChart } from './HistoryChart';
import type { QuizText } from './quiz-text';

export function QuizEnd({
  progress,
  streak,
  history,
  t,
}: {
  progress: Progress;
  streak: Streak;
  history: HistoryDay[];
  t: QuizText;
}) {
  const recentFrozen = streak.frozenDays.filter((day) => history.some((d) => d.day === day));
  return (
    <section class="end" aria-labelledby="quiz-end-title">
      <h2 id="quiz-end-title" tabIndex={-1}>
        {t('doneTitle')}
      </h2>
      <p class="score">{t('score', { correct: progress.correct, total: progress.total })}</p>
      <p class="streak">
        {t('streak', { count: streak.count })} <span class="muted">· {t('bestStreak', { count: streak.best })}</span>
      </p>
      <p class="muted">{t('freezes', { count: streak.freezes })}</p>
      {recentFrozen.length > 0 && <p class="muted">{t('freezeUsed', { days: recentFrozen.join('、') })}</p>}
      <HistoryChart days={history} t={t} />
      <p class="muted">{t('comeBack')}</p>
    </section>
  );
}
