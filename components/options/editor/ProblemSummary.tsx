/** The editor's list of problems: how many, the first ones in words, each a link to the field concerned. */
import type { Ref } from 'preact';
import type { PackProblem } from '../../../knowledge/problems';
import type { Translate } from '../../../utils/i18n';
import type { DraftEntry } from '../../../utils/packs/edit';
import { describeProblem } from '../../../utils/packs/problem-text';
import type { UiLanguage } from '../../../utils/settings';
import type { EditorKey } from './messages';

const SHOWN_PROBLEMS = 50;

interface Props {
  t: Translate<EditorKey>;
  lang: UiLanguage;
  problems: readonly PackProblem[];
  /** The draft entry a problem's index points at, so it can be named by its title. */
  entryOf(index: number): DraftEntry | undefined;
  onGoTo(problem: PackProblem): void;
  /** Focused when saving or exporting is blocked, so the problems are read next. */
  summaryRef: Ref<HTMLDivElement>;
}

export function ProblemSummary({ t, lang, problems, entryOf, onGoTo, summaryRef }: Props) {
  return (
    <div
      ref={summaryRef}
      tabIndex={-1}
      class={problems.length ? 'problem-summary problem-summary--open' : 'problem-summary'}
    >
      <p id="editor-problems" aria-live="polite">
        {problems.length ? t('problemsCount', { count: problems.length }) : t('problemsNone')}
      </p>
      {problems.length > 0 && (
        <ul>
          {problems.slice(0, SHOWN_PROBLEMS).map((p, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a list recomputed on every edit; two problems may read the same.
            <li key={i}>
              <button type="button" class="link-button" onClick={() => onGoTo(p)}>
                {describeProblem(p, lang, entryOf).sentence}
              </button>
            </li>
          ))}
          {problems.length > SHOWN_PROBLEMS && (
            <li>{t('problemsMore', { count: problems.length - SHOWN_PROBLEMS })}</li>
          )}
        </ul>
      )}
    </div>
  );
}
