/** Problems of a failed import or change, one line each with where (line or JSON path) and the entry id. */
import { formatProblem, type PackProblem } from '../../knowledge/loader';
import type { Translate } from '../../utils/i18n';
import type { OptionsKey } from './messages';

const SHOWN = 200;

export function ProblemList({
  t,
  file,
  problems,
}: {
  t: Translate<OptionsKey>;
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
          <li key={i}>{formatProblem(file, p)}</li>
        ))}
      </ul>
      {problems.length > SHOWN && <p>{t('more', { count: problems.length - SHOWN })}</p>}
    </>
  );
}
