/** Loads what the panel needs, then renders it; called by entrypoints/sidepanel/main.tsx. */
import { render } from 'preact';
import type { PanelApi } from '../../utils/panel-api';
import { requestFromUrl } from '../../utils/panel-request';
import { Panel } from './Panel';
import './panel.css';

export async function mountPanel(root: HTMLElement, api: PanelApi, search: string): Promise<void> {
  const [corpus, initial] = await Promise.all([api.loadCorpus(), api.loadState()]);
  document.documentElement.lang = initial.settings.uiLanguage;
  render(<Panel api={api} corpus={corpus} initial={initial} initialRequest={requestFromUrl(search)} />, root);
}
