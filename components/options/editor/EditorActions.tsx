/** The editor's actions on the open pack: save, export as JSON or CSV, and discard (asked twice) or close. */
import type { Translate } from '../../../utils/i18n';
import type { EditorKey } from './messages';

interface Props {
  t: Translate<EditorKey>;
  /** Saving is under way. */
  busy: boolean;
  /** There are unsaved edits: 「放弃修改」 instead of 「关闭」. */
  dirty: boolean;
  /** The author asked to discard and is being asked to confirm. */
  confirming: boolean;
  onConfirming(confirming: boolean): void;
  onSave(): void;
  onExport(format: 'json' | 'csv'): void;
  onDiscard(): void;
  onClose(): void;
}

export function EditorActions({
  t,
  busy,
  dirty,
  confirming,
  onConfirming,
  onSave,
  onExport,
  onDiscard,
  onClose,
}: Props) {
  return (
    <div class="editor-actions">
      <button type="button" class="button" onClick={onSave} disabled={busy}>
        {t('save')}
      </button>
      <button type="button" class="button-quiet" onClick={() => onExport('json')}>
        {t('exportJson')}
      </button>
      <button type="button" class="button-quiet" onClick={() => onExport('csv')}>
        {t('exportCsv')}
      </button>
      {confirming ? (
        <span class="confirm">
          {t('discardConfirm')}{' '}
          <button type="button" class="button-danger" onClick={onDiscard}>
            {t('discard')}
          </button>{' '}
          <button type="button" class="button-quiet" onClick={() => onConfirming(false)}>
            ✕
          </button>
        </span>
      ) : dirty ? (
        <button type="button" class="button-quiet" onClick={() => onConfirming(true)}>
          {t('discard')}
        </button>
      ) : (
        <button type="button" class="button-quiet" onClick={onClose}>
          {t('close')}
        </button>
      )}
    </div>
  );
}
