/**
 * An ordered list of texts (steps, phrasings, key points, reference points): edit, add, remove, and reorder
 * with buttons or Alt+↑ / Alt+↓ in the item itself — no dragging needed. Focus follows the moved item and the
 * move is announced.
 */
import { moveItem } from '../../../utils/packs/edit';
import { FieldErrors, ItemActions } from './fields';
import { useFocusNext } from './use-focus-next';

interface Props {
  id: string;
  label: string;
  items: readonly string[];
  /** 「第 2 步」: names an item in buttons and announcements. */
  itemLabel(n: number): string;
  addLabel: string;
  onChange(items: string[]): void;
  /** Problems of the list itself and of item i. */
  listErrors: readonly string[];
  itemErrors(index: number): readonly string[];
  labels: { moveUp(item: string): string; moveDown(item: string): string; remove(item: string): string; help: string };
  announce(text: string): void;
  moved(item: string, position: number): string;
}

export function ListField(props: Props) {
  const { id, label, items, itemLabel, listErrors, labels } = props;
  const { boxes, focusNext } = useFocusNext<HTMLTextAreaElement>();

  const move = (from: number, to: number) => {
    if (to < 0 || to >= items.length) return;
    props.onChange(moveItem(items, from, to));
    focusNext.current = to;
    props.announce(props.moved(itemLabel(from + 1), to + 1));
  };
  const remove = (index: number) => {
    props.onChange(items.filter((_, i) => i !== index));
    focusNext.current = Math.min(index, items.length - 2);
  };
  const listErrorId = `${id}-error`;
  return (
    <fieldset class="list-field" aria-describedby={listErrors.length ? listErrorId : `${id}-help`}>
      <legend>{label}</legend>
      <p id={`${id}-help`} class="field-help">
        {labels.help}
      </p>
      <FieldErrors id={listErrorId} errors={listErrors} />
      <ol class="list-items">
        {items.map((text, i) => {
          const name = itemLabel(i + 1);
          const errors = props.itemErrors(i);
          const itemId = `${id}-${i}`;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: items are plain texts that may repeat; their position is their identity, and every box is controlled.
            <li key={i} class="list-item">
              <label for={itemId} class="sr-only">
                {name}
              </label>
              <textarea
                id={itemId}
                ref={(el) => {
                  boxes.current[i] = el;
                }}
                rows={text.length > 40 ? 2 : 1}
                value={text}
                aria-invalid={errors.length ? true : undefined}
                aria-describedby={errors.length ? `${itemId}-error` : undefined}
                onInput={(e) => props.onChange(items.map((t, j) => (j === i ? e.currentTarget.value : t)))}
                onKeyDown={(e) => {
                  if (!e.altKey || e.isComposing || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
                  e.preventDefault();
                  move(i, e.key === 'ArrowUp' ? i - 1 : i + 1);
                }}
              />
              <ItemActions
                name={name}
                index={i}
                count={items.length}
                labels={labels}
                onMove={move}
                onRemove={() => remove(i)}
              />
              <FieldErrors id={`${itemId}-error`} errors={errors} />
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        class="button-quiet"
        onClick={() => {
          props.onChange([...items, '']);
          focusNext.current = items.length;
        }}
      >
        {props.addLabel}
      </button>
    </fieldset>
  );
}
