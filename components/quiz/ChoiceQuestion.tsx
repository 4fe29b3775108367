/** Single choice, multiple choice, "which phrasing fits" and true/false: native radios/checkboxes. */
import { useState } from 'preact/hooks';
import type { QuizResponse } from '../../utils/quiz/grading';
import type { ChoiceItem, Option, TrueFalseItem } from '../../utils/quiz/items';
import type { QuizText } from './quiz-text';
import { digitIndex, isPlainEnter, useKeys } from './use-keys';

interface Props {
  item: ChoiceItem | TrueFalseItem;
  t: QuizText;
  onSubmit(response: QuizResponse): void;
}

export function trueFalseOptions(t: QuizText): Option[] {
  return [
    { key: 'T', text: t('true') },
    { key: 'F', text: t('false') },
  ];
}

export function ChoiceQuestion({ item, t, onSubmit }: Props) {
  const [selected, setSelected] = useState<string[]>([]);
  const multiple = item.type === 'multiple';
  const options = item.type === 'truefalse' ? trueFalseOptions(t) : item.options;
  const legendId = `${item.id}-legend`;

  const choose = (key: string) => {
    if (!multiple) setSelected([key]);
    else setSelected((now) => (now.includes(key) ? now.filter((k) => k !== key) : [...now, key]));
  };
  const submit = () => {
    if (selected.length === 0) return;
    onSubmit(
      item.type === 'truefalse'
        ? { type: 'truefalse', value: selected[0] === 'T' }
        : { type: 'choice', keys: selected },
    );
  };

  useKeys((event) => {
    const index = digitIndex(event);
    if (index !== null) {
      const option = options[index];
      if (!option) return false;
      choose(option.key);
      document.getElementById(`${item.id}-${option.key}`)?.focus();
      return true;
    }
    if (isPlainEnter(event)) {
      submit();
      return true;
    }
    return false;
  });

  return (
    <form
      class="question"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <fieldset aria-describedby={`${item.id}-hint`}>
        <legend id={legendId} class="prompt">
          {item.prompt}
        </legend>
        {options.map((option, i) => (
          <label key={option.key} class="option">
            <input
              id={`${item.id}-${option.key}`}
              type={multiple ? 'checkbox' : 'radio'}
              name={item.id}
              value={option.key}
              checked={selected.includes(option.key)}
              onChange={() => choose(option.key)}
            />
            <span class="key" aria-hidden="true">
              {i + 1}
            </span>
            <span>{item.type === 'truefalse' ? option.text : `${option.key}. ${option.text}`}</span>
          </label>
        ))}
      </fieldset>
      <p id={`${item.id}-hint`} class="hint">
        {multiple ? t('hintMultiple') : t('hintChoice')}
      </p>
      <button type="submit" class="primary" disabled={selected.length === 0}>
        {t('submit')}
      </button>
    </form>
  );
}
