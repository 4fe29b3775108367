/**
 * The entries and search index the panel searches: the promise handed over at mount (the box takes
 * typing before it resolves), then a fresh corpus whenever packs change in any extension page.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Corpus, PanelApi } from '../../utils/panel/api';

export function usePanelCorpus(api: Pick<PanelApi, 'loadCorpus' | 'watchPacks'>, initial: Corpus | Promise<Corpus>) {
  const [corpus, setCorpus] = useState<Corpus | null>(initial instanceof Promise ? null : initial);
  const [loadFailed, setLoadFailed] = useState(false);

  useEffect(() => {
    let live = true;
    if (initial instanceof Promise) {
      initial.then(
        // A pack change may have delivered a newer corpus first.
        (loaded) => live && setCorpus((c) => c ?? loaded),
        () => live && setLoadFailed(true),
      );
    }
    // A pack imported in the options page while the panel is open becomes searchable right away.
    const unwatch = api.watchPacks(() => {
      api.loadCorpus().then(
        (next) => live && setCorpus(next),
        () => live && setLoadFailed(true),
      );
    });
    return () => {
      live = false;
      unwatch();
    };
  }, [api, initial]);

  useEffect(() => {
    // Marks when results can first show (npm run measure reads it).
    if (corpus && !performance.getEntriesByName('coach:index-ready').length) performance.mark('coach:index-ready');
  }, [corpus]);

  return { corpus, loadFailed };
}
