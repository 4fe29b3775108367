/** 「我的话术」 as a pack file: exported like any pack (JSON or CSV), imported back phrasing by phrasing. */
import { type Entry, PACK_FORMAT, PACK_FORMAT_VERSION, type Pack } from '../../knowledge/schema';
import {
  isTombstone,
  livePhrasings,
  PERSONAL_PACK_ID,
  PERSONAL_PACK_NAME,
  type PersonalPhrasing,
  type PersonalStore,
  PHRASING_LIMITS,
  toEntry,
  uniqueIdIn,
} from './phrasings';

export function personalPack(store: PersonalStore, timeZone?: string): Pack {
  return {
    format: PACK_FORMAT,
    formatVersion: PACK_FORMAT_VERSION,
    id: PERSONAL_PACK_ID,
    name: PERSONAL_PACK_NAME,
    language: 'zh-CN',
    entries: livePhrasings(store).map((r) => toEntry(r, timeZone)),
  };
}

export interface PersonalImport {
  store: PersonalStore;
  added: number;
  updated: number;
  unchanged: number;
  /** Entries that are not phrasings, or too long for a personal phrasing: by id, with the reason. */
  skipped: { id: string; reason: 'not-phrasing' | 'too-long' }[];
}

/**
 * Adds the phrasings of a validated pack to the personal ones: an id already among them updates it, an id
 * used by a team or built-in entry (`takenIds`) gets a new id, anything else keeps its id. Never deletes.
 */
export function importIntoPersonal(
  store: PersonalStore,
  entries: readonly Entry[],
  options: { now: number; takenIds: ReadonlySet<string>; random?: () => number },
): PersonalImport {
  let next: PersonalStore = { ...store };
  const result: PersonalImport = { store: next, added: 0, updated: 0, unchanged: 0, skipped: [] };
  for (const entry of entries) {
    if (entry.kind !== 'phrasing') {
      result.skipped.push({ id: entry.id, reason: 'not-phrasing' });
      continue;
    }
    if (
      [...entry.title].length > PHRASING_LIMITS.title ||
      [...entry.text].length > PHRASING_LIMITS.text ||
      entry.tags.length > PHRASING_LIMITS.tags
    ) {
      result.skipped.push({ id: entry.id, reason: 'too-long' });
      continue;
    }
    const existing = next[entry.id];
    const own = existing && !isTombstone(existing) ? existing : undefined;
    // A tombstone's id is ours too: importing the phrasing brings it back.
    const id = own || !options.takenIds.has(entry.id) ? entry.id : uniqueIdIn(next, options.now, options.random);
    const fields = {
      title: entry.title,
      text: entry.text,
      tags: [...entry.tags],
      ...(entry.guidelineId ? { guidelineId: entry.guidelineId } : {}),
    };
    if (own && sameContent(own, fields)) {
      result.unchanged++;
      continue;
    }
    const updatedAt = Math.max(options.now, (next[id]?.updatedAt ?? 0) + 1);
    const record: PersonalPhrasing = { id, ...fields, createdAt: own?.createdAt ?? options.now, updatedAt };
    next = { ...next, [id]: record };
    if (own) result.updated++;
    else result.added++;
  }
  result.store = next;
  return result;
}

function sameContent(a: PersonalPhrasing, b: Pick<PersonalPhrasing, 'title' | 'text' | 'tags' | 'guidelineId'>) {
  return (
    a.title === b.title &&
    a.text === b.text &&
    a.tags.join('\n') === b.tags.join('\n') &&
    (a.guidelineId ?? '') === (b.guidelineId ?? '')
  );
}
