/** Popup-wide keyboard shortcuts for the item on screen (1–9, Space, Enter, Backspace). */
import { useLayoutEffect, useRef } from 'preact/hooks';
import { isImeComposing } from '../../utils/ime';

/** Return true when the key was handled (its default action is then prevented). */
export type KeyHandler = (event: KeyboardEvent) => boolean;

export function useKeys(handler: KeyHandler): void {
  const latest = useRef(handler);
  latest.current = handler;
  // Layout effect: the keys work as soon as the item is on screen, not a frame later.
  useLayoutEffect(() => {
    const listener = (event: KeyboardEvent) => {
      // Keys typed into an IME composition, or with modifiers, are not shortcuts.
      if (isImeComposing(event) || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.defaultPrevented) return;
      if (latest.current(event)) event.preventDefault();
    };
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, []);
}

/** 0-based index for keys 1–9, else null. */
export function digitIndex(event: KeyboardEvent): number | null {
  return /^[1-9]$/.test(event.key) ? Number(event.key) - 1 : null;
}

/**
 * Enter is ours unless focus is on a button or link: there it keeps its own meaning (a focused
 * 「在侧边栏中查看」 opens the panel, a focused 提交 submits once, not twice).
 */
export function isPlainEnter(event: KeyboardEvent): boolean {
  if (event.key !== 'Enter') return false;
  const target = event.target as Element | null;
  // A button disabled while focused (a placed step) keeps focus in Chrome but does nothing on Enter.
  return !target?.closest?.('button:not(:disabled), a[href], summary');
}
