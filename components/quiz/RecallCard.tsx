/** Recall card: the agent answers in their head, reveals the reference, and grades themselves. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { GRADES, type Grade } from '../../utils/quiz/card';
import type { QuizResponse } from '../../utils/quiz/grading';
import type { RecallItem } from '../../utils/quiz/items';
import type { QuizText } from './quiz-text';
import { digitIndex, isPlainEnter, useKeys } from './use-keys';

interface Props {
  item: RecallItem;
  t: QuizText;
  onSubmit(response: QuizResponse): void;
}

export const gradeLabel = (t: QuizText, grade: Grade) =>
  t((['grade1', 'grade2', 'grade3', 'grade4'] as const)[grade - 1] ?? 'grade3');

export function RecallCard({ item, t, onSubmit }: Props) {
  const [revealed, setRevealed] = useState(false);
  const referenceRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (revealed) referenceRef.current?.focus();
  }, [revealed]);

  useKeys((event) => {
    if (!revealed) {
      if (isPlainEnter(event)) {
        setRevealed(true);
        return true;
      }
      return false;
    }
    const index = digitIndex(event);
    const grade = index === null ? undefined : GRADES[index];
    if (grade !== undefined) {
      onSubmit({ type: 'recall', grade });
      return true;
    }
    return false;
  });

  return (
    <div class="question">
      <p class="prompt">{item.prompt}</p>
      {!revealed ? (
        <>
          <p class="hint">{t('hintRecall')}</p>
          <button type="button" class="primary" onClick={() => setRevealed(true)}>
            {t('reveal')}
          </button>
        </>
      ) : (
        <>
          <div class="reference" tabIndex={-1} ref={referenceRef}>
            {item.note && <p class="note">{t('errata', { note: item.note })}</p>}
            {item.steps.length > 0 && (
              <>
                <h2 class="subhead">{t('referenceSteps')}</h2>
                <ol>
                  {item.steps.map((step) => (
                    <li key={step}>{step}</li>
                  ))}
                </ol>
              </>
            )}
            {item.points.length > 0 && (
              <>
                <h2 class="subhead">{t('referencePoints')}</h2>
                <ul>
                  {item.points.map((point) => (
                    <li key={point}>{point}</li>
                  ))}
                </ul>
              </>
            )}
            {item.explanation && <p>{t('explanation', { text: item.explanation })}</p>}
            {item.truncated && <p class="note">{t('truncated')}</p>}
          </div>
          <fieldset class="grades">
            <legend>{t('gradeQuestion')}</legend>
            {GRADES.map((grade) => (
              <button key={grade} type="button" onClick={() => onSubmit({ type: 'recall', grade })}>
                <span class="key" aria-hidden="true">
                  {grade}
                </span>{' '}
                {gradeLabel(t, grade)}
              </button>
            ))}
          </fieldset>
          <p class="hint">{t('hintGrade')}</p>
        </>
      )}
    </div>
  );
}
