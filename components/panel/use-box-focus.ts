/**
 * The search box has focus when the panel opens and whenever the panel regains focus with nothing else
 * focused (the shortcut pressed while it is open), so the agent can always just type.
 */
import type { RefObject } from 'preact';
import { useCallback, useEffect } from 'preact/hooks';

export function useBoxFocus(input: RefObject<HTMLInputElement>) {
  const focusBox = useCallback(() => input.current?.focus(), [input]);
  useEffect(() => {
    focusBox();
    // The box takes typing from here on (unless the page's early box already did: early-box.ts); results
    // may wait for `coach:index-ready` (npm run measure).
    if (performance.getEntriesByName('coach:interactive').length === 0) performance.mark('coach:interactive');
    const onFocus = () => {
      if (document.activeElement === document.body) focusBox();
    };
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [focusBox]);
  return focusBox;
}
