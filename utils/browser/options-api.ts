/** The options page's OptionsApi (utils/packs/api.ts) on real browser APIs. */
import { browser } from 'wxt/browser';
import type { ApiResult, OptionsApi } from '../packs/api';
import { commitDraft } from '../packs/edit';
import { commitImport, type LibraryStore, previewImport } from '../packs/import';
import {
  type LibraryResult,
  type PackLibrary,
  removePack,
  resetToBuiltin,
  setBuiltinEnabled,
  setPackEnabled,
} from '../packs/library';
import { originPattern } from '../packs/managed-policy';
import { cleanNoResultLog, repairNoResultLog } from '../panel/no-result-log';
import type { PersonalOptionsApi } from '../personal/api';
import { importIntoPersonal, personalPack } from '../personal/pack';
import { PERSONAL_PACK_ID, PERSONAL_PACK_NAME } from '../personal/phrasings';
import { dayKey } from '../quiz/day';
import type { SyncOptionsApi } from '../sync/api';
import { repairSyncPrefs } from '../sync/status';
import { syncBrowserData } from './browser-sync';
import { rebuildIndexCache } from './index-build';
import { hasOriginPermission, readManagedPolicy, syncManagedPack } from './managed-sync';
import {
  activeEntriesOf,
  builtinPacks,
  discardCorruptPacks,
  readCorruptPacks,
  readPackLibrary,
  watchCorruptPacks,
  watchPackLibrary,
  writePackLibrary,
} from './pack-store';
import { readPersonalStore, updatePersonalStore } from './personal-store';
import {
  managedSyncStatusItem,
  noResultLogItem,
  personalPhrasingsItem,
  readRepaired,
  readSettings,
  settingsItem,
  syncDamagedItem,
  syncPrefsItem,
  syncStatusItem,
  updateRepaired,
  updateSettings,
} from './storage';

const asProblems = (message: string): ApiResult => ({
  ok: false,
  problems: [{ path: '', message, code: 'changedElsewhere' }],
});

async function mutate(change: (library: PackLibrary) => LibraryResult): Promise<ApiResult> {
  const library = await readPackLibrary();
  const result = change(library);
  if (!result.ok) return result;
  return write(result.library, library.revision);
}

/**
 * Indexes a library just written, so the panel opens on it without indexing. The packs are stored already:
 * a failed build is logged, not reported as a failed change, and the background (which watches the
 * revision) builds the index again.
 */
async function indexWritten(library: PackLibrary): Promise<void> {
  try {
    await rebuildIndexCache(library);
  } catch (error) {
    console.error('indexing the packs failed; the background will index them again', error);
  }
}

/** Writes the library, then indexes it once. */
async function write(next: PackLibrary, expectedRevision: number): Promise<ApiResult> {
  const written = await writePackLibrary(next, expectedRevision);
  if (!written.ok) return asProblems(written.message);
  await indexWritten(written.library);
  return { ok: true };
}

/**
 * The no-result log as it may be kept (expired entries dropped, numbers and addresses masked): what an
 * older release or a long pause left in storage is removed there too, not only hidden from the page.
 */
async function readNoResultLog(now = Date.now()) {
  const log = await readRepaired(noResultLogItem, repairNoResultLog, []);
  if (JSON.stringify(cleanNoResultLog(log, now)) === JSON.stringify(log)) return log;
  return updateRepaired(noResultLogItem, repairNoResultLog, [], (current) => cleanNoResultLog(current, now));
}

const LIBRARY_STORE: LibraryStore = { read: readPackLibrary, write: writePackLibrary };

function personalOptionsApi(): PersonalOptionsApi {
  return {
    load: async () => personalPack(await readPersonalStore()),
    async importFile(file) {
      // The same decoding and validation as a team pack's import; then only its phrasings are taken.
      const library = await readPackLibrary();
      const source = {
        bytes: file.bytes,
        fileName: file.name,
        csvPack: { id: PERSONAL_PACK_ID, name: PERSONAL_PACK_NAME },
      };
      const preview = previewImport(library, builtinPacks(), source, dayKey());
      if (!preview.ok) return preview;
      const takenIds = new Set(activeEntriesOf(library).map((e) => e.id));
      let summary: ReturnType<typeof importIntoPersonal> | undefined;
      await updatePersonalStore((store) => {
        summary = importIntoPersonal(store, preview.preview.pack.entries, { now: Date.now(), takenIds });
        return summary.added + summary.updated ? summary.store : store;
      });
      const { store: _store, ...counts } = summary as NonNullable<typeof summary>;
      return { ok: true, ...counts };
    },
    watch: (onChange) => personalPhrasingsItem.watch(() => onChange()),
  };
}

function syncOptionsApi(): SyncOptionsApi {
  return {
    async load() {
      const [prefs, status, damaged] = await Promise.all([
        syncPrefsItem.getValue(),
        syncStatusItem.getValue(),
        syncDamagedItem.getValue(),
      ]);
      return { prefs: repairSyncPrefs(prefs), status, damaged: Array.isArray(damaged) ? damaged : [] };
    },
    async setEnabled(enabled) {
      await updateRepaired(syncPrefsItem, repairSyncPrefs, { enabled: true }, (prefs) => ({ ...prefs, enabled }));
    },
    async syncNow() {
      await syncBrowserData();
    },
    async discardDamaged() {
      await syncDamagedItem.setValue([]);
    },
    watch(onChange) {
      const unwatch = [syncPrefsItem, syncStatusItem, syncDamagedItem].map((item) => item.watch(() => onChange()));
      return () => {
        for (const u of unwatch) u();
      };
    },
  };
}

export function createOptionsApi(): OptionsApi {
  return {
    async load() {
      // The library first: reading it is what sets damaged packs aside.
      const library = await readPackLibrary();
      const [corrupt, syncStatus, settings, noResults] = await Promise.all([
        readCorruptPacks(),
        managedSyncStatusItem.getValue(),
        readSettings(),
        readNoResultLog(),
      ]);
      return {
        library,
        builtin: builtinPacks(),
        corrupt,
        syncStatus,
        settings,
        noResults,
      };
    },
    async loadPolicy() {
      const managed = await readManagedPolicy();
      const url = managed.policy?.packUrl;
      return {
        policy: managed.policy,
        policyProblems: managed.problems,
        originGranted: url ? await hasOriginPermission(url) : null,
      };
    },
    watch(onChange) {
      const unwatch = [
        watchPackLibrary(onChange),
        watchCorruptPacks(onChange),
        settingsItem.watch(onChange),
        noResultLogItem.watch(onChange),
        managedSyncStatusItem.watch(onChange),
      ];
      return () => {
        for (const u of unwatch) u();
      };
    },
    async preview(file, csvPack) {
      const library = await readPackLibrary();
      const result = previewImport(
        library,
        builtinPacks(),
        { bytes: file.bytes, fileName: file.name, csvPack },
        dayKey(),
      );
      return result.ok ? { ok: true, preview: result.preview, revision: library.revision } : result;
    },
    async apply(preview, mode, from, revision) {
      const meta = { from, now: Date.now(), previewRevision: revision };
      const result = await commitImport(LIBRARY_STORE, builtinPacks(), preview.pack, mode, meta);
      if (!result.ok) return result;
      await indexWritten(result.library);
      return { ok: true };
    },
    async saveDraft(draft, base) {
      const meta = { now: Date.now(), today: dayKey(), from: '' };
      const result = await commitDraft(LIBRARY_STORE, builtinPacks(), draft, base, meta);
      if (!result.ok) return result;
      await rebuildIndexCache(result.library);
      return { ok: true, pack: result.pack };
    },
    setPackEnabled: (packId, enabled) => mutate((lib) => setPackEnabled(lib, packId, enabled)),
    setBuiltinEnabled: (enabled) => mutate((lib) => ({ ok: true, library: setBuiltinEnabled(lib, enabled) })),
    removePack: (packId) => mutate((lib) => removePack(lib, packId)),
    resetToBuiltin: () => mutate((lib) => ({ ok: true, library: resetToBuiltin(lib) })),
    discardCorrupt: discardCorruptPacks,
    async saveSettings(patch) {
      await updateSettings(patch);
    },
    async clearNoResults() {
      await noResultLogItem.setValue([]);
    },
    download(fileName, text, mime) {
      const url = URL.createObjectURL(new Blob([text], { type: mime }));
      const a = document.createElement('a');
      a.href = url;
      a.download = fileName;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
    async openShortcutSettings() {
      if (import.meta.env.FIREFOX) return false;
      await browser.tabs.create({ url: 'chrome://extensions/shortcuts' });
      return true;
    },
    async requestOriginPermission(url) {
      // Must run in the click handler's task: permissions.request needs a user gesture.
      const granted = await browser.permissions.request({ origins: [originPattern(url)] });
      if (granted) await syncManagedPack(true);
      return granted;
    },
    async syncNow() {
      await syncManagedPack(true);
    },
    personal: personalOptionsApi(),
    browserSync: syncOptionsApi(),
  };
}
