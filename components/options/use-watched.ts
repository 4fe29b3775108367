/**
 * A value an options section loads and loads again on every change its api announces (another tab, the
 * background's sync). A failed load is kept as a reason to show, so a section never stays blank in silence.
 */
import { useEffect, useState } from 'preact/hooks';
import { reasonOf } from './use-action-error';

export interface Watched<T> {
  load(): Promise<T>;
  watch(onChange: () => void): () => void;
}

export function useWatched<T>(source: Watched<T>): { value: T | null; loadError: string } {
  const [value, setValue] = useState<T | null>(null);
  const [loadError, setLoadError] = useState('');
  useEffect(() => {
    let live = true;
    const load = () =>
      source.load().then(
        (v) => {
          if (!live) return;
          setValue(v);
          setLoadError('');
        },
        (error: unknown) => live && setLoadError(reasonOf(error)),
      );
    void load();
    const unwatch = source.watch(load);
    return () => {
      live = false;
      unwatch();
    };
  }, [source]);
  return { value, loadError };
}
