/**
 * Every async action of the options page runs through `guard`: a rejected promise (storage quota, a lost
 * permission, a browser error) shows as an alert with its reason instead of leaving a button dead and the
 * agent without a word.
 */
import { useCallback, useState } from 'preact/hooks';
import type { Translate } from '../../utils/i18n';
import type { OptionsKey } from './messages';

export function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function useActionError(t: Translate<OptionsKey>) {
  const [error, setError] = useState('');
  const guard = useCallback(
    async <T>(action: () => Promise<T>): Promise<T | undefined> => {
      setError('');
      try {
        return await action();
      } catch (e) {
        setError(t('actionFailed', { message: reasonOf(e) }));
        return undefined;
      }
    },
    [t],
  );
  return { error, guard };
}
