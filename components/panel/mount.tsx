/**
 * Renders the panel as soon as its small state is read; the corpus follows (a 10,000-entry team pack
 * takes a few hundred ms to load) and the panel keeps what is typed meanwhile. Called by
 * entrypoints/sidepanel/main.tsx.
 */
import { render } from 'preact';
import type { PanelApi } from '../../utils/panel/api';
import { requestFromUrl } from '../../utils/panel/request';
import { Panel } from './Panel';
import './panel.css';

export async function mountPanel(root: HTMLElement, api: PanelApi, search: string): Promise<void> {
  const state = api.loadState();
  // A task later, when the state's small reads are queued: they must not wait behind the index cache's
  // megabytes in the storage backend, or the box would wait for the index.
  const corpus = new Promise((resolve) => setTimeout(resolve, 0)).then(() => api.loadCorpus());
  // Handled by the panel; this only keeps a failure before it mounts from being reported as unhandled.
  corpus.catch(() => undefined);
  const initial = await state;
  document.documentElement.lang = initial.settings.uiLanguage;
  render(<Panel api={api} corpus={corpus} initial={initial} initialRequest={requestFromUrl(search)} />, root);
}
