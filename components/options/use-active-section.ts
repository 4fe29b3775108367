/** Which section of the page is in view, for the navigation list's `aria-current`. */
import { useEffect, useState } from 'preact/hooks';

export function useActiveSection(ids: readonly string[], ready: boolean): string {
  const [active, setActive] = useState(ids[0] ?? '');
  useEffect(() => {
    if (!ready || typeof IntersectionObserver === 'undefined') return;
    const visible = new Map<string, number>();
    const observer = new IntersectionObserver(
      (entries) => {
        for (const e of entries) visible.set(e.target.id, e.isIntersecting ? e.intersectionRatio : 0);
        // The first section (in page order) that shows a fair part of itself.
        const first = ids.find((id) => (visible.get(id) ?? 0) > 0.15) ?? ids.find((id) => (visible.get(id) ?? 0) > 0);
        if (first) setActive(first);
      },
      { threshold: [0, 0.15, 0.5, 1], rootMargin: '0px 0px -40% 0px' },
    );
    for (const id of ids) {
      const el = document.getElementById(id);
      if (el) observer.observe(el);
    }
    return () => observer.disconnect();
  }, [ids, ready]);
  return active;
}
