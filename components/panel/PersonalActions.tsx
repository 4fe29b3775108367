/** The 「我的」 mark with Edit and Delete for an agent's own phrasing, and the line that replaces its source. */
import type { Entry } from '../../knowledge/schema';
import type { Translate } from '../../utils/i18n';
import type { PersonalKey } from './personal-messages';

export function PersonalActions({
  t,
  onEdit,
  onDelete,
}: {
  t: Translate<PersonalKey>;
  onEdit(): void;
  onDelete(): void;
}) {
  return (
    <span class="coach-personal-actions">
      <span class="coach-mine" title={t('mineTitle')}>
        {t('mine')}
      </span>
      <button type="button" aria-keyshortcuts="F2" aria-label={t('editLabel')} title={t('editLabel')} onClick={onEdit}>
        {t('edit')}
      </button>
      <button
        type="button"
        aria-keyshortcuts="Alt+Delete"
        aria-label={t('deleteLabel')}
        title={t('deleteLabel')}
        onClick={onDelete}
      >
        {t('delete')}
      </button>
    </span>
  );
}

export function PersonalFooter({
  t,
  entry,
  guideline,
  onOpen,
}: {
  t: Translate<PersonalKey>;
  entry: Entry;
  guideline: { id: string; title: string } | undefined;
  onOpen(id: string): void;
}) {
  return (
    <>
      {guideline && (
        <p>
          {t('linkedGuideline')}
          <button type="button" class="coach-link" onClick={() => onOpen(guideline.id)}>
            {guideline.title}
          </button>
        </p>
      )}
      <p>{t('personalSource', { date: entry.reviewedAt })}</p>
    </>
  );
}
