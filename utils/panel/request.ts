/** `sidepanel.html?q=退款` searches, `?open=ID` shows one entry: links and tests can open the panel in a state. */
import type { PanelRequest } from './api';

export function requestFromUrl(search: string): PanelRequest | null {
  const params = new URLSearchParams(search);
  const id = params.get('open')?.trim();
  if (id) return { type: 'open', id };
  const q = params.get('q')?.trim();
  return q ? { type: 'search', query: q.slice(0, 500) } : null;
}

/**
 * Where the panel runs: the side panel / sidebar, or (`?surface=popup`) the toolbar popup that Firefox's
 * shortcut opens for typing at once (Firefox gives its sidebar no keyboard focus; see README).
 */
export type PanelSurface = 'panel' | 'popup';

export function surfaceFromUrl(search: string): PanelSurface {
  return new URLSearchParams(search).get('surface') === 'popup' ? 'popup' : 'panel';
}
