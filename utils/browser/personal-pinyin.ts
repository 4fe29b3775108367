/**
 * The pinyin of the personal phrasings' texts, for `tlx`-style search in the side panel, which does not
 * load pinyin-pro: computed by the background whenever they change, stored in `local:personalPinyin`.
 */
import type { Entry } from '../../knowledge/schema';
import { livePhrasings, toEntry } from '../personal/phrasings';
import { buildDocs } from '../search/build';
import type { PinyinTable } from '../search/pinyin-table';
import { pinyinKey, readPersonalStore } from './personal-store';
import { personalPinyinItem } from './storage';

/**
 * Computes the pinyin of the personal phrasings' texts when the stored table is not for their current
 * versions. Needs pinyin-pro: called by the background (and the options page), never by the panel.
 */
export async function ensurePersonalPinyin(
  pinyinOf: (texts: readonly string[]) => PinyinTable,
  timeZone?: string,
): Promise<void> {
  const records = livePhrasings(await readPersonalStore());
  const key = pinyinKey(records);
  if ((await personalPinyinItem.getValue())?.key === key) return;
  const entries: Entry[] = records.map((r) => toEntry(r, timeZone));
  const { table } = buildDocs(entries, pinyinOf);
  // Written only if the phrasings did not change meanwhile (else the next run computes the newer table).
  if (pinyinKey(livePhrasings(await readPersonalStore())) === key) await personalPinyinItem.setValue({ key, table });
}
