/**
 * Problems of a failed import or change: each in words in the UI language (which entry, which field, what
 * is wrong), with the technical place (`team.json:12 · entries[3].steps`) small beside it for whoever fixes
 * the file in an editor.
 */
import type { PackProblem } from '../../knowledge/problems';
import type { Translate } from '../../utils/i18n';
import { describeProblem, problemPlace } from '../../utils/packs/problem-text';
import type { UiLanguage } from '../../utils/settings';
import type { OptionsKey } from './messages';

const SHOWN = 200;

export function ProblemList({
  t,
  lang,
  file,
  problems,
}: {
  t: Translate<OptionsKey>;
  lang: UiLanguage;
  file: string;
  problems: PackProblem[];
}) {
  if (!problems.length) return null;
  return (
    <>
      <p>
        <strong>{t('problemsHeading', { count: problems.length })}</strong>
      </p>
      <ul class="problems">
        {problems.slice(0, SHOWN).map((p, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list, and two problems may read the same.
          <li key={i}>
            <span class="problem-text">{describeProblem(p, lang).sentence}</span>
            {(file || p.path) && <code class="problem-place">{problemPlace(file, p)}</code>}
          </li>
        ))}
      </ul>
      {problems.length > SHOWN && <p>{t('more', { count: problems.length - SHOWN })}</p>}
    </>
  );
}
