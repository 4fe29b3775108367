/** Form fields of the entry editor: a label, the control, help and the problems found in it, tied together for screen readers. */
import { type MutableRef, useEffect, useState } from 'preact/hooks';
import { splitWords } from '../../../utils/packs/edit';

/** The problems of one field, already in words; the id lets the control point at them. */
export function FieldErrors({ id, errors }: { id: string; errors: readonly string[] }) {
  if (!errors.length) return null;
  return (
    <p id={id} class="field-error">
      {errors.join('；')}
    </p>
  );
}

const describedBy = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(' ') || undefined;

interface TextProps {
  id: string;
  label: string;
  value: string;
  onInput(value: string): void;
  errors?: readonly string[];
  help?: string;
  multiline?: boolean;
  rows?: number;
  required?: boolean;
  readOnly?: boolean;
  type?: 'text' | 'date' | 'number';
  inputRef?: MutableRef<HTMLElement | null>;
  onBlur?(): void;
  /** Controls placed after the input (e.g. "today"). */
  after?: preact.ComponentChildren;
}

export function TextField(props: TextProps) {
  const { id, label, value, errors = [], help, multiline, rows = 2, required, readOnly, type = 'text' } = props;
  const helpId = help ? `${id}-help` : undefined;
  const errorId = errors.length ? `${id}-error` : undefined;
  const common = {
    id,
    value,
    required,
    readOnly,
    'aria-invalid': errors.length ? true : undefined,
    'aria-describedby': describedBy(errorId, helpId),
    onInput: (e: Event) => props.onInput((e.currentTarget as HTMLInputElement).value),
    onBlur: props.onBlur,
    ref: (el: HTMLElement | null) => {
      if (props.inputRef) props.inputRef.current = el;
    },
  };
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <div class="field-row">
        {multiline ? <textarea {...common} rows={rows} /> : <input {...common} type={type} />}
        {props.after}
      </div>
      {help && (
        <p id={helpId} class="field-help">
          {help}
        </p>
      )}
      <FieldErrors id={`${id}-error`} errors={errors} />
    </div>
  );
}

/**
 * Tags and keywords in one box, separated by 、 or commas. The box keeps what is typed (a trailing comma
 * included) and only the list it stands for goes into the entry.
 */
export function WordsField({
  id,
  label,
  help,
  words,
  onChange,
  errors = [],
}: {
  id: string;
  label: string;
  help: string;
  words: readonly string[];
  onChange(words: string[]): void;
  errors?: readonly string[];
}) {
  const joined = words.join('、');
  const [text, setText] = useState(joined);
  // Another entry, or an undo: show its words. Typing that yields the same list keeps the box as typed.
  useEffect(() => {
    setText((current) => (splitWords(current).join('、') === joined ? current : joined));
  }, [joined]);
  return (
    <TextField
      id={id}
      label={label}
      help={help}
      value={text}
      errors={errors}
      onInput={(value) => {
        setText(value);
        onChange(splitWords(value));
      }}
    />
  );
}

/** ↑ ↓ ✕ beside an item of an ordered list, each named with the item (「上移第 2 步」). */
export function ItemActions({
  name,
  index,
  count,
  labels,
  onMove,
  onRemove,
}: {
  name: string;
  index: number;
  count: number;
  labels: { moveUp(item: string): string; moveDown(item: string): string; remove(item: string): string };
  onMove(from: number, to: number): void;
  onRemove(): void;
}) {
  const button = (label: string, symbol: string, onClick: () => void, disabled = false) => (
    <button type="button" class="icon-button" aria-label={label} title={label} disabled={disabled} onClick={onClick}>
      {symbol}
    </button>
  );
  return (
    <span class="list-item-actions">
      {button(labels.moveUp(name), '↑', () => onMove(index, index - 1), index === 0)}
      {button(labels.moveDown(name), '↓', () => onMove(index, index + 1), index === count - 1)}
      {button(labels.remove(name), '✕', onRemove)}
    </span>
  );
}
