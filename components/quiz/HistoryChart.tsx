/** The last 30 days as bars (share right per day), with the same figures as text for screen readers. */
import type { HistoryDay } from '../../utils/quiz/history';
import type { QuizText } from './quiz-text';

const BAR = 8;
const GAP = 2;
const HEIGHT = 48;

export function HistoryChart({ days, t }: { days: HistoryDay[]; t: QuizText }) {
  const played = days.filter((d) => d.played);
  const average = played.length
    ? `${Math.round((played.reduce((sum, d) => sum + d.ratio, 0) / played.length) * 100)}%`
    : '—';
  const summary = t('historySummary', {
    played: played.length,
    done: days.filter((d) => d.done).length,
    average,
  });
  return (
    <figure class="history">
      <figcaption>{t('historyTitle')}</figcaption>
      <svg
        width={days.length * (BAR + GAP)}
        height={HEIGHT}
        viewBox={`0 0 ${days.length * (BAR + GAP)} ${HEIGHT}`}
        aria-hidden="true"
        focusable="false"
      >
        {days.map((d, i) => {
          const h = d.played ? Math.max(2, Math.round(d.ratio * HEIGHT)) : 1;
          return (
            <rect
              key={d.day}
              x={i * (BAR + GAP)}
              y={HEIGHT - h}
              width={BAR}
              height={h}
              class={d.played ? (d.done ? 'bar done' : 'bar') : 'bar none'}
            >
              <title>{`${d.day} ${d.played ? `${d.correct}/${d.total}` : t('historyNone')}`}</title>
            </rect>
          );
        })}
      </svg>
      <p class="muted">{summary}</p>
      {played.length > 0 && (
        <table class="sr-only">
          <caption>{t('historyTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('historyDay')}</th>
              <th scope="col">{t('historyScore')}</th>
            </tr>
          </thead>
          <tbody>
            {played.map((d) => (
              <tr key={d.day}>
                <td>{d.day}</td>
                <td>{`${d.correct}/${d.total}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </figure>
  );
}
