/**
 * One entry in full: the errata note first, then the content of its kind, then provenance and review date.
 * Fields the curator wrote rather than transcribed (`provenance.curated`) carry a mark next to their label
 * and are listed with the source, so nobody quotes them as the source's words.
 * Phrasings get Copy and Insert buttons when the caller passes the callbacks (the quiz shows none).
 */
import type { ComponentChildren } from 'preact';
import type { CuratableField, Entry, Question } from '../../knowledge/schema';
import { type Translate, translator } from '../../utils/i18n';
import { phrasingsOf } from '../../utils/panel/entry-phrasings';
import { rangesFor } from '../../utils/panel/highlight';
import type { FieldMatch } from '../../utils/search/types';
import type { UiLanguage } from '../../utils/settings';
import { ErrataNote } from './ErrataNote';
import { Highlight } from './Highlight';
import { KindBadge } from './KindBadge';
import { type SharedKey, sharedMessages } from './messages';

export interface EntryDetailProps {
  entry: Entry;
  lang: UiLanguage;
  matches?: readonly FieldMatch[];
  onCopy?: (text: string, index: number) => void;
  onInsert?: (text: string, index: number) => void;
  /** Extra controls for the header (e.g. the panel's favorite star). */
  actions?: ComponentChildren;
  /** Replaces the source and review lines (an agent's own phrasing has no source document). */
  footer?: ComponentChildren;
  headingId?: string;
}

const FIELD_LABEL = {
  scenario: 'scenario',
  steps: 'steps',
  phrasings: 'phrasings',
  keyPoints: 'keyPoints',
  analysis: 'analysis',
  example: 'example',
  text: 'phrasingText',
  situation: 'situation',
  stem: 'stem',
  options: 'options',
  answer: 'answer',
  explanation: 'explanation',
  referencePoints: 'referencePoints',
} as const satisfies Record<CuratableField, keyof (typeof sharedMessages)['zh-CN']>;

/** The mark after a field's label when the curator wrote that field. */
function CuratedMark({ entry, field, lang }: { entry: Entry; field: CuratableField; lang: UiLanguage }) {
  if (!entry.provenance.curated?.includes(field)) return null;
  const t = translator(sharedMessages, lang);
  return (
    <span class="coach-curated" title={t('curatedMarkTitle')}>
      {t('curatedMark')}
    </span>
  );
}

function List({
  items,
  field,
  matches,
  ordered,
}: {
  items: string[];
  field: string;
  matches?: readonly FieldMatch[];
  ordered?: boolean;
}) {
  const children = items.map((text, i) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: the position is the item's identity (steps may repeat a text).
    <li key={i}>
      <Highlight text={text} ranges={rangesFor(matches, `${field}.${i}`)} />
    </li>
  ));
  return ordered ? <ol>{children}</ol> : <ul>{children}</ul>;
}

function QuestionBody({
  entry,
  lang,
  matches,
}: {
  entry: Question;
  lang: UiLanguage;
  matches?: readonly FieldMatch[];
}) {
  const t = translator(sharedMessages, lang);
  let answer = '';
  if (entry.questionType === 'single') answer = entry.answer;
  else if (entry.questionType === 'multiple') answer = entry.answer.join('、');
  else if (entry.questionType === 'truefalse') answer = entry.answer ? t('answerTrue') : t('answerFalse');
  return (
    <>
      <p class="coach-stem">
        <Highlight text={entry.stem} ranges={rangesFor(matches, 'stem')} />
      </p>
      {'options' in entry && (
        <ol class="coach-options" aria-label={t('options')}>
          {entry.options.map((o, i) => (
            <li key={o.key} class={answer.includes(o.key) ? 'coach-option--answer' : undefined}>
              <span class="coach-option-key">{o.key}.</span>{' '}
              <Highlight text={o.text} ranges={rangesFor(matches, `options.${i}.text`)} />
            </li>
          ))}
        </ol>
      )}
      {answer && (
        <p>
          <strong>{t('answer')}：</strong>
          {answer}
        </p>
      )}
      {entry.questionType === 'open' && (
        <section>
          <h4>
            {t('referencePoints')}
            <CuratedMark entry={entry} field="referencePoints" lang={lang} />
          </h4>
          <List items={entry.referencePoints} field="referencePoints" matches={matches} />
        </section>
      )}
      {entry.explanation && (
        <section>
          <h4>
            {t('explanation')}
            <CuratedMark entry={entry} field="explanation" lang={lang} />
          </h4>
          <p>
            <Highlight text={entry.explanation} ranges={rangesFor(matches, 'explanation')} />
          </p>
        </section>
      )}
    </>
  );
}

/** Team and personal entries may cite only a source name; the built-in pack always gives section and number. */
function sourceLine(entry: Entry, t: Translate<SharedKey>): string {
  const { source, section, number } = entry.provenance;
  if (section !== undefined && number !== undefined) return t('source', { source, section, number });
  if (section !== undefined) return t('sourceSection', { source, section });
  if (number !== undefined) return t('sourceNumber', { source, number });
  return t('sourceOnly', { source });
}

export function EntryDetail({ entry, lang, matches, onCopy, onInsert, actions, footer, headingId }: EntryDetailProps) {
  const t = translator(sharedMessages, lang);
  const phrasings = phrasingsOf(entry);
  return (
    <article class="coach-detail" aria-labelledby={headingId}>
      <header class="coach-detail-header">
        <KindBadge kind={entry.kind} lang={lang} />
        <h3 id={headingId}>
          <Highlight text={entry.title} ranges={rangesFor(matches, 'title')} />
        </h3>
        {actions}
      </header>
      {entry.errata && <ErrataNote errata={entry.errata} lang={lang} />}
      {entry.kind === 'guideline' && (
        <>
          <p class="coach-scenario">
            <strong>
              {t('scenario')}
              <CuratedMark entry={entry} field="scenario" lang={lang} />：
            </strong>
            <Highlight text={entry.scenario} ranges={rangesFor(matches, 'scenario')} />
          </p>
          <section>
            <h4>
              {t('steps')}
              <CuratedMark entry={entry} field="steps" lang={lang} />
            </h4>
            <List items={entry.steps} field="steps" matches={matches} ordered />
          </section>
        </>
      )}
      {entry.kind === 'phrasing' && entry.situation && (
        <p class="coach-scenario">
          <strong>
            {t('situation')}
            <CuratedMark entry={entry} field="situation" lang={lang} />：
          </strong>
          {entry.situation}
        </p>
      )}
      {phrasings.length > 0 && (
        <section>
          <h4>
            {t('phrasings')}
            <CuratedMark entry={entry} field={entry.kind === 'phrasing' ? 'text' : 'phrasings'} lang={lang} />
          </h4>
          <ol class="coach-phrasings">
            {phrasings.map((p, i) => (
              <li key={p.field}>
                <p class="coach-phrasing-text">
                  <Highlight text={p.text} ranges={rangesFor(matches, p.field)} />
                </p>
                {(onCopy || onInsert) && (
                  <div class="coach-phrasing-actions">
                    {i < 9 && <kbd class="coach-kbd">Alt+{i + 1}</kbd>}
                    {onCopy && (
                      <button type="button" onClick={() => onCopy(p.text, i)} aria-label={t('copyLabel', { n: i + 1 })}>
                        {t('copy')}
                      </button>
                    )}
                    {onInsert && (
                      <button
                        type="button"
                        onClick={() => onInsert(p.text, i)}
                        aria-label={t('insertLabel', { n: i + 1 })}
                      >
                        {t('insert')}
                      </button>
                    )}
                  </div>
                )}
              </li>
            ))}
          </ol>
        </section>
      )}
      {entry.kind === 'guideline' && entry.keyPoints.length > 0 && (
        <section>
          <h4>
            {t('keyPoints')}
            <CuratedMark entry={entry} field="keyPoints" lang={lang} />
          </h4>
          <List items={entry.keyPoints} field="keyPoints" matches={matches} />
        </section>
      )}
      {entry.kind === 'guideline' && entry.analysis && (
        <details>
          <summary>
            {t('analysis')}
            <CuratedMark entry={entry} field="analysis" lang={lang} />
          </summary>
          <p>{entry.analysis}</p>
        </details>
      )}
      {entry.kind === 'guideline' && entry.example && (
        <details>
          <summary>
            {t('example')}
            <CuratedMark entry={entry} field="example" lang={lang} />
          </summary>
          <p>{entry.example}</p>
        </details>
      )}
      {entry.kind === 'question' && <QuestionBody entry={entry} lang={lang} matches={matches} />}
      {entry.truncated && <p class="coach-truncated">{t('truncated')}</p>}
      {footer ? (
        <footer class="coach-provenance">{footer}</footer>
      ) : (
        <footer class="coach-provenance">
          <p>{sourceLine(entry, t)}</p>
          {entry.provenance.sectionIntro && (
            <p>
              {t('sectionIntro', {
                section: entry.provenance.section ?? entry.provenance.source,
                text: entry.provenance.sectionIntro,
              })}
            </p>
          )}
          {entry.provenance.curated && (
            <p>
              {t('curatedFields', {
                fields: entry.provenance.curated.map((f) => t(FIELD_LABEL[f])).join(t('listSeparator')),
              })}
            </p>
          )}
          {entry.provenance.note && <p>{entry.provenance.note}</p>}
          <p>{t('reviewed', { date: entry.reviewedAt })}</p>
        </footer>
      )}
    </article>
  );
}
