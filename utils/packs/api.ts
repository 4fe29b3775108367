/**
 * What the options page needs from the browser: packs, the administrator's policy sync, settings, the
 * no-result log and downloads, as async functions. Implemented in utils/browser/options-api.ts and passed
 * to the page by entrypoints/options/main.tsx; each section takes only the methods it uses.
 */
import type { PackProblem } from '../../knowledge/problems';
import type { Pack } from '../../knowledge/schema';
import type { NoResultRecord } from '../panel/no-result-log';
import type { PersonalOptionsApi } from '../personal/api';
import type { Settings } from '../settings';
import type { SyncOptionsApi } from '../sync/api';
import type { PackDraft } from './edit';
import type { ImportMode, ImportPreview, Outcome } from './import';
import type { CorruptPack, PackLibrary } from './library';
import type { ManagedPolicy, SyncStatus } from './managed-policy';

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
  /**
   * Saves a pack edited in the entry editor, checked as an import of it would be; refused when the stored pack
   * is no longer `base` (changed elsewhere meanwhile). `base` null: a new pack. Gives the pack as saved (dated
   * today): the editor's new base.
   */
  saveDraft(draft: PackDraft, base: Pack | null): Promise<Outcome<{ pack: Pack }>>;
  setPackEnabled(packId: string, enabled: boolean): Promise<ApiResult>;
  setBuiltinEnabled(enabled: boolean): Promise<ApiResult>;
  removePack(packId: string): Promise<ApiResult>;
  resetToBuiltin(): Promise<ApiResult>;
  discardCorrupt(): Promise<void>;
  /** Changes the given settings and keeps the rest as stored (another page may have changed them). */
  saveSettings(patch: Partial<Settings>): Promise<void>;
  clearNoResults(): Promise<void>;
  download(fileName: string, text: string, mime: string): void;
  /** Opens the browser's shortcut settings; false where a page cannot open them (Firefox). */
  openShortcutSettings(): Promise<boolean>;
  requestOriginPermission(url: string): Promise<boolean>;
  syncNow(): Promise<void>;
  /** 「我的话术」 export and import (absent where the page does not offer them). */
  personal?: PersonalOptionsApi;
  /** The browser sync of personal data (absent where the page does not offer it). */
  browserSync?: SyncOptionsApi;
}

/** The methods each section of the page uses. */
export type ImportApi = Pick<OptionsApi, 'preview' | 'apply'>;
export type PackListApi = Pick<
  OptionsApi,
  'setPackEnabled' | 'setBuiltinEnabled' | 'removePack' | 'resetToBuiltin' | 'discardCorrupt' | 'download'
>;
export type EditorApi = Pick<OptionsApi, 'saveDraft' | 'download'>;
export type ManagedApi = Pick<OptionsApi, 'requestOriginPermission' | 'syncNow'>;
export type NoResultsApi = Pick<OptionsApi, 'saveSettings' | 'clearNoResults' | 'download'>;
export type SettingsApi = Pick<OptionsApi, 'saveSettings' | 'openShortcutSettings'>;
