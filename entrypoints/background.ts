import { defineBackground } from 'wxt/utils/define-background';
import { registerPermissionListeners } from '../utils/browser/origin-permissions';
import { registerPacksListeners } from '../utils/browser/packs-background';
import { registerPanelListeners } from '../utils/browser/panel-background';
import { registerQuizListeners } from '../utils/browser/quiz-background';
import { registerSyncListeners } from '../utils/browser/sync-background';

export default defineBackground(() => {
  // Listeners must be registered synchronously at start-up so MV3 wakes the worker for them.
  registerPanelListeners();
  registerQuizListeners();
  registerPacksListeners();
  registerSyncListeners();
  registerPermissionListeners();
});
