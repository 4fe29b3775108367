import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// See https://wxt.dev/api/config.html
export default defineConfig({
  // Separate output dirs let several builds (and e2e runs) work side by side.
  outDir: process.env.COACH_OUT_DIR ?? '.output',
  // Explicit imports only: what a file uses is visible in it, and lint can hold each layer to its imports.
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    // No host permissions at install: insertion uses activeTab + scripting on a user gesture;
    // page suggestions and managed pack URLs ask for origins at run time.
    permissions: [
      'storage',
      'activeTab',
      'scripting',
      'contextMenus',
      'alarms',
      'clipboardWrite',
      // Team packs of 10,000 entries and their cached search index exceed storage.local's 10 MB quota.
      'unlimitedStorage',
      ...(browser === 'firefox' ? [] : ['sidePanel']),
    ],
    // Lets an administrator push a team pack by policy (Firefox reads policies.json without a schema).
    ...(browser === 'firefox' ? {} : { storage: { managed_schema: 'managed_schema.json' } }),
    // sidePanel.open (the shortcut and the quiz's 「在侧边栏中查看」) exists from Chrome 116 on.
    ...(browser === 'firefox' ? {} : { minimum_chrome_version: '116' }),
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    commands: {
      ...(browser === 'firefox'
        ? {
            // Firefox gives its sidebar no keyboard focus: the shortcut opens the search popup instead (see
            // utils/browser/side-panel.ts), and the sidebar keeps a command the agent may bind a key to.
            'open-panel': { suggested_key: { default: 'Alt+Shift+K' }, description: '__MSG_cmdOpenSearch__' },
            _execute_sidebar_action: { description: '__MSG_cmdOpenSidebar__' },
          }
        : { 'open-panel': { suggested_key: { default: 'Alt+Shift+K' }, description: '__MSG_cmdOpenPanel__' } }),
      'search-selection': {
        // Firefox's menu bar takes Alt+Shift+S (History's access key S), so the command never fires there.
        suggested_key: { default: browser === 'firefox' ? 'Alt+Shift+L' : 'Alt+Shift+S' },
        description: '__MSG_cmdSearchSelection__',
      },
      // M for 「我的」; no menu bar access key in Firefox.
      'save-selection': { suggested_key: { default: 'Alt+Shift+M' }, description: '__MSG_cmdSaveSelection__' },
    },
    ...(browser === 'firefox'
      ? {
          // MV2 has no optional_host_permissions: per-site access is requested from optional_permissions.
          optional_permissions: ['https://*/*', 'http://*/*'],
          browser_specific_settings: {
            gecko: {
              id: 'agent-coach@example.org',
              strict_min_version: '140.0',
              // Nothing leaves the machine.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
