/**
 * Tells a page when the active packs change (import, toggle, reset, policy sync) in any extension page.
 * Small on purpose: the side panel loads it at once, and the index (index-cache.ts) only with its corpus.
 */
import { packIndexCacheItem, packRevisionItem } from './storage';

/** How long to wait for the writer's fresh index before indexing here. */
const CACHE_GRACE_MS = 5_000;

/**
 * Calls `onChange` when the active packs change (import, toggle, reset, policy sync) in any extension
 * page. Every writer caches the new index right after the library, so this fires when that index lands;
 * if it does not land within a few seconds (a writer died), it fires anyway and the page indexes itself.
 */
export function watchActivePacks(onChange: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const fire = () => {
    clearTimeout(timer);
    timer = undefined;
    onChange();
  };
  const unwatch = [
    packRevisionItem.watch(() => {
      clearTimeout(timer);
      timer = setTimeout(fire, CACHE_GRACE_MS);
    }),
    packIndexCacheItem.watch(fire),
  ];
  return () => {
    clearTimeout(timer);
    for (const u of unwatch) u();
  };
}
