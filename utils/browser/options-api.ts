/**
 * The options page's access to the browser: packs, policy sync, settings, the no-result log and
 * downloads, as async functions. Built here (the one browser adapter) and passed to the page by main.tsx.
 */
import { browser } from 'wxt/browser';
import type { PackProblem } from '../../knowledge/loader';
import type { Pack } from '../../knowledge/schema';
import {
  commitImport,
  type ImportMode,
  type ImportPreview,
  type LibraryStore,
  type Outcome,
  previewImport,
} from '../packs/import';
import {
  type CorruptPack,
  type LibraryResult,
  type PackLibrary,
  removePack,
  resetToBuiltin,
  setBuiltinEnabled,
  setPackEnabled,
} from '../packs/library';
import type { ManagedPolicy, SyncStatus } from '../packs/managed-policy';
import { originPattern } from '../packs/managed-policy';
import { type NoResultRecord, repairNoResultLog } from '../panel/history';
import { dayKey } from '../quiz/day';
import { repairSettings, type Settings } from '../settings';
import { rebuildIndexCache } from './index-build';
import {
  builtinPacks,
  discardCorruptPacks,
  readCorruptPacks,
  readPackLibrary,
  watchCorruptPacks,
  watchPackLibrary,
  writePackLibrary,
} from './pack-store';
import { hasOriginPermission, readManagedPolicy, syncManagedPack } from './packs-background';
import { managedSyncStatusItem, noResultLogItem, readRepaired, readSettings, settingsItem } from './storage';

/** The administrator's policy, read apart from the rest: right after browser start it can take seconds. */
export interface PolicyState {
  policy: ManagedPolicy | null;
  policyProblems: string[];
  /** Whether the policy pack URL's origin is granted; null when there is no URL. */
  originGranted: boolean | null;
}

export interface OptionsState {
  library: PackLibrary;
  builtin: Pack[];
  corrupt: CorruptPack[];
  syncStatus: SyncStatus | null;
  settings: Settings;
  noResults: NoResultRecord[];
}

export type ApiResult = { ok: true } | { ok: false; problems: PackProblem[] };

export interface OptionsApi {
  load(): Promise<OptionsState>;
  loadPolicy(): Promise<PolicyState>;
  /** Calls back when packs, settings, the no-result log or the sync status change (any tab). */
  watch(onChange: () => void): () => void;
  preview(
    file: { name: string; bytes: Uint8Array },
    csvPack?: { id: string; name: string },
  ): Promise<Outcome<{ preview: ImportPreview; revision: number }>>;
  apply(preview: ImportPreview, mode: ImportMode, from: string, revision: number): Promise<ApiResult>;
  setPackEnabled(packId: string, enabled: boolean): Promise<ApiResult>;
  setBuiltinEnabled(enabled: boolean): Promise<ApiResult>;
  removePack(packId: string): Promise<ApiResult>;
  resetToBuiltin(): Promise<ApiResult>;
  discardCorrupt(): Promise<void>;
  saveSettings(settings: Settings): Promise<void>;
  clearNoResults(): Promise<void>;
  download(fileName: string, text: string, mime: string): void;
  /** Opens the browser's shortcut settings; false where a page cannot open them (Firefox). */
  openShortcutSettings(): Promise<boolean>;
  requestOriginPermission(url: string): Promise<boolean>;
  syncNow(): Promise<void>;
}

const asProblems = (message: string): ApiResult => ({ ok: false, problems: [{ path: '', message }] });

async function mutate(change: (library: PackLibrary) => LibraryResult): Promise<ApiResult> {
  const library = await readPackLibrary();
  const result = change(library);
  if (!result.ok) return result;
  return write(result.library, library.revision);
}

/** Writes the library, then indexes it once so the panel opens on the new packs without indexing. */
async function write(next: PackLibrary, expectedRevision: number): Promise<ApiResult> {
  const written = await writePackLibrary(next, expectedRevision);
  if (!written.ok) return asProblems(written.message);
  await rebuildIndexCache(next);
  return { ok: true };
}

const LIBRARY_STORE: LibraryStore = { read: readPackLibrary, write: writePackLibrary };

export function createOptionsApi(): OptionsApi {
  return {
    async load() {
      // The library first: reading it is what sets damaged packs aside.
      const library = await readPackLibrary();
      const [corrupt, syncStatus, settings, noResults] = await Promise.all([
        readCorruptPacks(),
        managedSyncStatusItem.getValue(),
        readSettings(),
        readRepaired(noResultLogItem, repairNoResultLog, []),
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
      await rebuildIndexCache(result.library);
      return { ok: true };
    },
    setPackEnabled: (packId, enabled) => mutate((lib) => setPackEnabled(lib, packId, enabled)),
    setBuiltinEnabled: (enabled) => mutate((lib) => ({ ok: true, library: setBuiltinEnabled(lib, enabled) })),
    removePack: (packId) => mutate((lib) => removePack(lib, packId)),
    resetToBuiltin: () => mutate((lib) => ({ ok: true, library: resetToBuiltin(lib) })),
    discardCorrupt: discardCorruptPacks,
    async saveSettings(settings) {
      await settingsItem.setValue(repairSettings(settings));
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
  };
}
