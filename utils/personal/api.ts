/** What the options page needs for 「我的话术」: the pack to export, and importing a pack file into them. */
import type { PackProblem } from '../../knowledge/problems';
import type { Pack } from '../../knowledge/schema';
import type { PersonalImport } from './pack';

export type PersonalImportResult =
  | ({ ok: true } & Omit<PersonalImport, 'store'>)
  | { ok: false; problems: PackProblem[] };

export interface PersonalOptionsApi {
  /** The personal phrasings as a pack (what Export writes). */
  load(): Promise<Pack>;
  /** A pack file (JSON or CSV, as for team packs): its phrasings are added to the personal ones. */
  importFile(file: { name: string; bytes: Uint8Array }): Promise<PersonalImportResult>;
  watch(onChange: () => void): () => void;
}
