/**
 * Renders the panel as soon as its small state is read; the corpus follows (a 10,000-entry team pack
 * takes a few hundred ms to load) and the panel keeps what is typed meanwhile — also what was typed into
 * the page's early box before this code loaded (early-box.ts). Called by
 * entrypoints/sidepanel/main.tsx.
 */
import { render } from 'preact';
import type { PanelApi } from '../../utils/panel/api';
import { requestFromUrl, surfaceFromUrl } from '../../utils/panel/request';
import { earlyText, handOver } from './early-box';
import { Panel } from './Panel';
import './panel.css';
import './personal.css';

export async function mountPanel(root: HTMLElement, api: PanelApi, search: string): Promise<void> {
  // The small state first (one storage call); the corpus's chunk and index cache load behind it.
  const state = api.loadState();
  const corpus = api.loadCorpus();
  // Handled by the panel (usePanelCorpus); this only keeps a failure before it mounts from being reported
  // as unhandled.
  corpus.catch(() => undefined);
  const initial = await state;
  document.documentElement.lang = initial.settings.uiLanguage;
  const surface = surfaceFromUrl(search);
  document.documentElement.dataset.surface = surface;
  // Read, rendered and handed over in one task: nothing typed meanwhile can fall between the two boxes.
  const early = await earlyText();
  render(
    <Panel
      api={api}
      corpus={corpus}
      initial={initial}
      initialRequest={requestFromUrl(search)}
      early={early}
      surface={surface}
    />,
    root,
  );
  handOver(root.querySelector<HTMLInputElement>('input[role="combobox"]'), early);
}
