/** Keyboard map of the panel's search box, as a pure function of the key event. */
import { isImeComposing } from '../ime';

export type PanelKeyAction =
  | { type: 'move'; by: 1 | -1 }
  | { type: 'first' }
  | { type: 'last' }
  | { type: 'copy' }
  | { type: 'insert' }
  | { type: 'escape' }
  /** Shift+Enter: hand the entry over to the sidebar (where the panel is a transient search popup). */
  | { type: 'sidebar' }
  | { type: 'phrasing'; index: number };

export interface KeyLike {
  key: string;
  code?: string;
  keyCode?: number;
  isComposing?: boolean;
  altKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
  shiftKey?: boolean;
}

/** `null` = not the panel's key (let the input handle it). Nothing acts while an IME is composing. */
export function panelKeyAction(e: KeyLike): PanelKeyAction | null {
  if (isImeComposing(e)) return null;
  // Alt+digit: on macOS Option+1 types "¡", so read the physical key from `code` when present.
  if (e.altKey && !e.ctrlKey && !e.metaKey) {
    const digit = /^Digit([1-9])$/.exec(e.code ?? '')?.[1] ?? (/^[1-9]$/.test(e.key) ? e.key : undefined);
    if (digit) return { type: 'phrasing', index: Number(digit) - 1 };
    return null;
  }
  switch (e.key) {
    case 'ArrowDown':
      return { type: 'move', by: 1 };
    case 'ArrowUp':
      return { type: 'move', by: -1 };
    case 'PageDown':
      return { type: 'last' };
    case 'PageUp':
      return { type: 'first' };
    case 'Enter':
      if (e.shiftKey) return e.ctrlKey || e.metaKey ? null : { type: 'sidebar' };
      return e.ctrlKey || e.metaKey ? { type: 'insert' } : { type: 'copy' };
    case 'Escape':
      return { type: 'escape' };
    default:
      return null;
  }
}
