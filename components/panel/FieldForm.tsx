/** Inline form for `{客户称呼}`-style fields: Tab between fields, Enter finishes, Esc cancels. */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { isImeComposing } from '../../utils/ime';
import { fieldRecord, fieldValue, fillPlaceholders } from '../../utils/panel/placeholders';

interface Props {
  text: string;
  names: readonly string[];
  initial: Readonly<Record<string, string>>;
  title: string;
  help: string;
  doneLabel: string;
  cancelLabel: string;
  onDone(values: Record<string, string>): void;
  onCancel(): void;
}

export function FieldForm({ text, names, initial, title, help, doneLabel, cancelLabel, onDone, onCancel }: Props) {
  // Names are pack text (`{constructor}`, `{__proto__}`): values live in a record without a prototype.
  const [values, setValues] = useState<Record<string, string>>(() =>
    fieldRecord(names.map((n) => [n, fieldValue(initial, n) ?? ''])),
  );
  const first = useRef<HTMLInputElement>(null);
  // Before paint: keys typed right after the form appears must land in its first field.
  useLayoutEffect(() => {
    first.current?.focus();
    first.current?.select();
  }, []);
  return (
    <form
      class="coach-fields"
      aria-label={title}
      onSubmit={(e) => {
        e.preventDefault();
        onDone(values);
      }}
      onKeyDown={(e) => {
        if (isImeComposing(e)) return;
        if (e.key === 'Enter' && e.target instanceof HTMLInputElement) {
          // Handled here (not by implicit submission) so the IME check above also guards Enter.
          e.preventDefault();
          onDone(values);
        } else if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <p class="coach-fields-title">
        <strong>{title}</strong> <span class="coach-muted">{help}</span>
      </p>
      {names.map((name, i) => (
        <label key={name} class="coach-field">
          <span>{name}</span>
          <input
            ref={i === 0 ? first : undefined}
            type="text"
            value={fieldValue(values, name) ?? ''}
            onInput={(e) => {
              const value = e.currentTarget.value;
              setValues(fieldRecord(names.map((n) => [n, n === name ? value : (fieldValue(values, n) ?? '')])));
            }}
          />
        </label>
      ))}
      <p class="coach-preview" aria-live="polite">
        {fillPlaceholders(text, values)}
      </p>
      <div class="coach-fields-actions">
        <button type="submit">{doneLabel}</button>
        <button type="button" onClick={onCancel}>
          {cancelLabel}
        </button>
      </div>
    </form>
  );
}
