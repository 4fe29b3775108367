/** Entries whose reviewedAt is older than N days (adjustable, default 180), oldest first. */
import { useMemo, useState } from 'preact/hooks';
import type { Translate } from '../../utils/i18n';
import type { OptionsState } from '../../utils/packs/api';
import { DEFAULT_STALE_DAYS, staleEntries } from '../../utils/packs/freshness';
import { activePacks } from '../../utils/packs/library';
import type { OptionsKey } from './messages';

const SHOWN = 100;

export function FreshnessSection({
  t,
  state,
  today,
}: {
  t: Translate<OptionsKey>;
  state: OptionsState;
  today: string;
}) {
  const [days, setDays] = useState(DEFAULT_STALE_DAYS);
  const stale = useMemo(
    () => staleEntries(activePacks(state.library, state.builtin), days, today),
    [state.library, state.builtin, days, today],
  );
  return (
    <section aria-labelledby="fresh-heading">
      <h2 id="fresh-heading">{t('freshHeading')}</h2>
      <label>
        {t('freshDays')}{' '}
        <input
          type="number"
          min={1}
          max={3650}
          value={days}
          onChange={(e) => {
            const n = Number((e.currentTarget as HTMLInputElement).value);
            if (Number.isInteger(n) && n >= 1) setDays(n);
          }}
        />
      </label>
      {stale.length === 0 ? (
        <p>{t('freshNone', { days })}</p>
      ) : (
        <>
          <p>{t('freshCount', { count: stale.length, days })}</p>
          <ul>
            {stale.slice(0, SHOWN).map((s) => (
              <li key={`${s.packName}/${s.entry.id}`}>
                {t('freshRow', {
                  title: s.entry.title,
                  id: s.entry.id,
                  pack: s.packName,
                  date: s.entry.reviewedAt,
                  age: s.ageDays,
                })}
              </li>
            ))}
          </ul>
          {stale.length > SHOWN && <p>{t('more', { count: stale.length - SHOWN })}</p>}
        </>
      )}
    </section>
  );
}
