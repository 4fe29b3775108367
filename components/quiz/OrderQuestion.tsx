/** Step ordering: the agent picks the shuffled steps in the order they happen (number keys or clicks). */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { QuizResponse } from '../../utils/quiz/grading';
import type { OrderItem } from '../../utils/quiz/items';
import type { QuizText } from './quiz-text';
import { digitIndex, isPlainEnter, useKeys } from './use-keys';

interface Props {
  item: OrderItem;
  t: QuizText;
  onSubmit(response: QuizResponse): void;
}

export function OrderQuestion({ item, t, onSubmit }: Props) {
  /** Screen positions (0-based) in the order picked. */
  const [picked, setPicked] = useState<number[]>([]);
  const complete = picked.length === item.shown.length;
  const submitRef = useRef<HTMLButtonElement>(null);
  // The last step placed: the next action is submitting (the step button just clicked is now disabled).
  useEffect(() => {
    if (complete) submitRef.current?.focus();
  }, [complete]);

  const pick = (position: number) => {
    if (position >= item.shown.length) return;
    setPicked((now) => (now.includes(position) ? now : [...now, position]));
  };
  const undo = () => setPicked((now) => now.slice(0, -1));
  const submit = () => {
    if (complete) onSubmit({ type: 'order', order: picked.map((position) => item.shown[position] as number) });
  };

  useKeys((event) => {
    const index = digitIndex(event);
    if (index !== null) {
      pick(index);
      return true;
    }
    if (event.key === 'Backspace') {
      undo();
      return true;
    }
    if (isPlainEnter(event)) {
      submit();
      return true;
    }
    return false;
  });

  return (
    <div class="question">
      <p class="prompt" id={`${item.id}-prompt`}>
        {item.prompt}
      </p>
      <h2 class="subhead" id={`${item.id}-pool`}>
        {t('steps')}
      </h2>
      <ul class="pool" aria-labelledby={`${item.id}-pool`}>
        {item.shown.map((stepIndex, position) => (
          <li key={stepIndex}>
            <button type="button" class="step" disabled={picked.includes(position)} onClick={() => pick(position)}>
              <span class="key" aria-hidden="true">
                {position + 1}
              </span>
              <span>{item.steps[stepIndex]}</span>
            </button>
          </li>
        ))}
      </ul>
      <h2 class="subhead" id={`${item.id}-picked`}>
        {t('yourOrder')} <span class="muted">{t('remaining', { count: item.shown.length - picked.length })}</span>
      </h2>
      <ol class="picked" aria-labelledby={`${item.id}-picked`} aria-live="polite">
        {picked.map((position) => (
          <li key={position}>{item.steps[item.shown[position] as number]}</li>
        ))}
      </ol>
      <p class="hint">{t('hintOrder')}</p>
      <div class="actions">
        <button type="button" onClick={undo} disabled={picked.length === 0}>
          {t('undo')}
        </button>
        <button type="button" class="primary" ref={submitRef} onClick={submit} disabled={!complete}>
          {t('submit')}
        </button>
      </div>
    </div>
  );
}
