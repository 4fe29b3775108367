/** Where an entry comes from: source, section, number and a note, each with the problems found in it. */
import type { Translate } from '../../../utils/i18n';
import { type DraftEntry, textOf, withProvenance } from '../../../utils/packs/edit';
import { FieldErrors, TextField } from './fields';
import type { EditorKey } from './messages';

interface Props {
  /** The form's id prefix (`edit-N`): the problem list links to `edit-N-source` and so on. */
  id: string;
  entry: DraftEntry;
  t: Translate<EditorKey>;
  /** The problems, in words, found at a field path such as `provenance.source`. */
  errorsAt(field: string): string[];
  onChange(entry: DraftEntry): void;
  onVisit(): void;
}

export function ProvenanceFields({ id, entry, t, errorsAt, onChange, onVisit }: Props) {
  const provenance = (entry.provenance && typeof entry.provenance === 'object' ? entry.provenance : {}) as Record<
    string,
    unknown
  >;
  return (
    <fieldset class="field-group">
      <legend>{t('provenance')}</legend>
      <FieldErrors id={`${id}-provenance-error`} errors={errorsAt('provenance')} />
      <div class="field-grid">
        <TextField
          id={`${id}-source`}
          label={t('source')}
          value={textOf(provenance.source)}
          required
          errors={errorsAt('provenance.source')}
          onInput={(value) => onChange(withProvenance(entry, 'source', value))}
          onBlur={onVisit}
        />
        <TextField
          id={`${id}-section`}
          label={t('section')}
          value={textOf(provenance.section)}
          errors={errorsAt('provenance.section')}
          onInput={(value) => onChange(withProvenance(entry, 'section', value))}
          onBlur={onVisit}
        />
        <TextField
          id={`${id}-number`}
          label={t('number')}
          type="number"
          value={provenance.number === undefined ? '' : String(provenance.number)}
          errors={errorsAt('provenance.number')}
          onInput={(value) => onChange(withProvenance(entry, 'number', value === '' ? undefined : Number(value)))}
          onBlur={onVisit}
        />
      </div>
      <TextField
        id={`${id}-note`}
        label={t('note')}
        value={textOf(provenance.note)}
        errors={errorsAt('provenance.note')}
        onInput={(value) => onChange(withProvenance(entry, 'note', value))}
        onBlur={onVisit}
      />
    </fieldset>
  );
}
