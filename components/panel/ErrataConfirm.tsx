/**
 * A phrasing whose entry carries an erratum is not sent with one key: this asks again, showing the erratum.
 * Focus starts on 「取消」, so a second habitual Enter (or a held one) cancels; sending takes Tab (or a click)
 * to 「仍要复制」/「仍要插入」 and Enter there.
 */
import { useLayoutEffect, useRef } from 'preact/hooks';
import { isImeComposing } from '../../utils/ime';

interface Props {
  title: string;
  errata: string;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm(): void;
  onCancel(): void;
}

export function ErrataConfirm({ title, errata, confirmLabel, cancelLabel, onConfirm, onCancel }: Props) {
  const cancel = useRef<HTMLButtonElement>(null);
  useLayoutEffect(() => cancel.current?.focus(), []);
  return (
    <div
      class="coach-confirm"
      role="alertdialog"
      aria-labelledby="coach-confirm-title"
      aria-describedby="coach-confirm-errata"
      onKeyDown={(e) => {
        if (isImeComposing(e)) return;
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          onCancel();
        } else if (e.key === 'Enter' && e.target instanceof HTMLButtonElement) {
          // Handled here rather than by the button's own activation, so a key held down (auto-repeat)
          // from the search box can never confirm.
          e.preventDefault();
          if (e.repeat) return;
          if (e.target.dataset.action === 'confirm') onConfirm();
          else onCancel();
        }
      }}
    >
      <p id="coach-confirm-title" class="coach-confirm-title">
        <strong>{title}</strong>
      </p>
      <p id="coach-confirm-errata" class="coach-confirm-errata">
        {errata}
      </p>
      <div class="coach-fields-actions">
        <button ref={cancel} type="button" data-action="cancel" onClick={onCancel}>
          {cancelLabel}
        </button>
        <button type="button" data-action="confirm" onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </div>
  );
}
