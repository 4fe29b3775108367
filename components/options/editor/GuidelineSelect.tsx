/** The guideline a phrasing or question belongs to: none, one of the packs' guidelines, or a missing one kept as written. */
import type { Translate } from '../../../utils/i18n';
import { FieldErrors } from './fields';
import type { EditorKey } from './messages';

export interface GuidelineChoice {
  id: string;
  title: string;
}

interface Props {
  /** The control's id (`edit-N-guidelineId`): the problem list links to it. */
  id: string;
  current: string;
  guidelines: readonly GuidelineChoice[];
  errors: readonly string[];
  t: Translate<EditorKey>;
  onChange(guidelineId: string): void;
}

export function GuidelineSelect({ id, current, guidelines, errors, t, onChange }: Props) {
  const known = guidelines.some((g) => g.id === current);
  return (
    <div class="field">
      <label for={id}>{t('guidelineId')}</label>
      <select
        id={id}
        value={current}
        aria-invalid={errors.length ? true : undefined}
        aria-describedby={errors.length ? `${id}-error` : undefined}
        onChange={(e) => onChange(e.currentTarget.value)}
      >
        <option value="">{t('noGuideline')}</option>
        {current && !known && <option value={current}>{t('missingGuideline', { id: current })}</option>}
        {guidelines.map((g) => (
          <option key={g.id} value={g.id}>
            {g.title} ({g.id})
          </option>
        ))}
      </select>
      <FieldErrors id={`${id}-error`} errors={errors} />
    </div>
  );
}
