/**
 * Options of a single- or multiple-choice question with the right answer(s) marked beside them. Letters stay
 * in place; moving an option moves its text and the answer follows the text.
 */
import {
  addOption,
  type DraftEntry,
  moveOption,
  optionsOf,
  removeOption,
  setOptionText,
  toggleAnswer,
} from '../../../utils/packs/edit';
import { FieldErrors, ItemActions } from './fields';
import { useFocusNext } from './use-focus-next';

interface Props {
  id: string;
  entry: DraftEntry;
  onChange(entry: DraftEntry): void;
  /** Problems at exactly this field path (`options.1.text`), and at it or below it (`answer`, `answer.0`). */
  errorsAt(field: string): readonly string[];
  errorsUnder(field: string): readonly string[];
  t: {
    legend: string;
    option(key: string): string;
    isAnswer: string;
    add: string;
    moveUp(item: string): string;
    moveDown(item: string): string;
    remove(item: string): string;
    moved(item: string, n: number): string;
    help: string;
  };
  announce(text: string): void;
}

export function OptionsField({ id, entry, onChange, errorsAt, errorsUnder, t, announce }: Props) {
  const options = optionsOf(entry);
  const multiple = entry.questionType === 'multiple';
  const answers = new Set(
    typeof entry.answer === 'string' ? [entry.answer] : Array.isArray(entry.answer) ? entry.answer : [],
  );
  const { boxes, focusNext } = useFocusNext<HTMLInputElement>();
  const move = (from: number, to: number) => {
    if (to < 0 || to >= options.length) return;
    onChange(moveOption(entry, from, to));
    focusNext.current = to;
    announce(t.moved(t.option(options[from]?.key ?? ''), to + 1));
  };
  const listErrors = [...errorsAt('options'), ...errorsUnder('answer')];
  return (
    <fieldset class="list-field" aria-describedby={listErrors.length ? `${id}-error` : `${id}-help`}>
      <legend>{t.legend}</legend>
      <p id={`${id}-help`} class="field-help">
        {t.help}
      </p>
      <FieldErrors id={`${id}-error`} errors={listErrors} />
      <ol class="list-items">
        {options.map((o, i) => {
          const name = t.option(o.key);
          const errors = errorsUnder(`options.${i}`);
          const textId = `${id}-${i}`;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: letters stay in place; the position is the option's identity.
            <li key={i} class="list-item option-item">
              <label for={textId} class="option-key">
                <span aria-hidden="true">{o.key}</span>
                <span class="sr-only">{name}</span>
              </label>
              <input
                id={textId}
                ref={(el) => {
                  boxes.current[i] = el;
                }}
                value={o.text}
                aria-invalid={errors.length ? true : undefined}
                aria-describedby={errors.length ? `${textId}-error` : undefined}
                onInput={(e) => onChange(setOptionText(entry, i, e.currentTarget.value))}
                onKeyDown={(e) => {
                  if (!e.altKey || e.isComposing || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
                  e.preventDefault();
                  move(i, e.key === 'ArrowUp' ? i - 1 : i + 1);
                }}
              />
              <label class="option-answer">
                <input
                  type={multiple ? 'checkbox' : 'radio'}
                  name={`${id}-answer`}
                  checked={answers.has(o.key)}
                  onChange={(e) => onChange(toggleAnswer(entry, o.key, e.currentTarget.checked))}
                />{' '}
                {t.isAnswer}
                <span class="sr-only">（{name}）</span>
              </label>
              <ItemActions
                name={name}
                index={i}
                count={options.length}
                labels={t}
                onMove={move}
                onRemove={() => {
                  onChange(removeOption(entry, i));
                  focusNext.current = Math.min(i, options.length - 2);
                }}
              />
              <FieldErrors id={`${textId}-error`} errors={errors} />
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        class="button-quiet"
        disabled={options.length >= 26}
        onClick={() => {
          onChange(addOption(entry));
          focusNext.current = options.length;
        }}
      >
        {t.add}
      </button>
    </fieldset>
  );
}
