/**
 * Focus for an ordered list whose items re-render after a move, add or remove: set `focusNext.current` to an
 * index, and that item's box takes focus once the list has rendered.
 */
import { useLayoutEffect, useRef } from 'preact/hooks';

export function useFocusNext<T extends HTMLElement>() {
  const boxes = useRef<(T | null)[]>([]);
  const focusNext = useRef<number | null>(null);
  // Right after the render, not a frame later: a second Alt+↑ typed meanwhile must reach the moved item.
  useLayoutEffect(() => {
    if (focusNext.current === null) return;
    boxes.current[focusNext.current]?.focus();
    focusNext.current = null;
  });
  return { boxes, focusNext };
}
