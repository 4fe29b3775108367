import { mountPanel } from '../../components/panel/mount';
import { createPanelApi } from '../../utils/browser/panel-api';
import { surfaceFromUrl } from '../../utils/panel/request';

void mountPanel(
  document.getElementById('app') as HTMLElement,
  createPanelApi(surfaceFromUrl(location.search)),
  location.search,
);
