/**
 * 「我的话术」 as stored (`local:personalPhrasings`): read repaired record by record, changed under the
 * item's lock. No search code here (the side panel loads this at once); their pinyin is computed by the
 * background (personal-pinyin.ts).
 */
import {
  deletePhrasing,
  livePhrasings,
  type PersonalPhrasing,
  type PersonalStore,
  type PhrasingDraft,
  repairPersonalStore,
  restorePhrasing,
  type SaveResult,
  savePhrasing,
} from '../personal/phrasings';
import type { PinyinTable } from '../search/pinyin-table';
import { hashString } from '../text/hash';
import { personalPhrasingsItem, personalPinyinItem, readRepaired, updateRepaired } from './storage';

export const readPersonalStore = (now = Date.now()) =>
  readRepaired(personalPhrasingsItem, repairPersonalStore, {}, now);

export function updatePersonalStore(change: (store: PersonalStore) => PersonalStore, now = Date.now()) {
  return updateRepaired(personalPhrasingsItem, repairPersonalStore, {}, change, now);
}

/** Adds (no `id`) or changes a phrasing; `guidelines` are the ids a link may point at. */
export async function savePersonal(
  draft: PhrasingDraft,
  id: string | undefined,
  guidelines: ReadonlySet<string>,
  now = Date.now(),
): Promise<SaveResult> {
  let result: SaveResult | undefined;
  await updatePersonalStore((store) => {
    result = savePhrasing(store, draft, { id, now, guidelines });
    return result.ok ? result.store : store;
  }, now);
  return result as SaveResult;
}

/** Deletes a phrasing (a tombstone stays for the other browsers); returns it for undo. */
export async function deletePersonal(id: string, now = Date.now()): Promise<PersonalPhrasing | undefined> {
  let removed: PersonalPhrasing | undefined;
  await updatePersonalStore((store) => {
    const result = deletePhrasing(store, id, now);
    removed = result.removed;
    return result.store;
  }, now);
  return removed;
}

export async function restorePersonal(record: PersonalPhrasing, now = Date.now()): Promise<void> {
  await updatePersonalStore((store) => restorePhrasing(store, record, now), now);
}

/** Which versions of the phrasings a pinyin table was computed for. */
export function pinyinKey(records: readonly PersonalPhrasing[]): string {
  const text = records.map((r) => `${r.id}@${r.updatedAt}`).join('\n');
  return `${records.length}.${hashString(text).toString(36)}`;
}

/** The live phrasings and the pinyin table the panel indexes them with. */
export async function readPersonalCorpus(): Promise<{ records: PersonalPhrasing[]; pinyin: PinyinTable }> {
  const [store, pinyin] = await Promise.all([readPersonalStore(), personalPinyinItem.getValue()]);
  return { records: livePhrasings(store), pinyin: pinyin?.table ?? {} };
}

export function watchPersonalCorpus(onChange: () => void): () => void {
  const unwatch = [personalPhrasingsItem.watch(() => onChange()), personalPinyinItem.watch(() => onChange())];
  return () => {
    for (const u of unwatch) u();
  };
}
