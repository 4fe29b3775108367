import { mountPanel } from '../../components/panel/mount';
import { createPanelApi } from '../../utils/browser/panel-api';

void mountPanel(document.getElementById('app') as HTMLElement, createPanelApi(), location.search);
