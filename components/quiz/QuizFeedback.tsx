/** What the agent sees right after answering: verdict, right answer, explanation, link to the guideline. */
import type { Graded, QuizResponse } from '../../utils/quiz/grading';
import type { Option, QuizItem } from '../../utils/quiz/items';
import { trueFalseOptions } from './ChoiceQuestion';
import type { QuizText } from './quiz-text';
import { gradeLabel } from './RecallCard';

export interface Answered {
  item: QuizItem;
  response: QuizResponse;
  graded: Graded;
  /** Days until the item comes back. */
  nextInDays: number;
}

function describe(options: Option[], keys: readonly string[], truefalse: boolean): string {
  return options
    .filter((o) => keys.includes(o.key))
    .map((o) => (truefalse ? o.text : `${o.key}. ${o.text}`))
    .join('；');
}

/** The verdict and answer, read out by the live region that contains it. */
export function FeedbackText({ answered, t }: { answered: Answered; t: QuizText }) {
  const { item, response, graded, nextInDays } = answered;
  let answer: preact.ComponentChildren = null;
  if (item.type === 'truefalse') {
    const options = trueFalseOptions(t);
    answer = (
      <p>
        {t('correctAnswer', { answer: describe(options, [item.answer ? 'T' : 'F'], true) })}
        {!graded.correct && response.type === 'truefalse' && (
          <> （{t('yourAnswer', { answer: describe(options, [response.value ? 'T' : 'F'], true) })}）</>
        )}
      </p>
    );
  } else if (item.type === 'single' || item.type === 'multiple' || item.type === 'phrase') {
    answer = (
      <>
        <p>{t('correctAnswer', { answer: describe(item.options, item.answer, false) })}</p>
        {!graded.correct && response.type === 'choice' && response.keys.length > 0 && (
          <p class="muted">{t('yourAnswer', { answer: describe(item.options, response.keys, false) })}</p>
        )}
      </>
    );
  } else if (item.type === 'order') {
    answer = (
      <>
        <p>{t('correctOrder')}</p>
        <ol>
          {item.steps.map((step) => (
            <li key={step}>{step}</li>
          ))}
        </ol>
      </>
    );
  }
  return (
    <>
      <p class={graded.correct ? 'verdict right' : 'verdict wrong'}>
        {item.type === 'recall'
          ? t('recorded', { grade: gradeLabel(t, graded.rating) })
          : graded.correct
            ? `✓ ${t('right')}`
            : `✗ ${t('wrong')}`}
      </p>
      {answer}
      {item.type !== 'recall' && item.explanation && <p>{t('explanation', { text: item.explanation })}</p>}
      <p class="muted">
        {nextInDays <= 1 ? t('nextReview') : t('nextReviewDays', { days: nextInDays })} ·{' '}
        {t('source', { title: item.sourceTitle })}
      </p>
    </>
  );
}

export function FeedbackActions({
  answered,
  t,
  last,
  onOpen,
  onContinue,
  continueRef,
}: {
  answered: Answered;
  t: QuizText;
  last: boolean;
  onOpen(id: string): void;
  onContinue(): void;
  continueRef: preact.RefObject<HTMLButtonElement>;
}) {
  return (
    <div class="actions">
      <button type="button" onClick={() => onOpen(answered.item.sourceId)}>
        {t('openInPanel')}
      </button>
      <button type="button" class="primary" ref={continueRef} onClick={onContinue}>
        {last ? t('finish') : t('continue')}
      </button>
    </div>
  );
}
