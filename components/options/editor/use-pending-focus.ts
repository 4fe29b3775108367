/**
 * Focus that follows the editor's flow once the next render is on screen: opening or closing a pack replaces
 * the form the focus was in (the section takes it, so reading goes on there), an added entry's title, a
 * problem's field, the undo of a removal. The last request before a render wins.
 */
import type { RefObject } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';

/** `section`, the title field of the selected entry, or the first of these element ids that exists. */
export type FocusTarget = 'section' | 'title' | readonly string[];

export function usePendingFocus(section: RefObject<HTMLElement | null>, title: RefObject<HTMLElement | null>) {
  const pending = useRef<FocusTarget | null>(null);
  // Right after the render, not a frame later: keys typed meanwhile go where the flow now is.
  useLayoutEffect(() => {
    const target = pending.current;
    if (!target) return;
    pending.current = null;
    if (target === 'section') section.current?.focus();
    else if (target === 'title') title.current?.focus();
    else
      for (const id of target) {
        const el = document.getElementById(id);
        if (el) {
          el.focus();
          break;
        }
      }
  });
  return pending;
}

/** Ids of the elements a problem's field is edited in, most specific first (EntryForm names them so). */
export function controlIds(index: number, field: readonly (string | number)[]): string[] {
  const base = `edit-${index}`;
  const [head, i] = field;
  if (head === undefined) return [`${base}-title`];
  if (head === 'provenance') return [`${base}-${String(i ?? 'source')}`, `${base}-source`];
  if (head === 'options') return [`${base}-options-${typeof i === 'number' ? i : 0}`];
  if (head === 'answer') return [`${base}-options-0`, `${base}-tf`];
  if (typeof i === 'number') return [`${base}-${String(head)}-${i}`, `${base}-${String(head)}`];
  return [`${base}-${String(head)}`, `${base}-${String(head)}-0`, `${base}-title`];
}
