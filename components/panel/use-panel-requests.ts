/** Requests from elsewhere (context menu, shortcut, the quiz's 「在侧边栏中查看」): applied as they come. */
import { useEffect, useRef } from 'preact/hooks';
import type { PanelApi, PanelRequest } from '../../utils/panel/api';

export function usePanelRequests(api: Pick<PanelApi, 'watchRequests'>, apply: (request: PanelRequest) => void) {
  // The latest callback, without re-subscribing (a re-subscription would replay a pending request).
  const latest = useRef(apply);
  latest.current = apply;
  useEffect(() => api.watchRequests((request) => latest.current(request)), [api]);
}
