/**
 * The form for one entry of the draft: the fields every entry has, then those of its kind. Each field shows
 * the problems the pack validation found in it; problems in no field of the form are listed at its top.
 */
import type { MutableRef } from 'preact/hooks';
import type { PackProblem } from '../../../knowledge/problems';
import type { QuestionType } from '../../../knowledge/schema';
import type { Translate } from '../../../utils/i18n';
import { type DraftEntry, stringList, textOf, withField, withQuestionType } from '../../../utils/packs/edit';
import { describeProblem } from '../../../utils/packs/problem-text';
import type { UiLanguage } from '../../../utils/settings';
import { FieldErrors, TextField, WordsField } from './fields';
import { type GuidelineChoice, GuidelineSelect } from './GuidelineSelect';
import { ListField } from './ListField';
import type { EditorKey } from './messages';
import { OptionsField } from './OptionsField';
import { ProvenanceFields } from './ProvenanceFields';

interface Props {
  entry: DraftEntry;
  index: number;
  /** Added in this session: its id may still be chosen freely. */
  isNew: boolean;
  lang: UiLanguage;
  t: Translate<EditorKey>;
  problems: ReadonlyMap<string, readonly PackProblem[]>;
  /** Whether the problems of a field are shown yet (a new entry's empty fields wait until visited). */
  visible(field: string): boolean;
  onVisit(field: string): void;
  onChange(entry: DraftEntry): void;
  onRemove(): void;
  guidelines: readonly GuidelineChoice[];
  today: string;
  announce(text: string): void;
  titleRef: MutableRef<HTMLElement | null>;
}

const COMMON = ['id', 'kind', 'title', 'tags', 'keywords', 'provenance', 'reviewedAt', 'errata', 'truncated'];
const BY_KIND: Record<string, string[]> = {
  guideline: ['scenario', 'steps', 'phrasings', 'keyPoints', 'analysis', 'example'],
  phrasing: ['text', 'situation', 'guidelineId'],
  question: ['questionType', 'stem', 'options', 'answer', 'referencePoints', 'explanation', 'guidelineId'],
};
const QUESTION_TYPES: readonly [QuestionType, EditorKey][] = [
  ['single', 'typeSingle'],
  ['multiple', 'typeMultiple'],
  ['truefalse', 'typeTruefalse'],
  ['open', 'typeOpen'],
];

export function EntryForm(props: Props) {
  const { entry, index, t, lang, problems, visible } = props;
  const id = `edit-${index}`;
  const wording = (p: PackProblem) => describeProblem(p, lang, () => entry).text;
  const errorsAt = (field: string) => (visible(field) ? (problems.get(field) ?? []).map(wording) : []);
  const errorsUnder = (field: string) =>
    visible(field)
      ? [...problems]
          .filter(([key]) => key === field || key.startsWith(`${field}.`))
          .flatMap(([, list]) => list.map(wording))
      : [];
  const kind = String(entry.kind);
  const shownHeads = new Set([...COMMON, ...(BY_KIND[kind] ?? [])]);
  const other = [...problems]
    .filter(([key]) => !shownHeads.has(key.split('.')[0] ?? ''))
    .flatMap(([, list]) => list.map(wording));

  const set = (field: string, value: unknown, optional = false) =>
    props.onChange(withField(entry, field, value, optional));
  const listLabels = {
    moveUp: (item: string) => t('moveUp', { item }),
    moveDown: (item: string) => t('moveDown', { item }),
    remove: (item: string) => t('removeItem', { item }),
    help: t('reorderHelp'),
  };
  const list = (field: string, label: EditorKey, item: EditorKey, add: EditorKey) => (
    <ListField
      id={`${id}-${field}`}
      label={t(label)}
      items={stringList(entry[field])}
      itemLabel={(n) => t(item, { n })}
      addLabel={t(add)}
      onChange={(items) => {
        props.onVisit(field);
        set(field, items);
      }}
      listErrors={errorsAt(field)}
      itemErrors={(i) => errorsUnder(`${field}.${i}`)}
      labels={listLabels}
      announce={props.announce}
      moved={(name, n) => t('moved', { item: name, n })}
    />
  );
  const field = (
    name: string,
    label: EditorKey,
    options: { multiline?: boolean; optional?: boolean; help?: string } = {},
  ) => (
    <TextField
      id={`${id}-${name}`}
      label={t(label)}
      value={textOf(entry[name])}
      multiline={options.multiline}
      rows={3}
      help={options.help}
      errors={errorsUnder(name)}
      onInput={(value) => set(name, value, options.optional)}
      onBlur={() => props.onVisit(name)}
    />
  );
  const guidelineSelect = () => (
    <GuidelineSelect
      id={`${id}-guidelineId`}
      current={textOf(entry.guidelineId)}
      guidelines={props.guidelines}
      errors={errorsAt('guidelineId')}
      t={t}
      onChange={(value) => set('guidelineId', value, true)}
    />
  );

  return (
    <div class="entry-form">
      {other.length > 0 && (
        <div class="field-error-box">
          <p>
            <strong>{t('otherProblems')}</strong>
          </p>
          <ul>
            {other.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        </div>
      )}
      <TextField
        id={`${id}-title`}
        label={t('title')}
        value={textOf(entry.title)}
        required
        inputRef={props.titleRef}
        errors={errorsAt('title')}
        onInput={(value) => set('title', value)}
        onBlur={() => props.onVisit('title')}
      />
      <div class="field-grid">
        <TextField
          id={`${id}-id`}
          label={t('id')}
          value={textOf(entry.id)}
          readOnly={!props.isNew}
          help={t('idHelp')}
          errors={errorsAt('id')}
          onInput={(value) => set('id', value.trim())}
          onBlur={() => props.onVisit('id')}
        />
        <TextField
          id={`${id}-reviewedAt`}
          label={t('reviewedAt')}
          type="date"
          value={textOf(entry.reviewedAt)}
          errors={errorsAt('reviewedAt')}
          onInput={(value) => set('reviewedAt', value)}
          onBlur={() => props.onVisit('reviewedAt')}
          after={
            <button type="button" class="button-quiet" onClick={() => set('reviewedAt', props.today)}>
              {t('today')}
            </button>
          }
        />
      </div>

      {kind === 'guideline' && (
        <>
          {field('scenario', 'scenario', { multiline: true })}
          {list('steps', 'steps', 'step', 'addStep')}
          {list('phrasings', 'phrasings', 'phrasing', 'addPhrasing')}
          {list('keyPoints', 'keyPoints', 'keyPoint', 'addKeyPoint')}
          {field('analysis', 'analysis', { multiline: true, optional: true })}
          {field('example', 'example', { multiline: true, optional: true })}
        </>
      )}
      {kind === 'phrasing' && (
        <>
          {field('text', 'text', { multiline: true, help: t('textHelp') })}
          {field('situation', 'situation', { optional: true })}
          {guidelineSelect()}
        </>
      )}
      {kind === 'question' && (
        <>
          <div class="field">
            <label for={`${id}-questionType`}>{t('questionType')}</label>
            <select
              id={`${id}-questionType`}
              value={textOf(entry.questionType)}
              onChange={(e) => props.onChange(withQuestionType(entry, e.currentTarget.value as QuestionType))}
            >
              {QUESTION_TYPES.map(([type, label]) => (
                <option key={type} value={type}>
                  {t(label)}
                </option>
              ))}
            </select>
            <FieldErrors id={`${id}-questionType-error`} errors={errorsAt('questionType')} />
          </div>
          {field('stem', 'stem', { multiline: true })}
          {(entry.questionType === 'single' || entry.questionType === 'multiple') && (
            <OptionsField
              id={`${id}-options`}
              entry={entry}
              onChange={(next) => {
                props.onVisit('options');
                props.onVisit('answer');
                props.onChange(next);
              }}
              errorsAt={errorsAt}
              errorsUnder={errorsUnder}
              announce={props.announce}
              t={{
                legend: t('options'),
                option: (key) => t('optionText', { key }),
                isAnswer: t('isAnswer'),
                add: t('addOption'),
                moved: (item, n) => t('moved', { item, n }),
                ...listLabels,
              }}
            />
          )}
          {entry.questionType === 'truefalse' && (
            <fieldset class="choice-row">
              <legend>{t('answer')}</legend>
              {([true, false] as const).map((value) => (
                <label key={String(value)}>
                  <input
                    type="radio"
                    name={`${id}-tf`}
                    checked={entry.answer === value}
                    onChange={() => set('answer', value)}
                  />{' '}
                  {t(value ? 'answerTrue' : 'answerFalse')}
                </label>
              ))}
              <FieldErrors id={`${id}-tf-error`} errors={errorsUnder('answer')} />
            </fieldset>
          )}
          {entry.questionType === 'open' &&
            list('referencePoints', 'referencePoints', 'referencePoint', 'addReferencePoint')}
          {field('explanation', 'explanation', { multiline: true, optional: true })}
          {guidelineSelect()}
        </>
      )}

      <WordsField
        id={`${id}-tags`}
        label={t('tags')}
        help={t('wordsHelp')}
        words={stringList(entry.tags)}
        errors={errorsUnder('tags')}
        onChange={(words) => set('tags', words)}
      />
      <WordsField
        id={`${id}-keywords`}
        label={t('keywords')}
        help={t('wordsHelp')}
        words={stringList(entry.keywords)}
        errors={errorsUnder('keywords')}
        onChange={(words) => set('keywords', words)}
      />
      <ProvenanceFields
        id={id}
        entry={entry}
        t={t}
        errorsAt={errorsAt}
        onChange={props.onChange}
        onVisit={() => props.onVisit('provenance')}
      />
      <details class="field-group" open={Boolean(entry.errata || entry.truncated)}>
        <summary>{t('more')}</summary>
        {field('errata', 'errata', { multiline: true, optional: true })}
        <label class="check">
          <input
            type="checkbox"
            checked={entry.truncated === true}
            onChange={(e) => set('truncated', e.currentTarget.checked ? true : undefined)}
          />{' '}
          {t('truncated')}
        </label>
      </details>
      <p>
        <button type="button" class="button-danger" onClick={props.onRemove}>
          {t('removeEntry')}
        </button>
      </p>
    </div>
  );
}
