/**
 * 「我的话术」: the agent's own phrasings, kept as records with timestamps so that two browsers can merge
 * them (utils/sync/merge.ts). A deleted phrasing leaves a tombstone (id + time) for a while, so the
 * deletion reaches the other browser instead of the phrasing coming back from it.
 * Pure: storage lives in utils/browser/personal-store.ts.
 */
import type { Entry, Phrasing } from '../../knowledge/schema';
import { dayKey } from '../quiz/day';

/** The id and name of the personal pack (export, import, the 「我的」 mark). */
export const PERSONAL_PACK_ID = 'my-phrasings';
export const PERSONAL_PACK_NAME = '我的话术';

/**
 * Provenance of a personal entry. The pack schema still requires section and number (issue 13 part 3
 * makes them optional for team and personal entries); this is the ONE place that fills them, so it is
 * easy to reduce to `{ source }` when that lands.
 */
export const PERSONAL_PROVENANCE = { source: PERSONAL_PACK_NAME, section: PERSONAL_PACK_NAME, number: 1 } as const;

/** Limits that keep one phrasing well inside storage.sync's 8 KB per item (3 bytes per Chinese character). */
export const PHRASING_LIMITS = { title: 60, text: 2000, tags: 10, tag: 20 } as const;

/** Deleted phrasings are remembered this long, so a browser that was offline meanwhile still learns of it. */
export const TOMBSTONE_KEEP_MS = 90 * 86_400_000;

export interface PersonalPhrasing {
  id: string;
  title: string;
  /** May hold `{客户称呼}`-style placeholders, filled in before copy or insert. */
  text: string;
  tags: string[];
  /** The guideline this phrasing belongs to, if any. */
  guidelineId?: string;
  createdAt: number;
  /** Last change (ms since the epoch): the later version wins a merge. */
  updatedAt: number;
}

export interface PersonalTombstone {
  id: string;
  updatedAt: number;
  deleted: true;
}

export type PersonalRecord = PersonalPhrasing | PersonalTombstone;
/** Every phrasing and tombstone by id. */
export type PersonalStore = Record<string, PersonalRecord>;

export const isTombstone = (r: PersonalRecord): r is PersonalTombstone => 'deleted' in r && r.deleted === true;

/** What the form edits. */
export interface PhrasingDraft {
  title: string;
  text: string;
  /** As typed: separated by commas, 、, semicolons or line breaks. */
  tags: string;
  guidelineId: string;
}

export type DraftField = keyof PhrasingDraft;
export type DraftProblem =
  | { field: DraftField; code: 'required' }
  | { field: DraftField; code: 'tooLong'; limit: number }
  | { field: 'tags'; code: 'tooMany'; limit: number }
  | { field: 'guidelineId'; code: 'unknownGuideline' };

const ID = /^[a-z0-9][a-z0-9-]{0,79}$/;

export function parseTags(typed: string): string[] {
  const out: string[] = [];
  for (const raw of typed.split(/[,，、;；|\n]+/)) {
    const tag = raw.trim();
    if (tag && !out.includes(tag)) out.push(tag);
  }
  return out;
}

/** Problems of a draft, field by field; `guidelines` are the ids a link may point at. */
export function draftProblems(draft: PhrasingDraft, guidelines: ReadonlySet<string>): DraftProblem[] {
  const problems: DraftProblem[] = [];
  const title = draft.title.trim();
  const text = draft.text.trim();
  if (!title) problems.push({ field: 'title', code: 'required' });
  else if ([...title].length > PHRASING_LIMITS.title)
    problems.push({ field: 'title', code: 'tooLong', limit: PHRASING_LIMITS.title });
  if (!text) problems.push({ field: 'text', code: 'required' });
  else if ([...text].length > PHRASING_LIMITS.text)
    problems.push({ field: 'text', code: 'tooLong', limit: PHRASING_LIMITS.text });
  const tags = parseTags(draft.tags);
  if (tags.length > PHRASING_LIMITS.tags)
    problems.push({ field: 'tags', code: 'tooMany', limit: PHRASING_LIMITS.tags });
  else if (tags.some((t) => [...t].length > PHRASING_LIMITS.tag))
    problems.push({ field: 'tags', code: 'tooLong', limit: PHRASING_LIMITS.tag });
  const link = draft.guidelineId.trim();
  if (link && !guidelines.has(link)) problems.push({ field: 'guidelineId', code: 'unknownGuideline' });
  return problems;
}

/** A new id: `my-` + time + random, so two browsers never make the same one. */
export function newPersonalId(now: number, random: () => number = Math.random): string {
  const tail = Math.floor(random() * 36 ** 4)
    .toString(36)
    .padStart(4, '0');
  return `my-${now.toString(36)}-${tail}`;
}

/** A draft as it would be saved (the draft must be free of problems). */
function fromDraft(draft: PhrasingDraft): Pick<PersonalPhrasing, 'title' | 'text' | 'tags' | 'guidelineId'> {
  const link = draft.guidelineId.trim();
  return {
    title: draft.title.trim(),
    text: draft.text.trim(),
    tags: parseTags(draft.tags),
    ...(link ? { guidelineId: link } : {}),
  };
}

/** The form's fields for an existing phrasing (or for a new one from selected text). */
export function draftOf(record: Partial<PersonalPhrasing>): PhrasingDraft {
  return {
    title: record.title ?? '',
    text: record.text ?? '',
    tags: (record.tags ?? []).join('，'),
    guidelineId: record.guidelineId ?? '',
  };
}

const TITLE_PROPOSED = 20;

/**
 * A title proposed for selected text: its first sentence; when that is long, its clauses up to 20
 * characters (else the first 20 characters).
 */
export function proposeTitle(text: string): string {
  const line = text.trim().split('\n')[0]?.trim() ?? '';
  const sentence = [...(line.split(/(?<=[。！？!?])/)[0] ?? line)];
  if (sentence.length <= TITLE_PROPOSED) return sentence.join('');
  const head = sentence.slice(0, TITLE_PROPOSED + 1);
  const cut = Math.max(...['，', ',', '；', ';', '、', '：'].map((mark) => head.lastIndexOf(mark)));
  return (cut > 0 ? head.slice(0, cut) : head.slice(0, TITLE_PROPOSED)).join('');
}

export type SaveResult =
  | { ok: true; store: PersonalStore; record: PersonalPhrasing }
  | { ok: false; problems: DraftProblem[] };

/** Adds a phrasing (no `id`) or changes one; a later time than any version seen, so it wins every merge. */
export function savePhrasing(
  store: PersonalStore,
  draft: PhrasingDraft,
  options: { id?: string; now: number; guidelines: ReadonlySet<string>; random?: () => number },
): SaveResult {
  const problems = draftProblems(draft, options.guidelines);
  if (problems.length) return { ok: false, problems };
  const previous = options.id ? store[options.id] : undefined;
  const updatedAt = Math.max(options.now, (previous?.updatedAt ?? 0) + 1);
  const id = options.id ?? uniqueIdIn(store, options.now, options.random);
  const createdAt = previous && !isTombstone(previous) ? previous.createdAt : options.now;
  const record: PersonalPhrasing = { id, ...fromDraft(draft), createdAt, updatedAt };
  return { ok: true, store: { ...store, [id]: record }, record };
}

/** A new id not used in `store` (not even by a tombstone). */
export function uniqueIdIn(store: PersonalStore, now: number, random?: () => number): string {
  let id = newPersonalId(now, random);
  while (store[id]) id = newPersonalId(now, random);
  return id;
}

/** Deletes a phrasing, leaving a tombstone; returns what was deleted (for undo). */
export function deletePhrasing(
  store: PersonalStore,
  id: string,
  now: number,
): { store: PersonalStore; removed?: PersonalPhrasing } {
  const current = store[id];
  if (!current || isTombstone(current)) return { store };
  const tombstone: PersonalTombstone = { id, updatedAt: Math.max(now, current.updatedAt + 1), deleted: true };
  return { store: { ...store, [id]: tombstone }, removed: current };
}

/** Undoes a delete: the phrasing comes back, newer than its tombstone (and than any edit since). */
export function restorePhrasing(store: PersonalStore, record: PersonalPhrasing, now: number): PersonalStore {
  const current = store[record.id];
  const updatedAt = Math.max(now, (current?.updatedAt ?? 0) + 1);
  return { ...store, [record.id]: { ...record, updatedAt } };
}

/** The phrasings (no tombstones), most recently changed first. */
export function livePhrasings(store: PersonalStore): PersonalPhrasing[] {
  return Object.values(store)
    .filter((r): r is PersonalPhrasing => !isTombstone(r))
    .sort((a, b) => b.updatedAt - a.updatedAt || (a.id < b.id ? -1 : 1));
}

/** Forgets tombstones older than `keepMs` (a browser offline that long may bring the phrasing back). */
export function pruneTombstones(store: PersonalStore, now: number, keepMs = TOMBSTONE_KEEP_MS): PersonalStore {
  const out: PersonalStore = {};
  let pruned = false;
  for (const [id, r] of Object.entries(store)) {
    if (isTombstone(r) && r.updatedAt < now - keepMs) pruned = true;
    else out[id] = r;
  }
  return pruned ? out : store;
}

/** The phrasing as a pack entry: searched, shown and exported like any other. */
export function toEntry(record: PersonalPhrasing, timeZone?: string): Phrasing {
  return {
    kind: 'phrasing',
    id: record.id,
    title: record.title,
    tags: record.tags,
    keywords: [],
    provenance: { ...PERSONAL_PROVENANCE },
    reviewedAt: dayKey(new Date(record.updatedAt), timeZone),
    text: record.text,
    ...(record.guidelineId ? { guidelineId: record.guidelineId } : {}),
  };
}

// ── repair on read ──
const isString = (v: unknown): v is string => typeof v === 'string';
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

/** One stored record, checked; `undefined` when it is not a valid phrasing or tombstone. */
export function repairRecord(raw: unknown): PersonalRecord | undefined {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  const r = raw as Record<string, unknown>;
  if (!isString(r.id) || !ID.test(r.id) || !isTime(r.updatedAt)) return undefined;
  if (r.deleted === true) return { id: r.id, updatedAt: r.updatedAt, deleted: true };
  if (!isString(r.title) || !r.title.trim() || !isString(r.text) || !r.text.trim() || !isTime(r.createdAt)) {
    return undefined;
  }
  if (!Array.isArray(r.tags) || !r.tags.every(isString)) return undefined;
  if (r.guidelineId !== undefined && !(isString(r.guidelineId) && ID.test(r.guidelineId))) return undefined;
  return {
    id: r.id,
    title: r.title,
    text: r.text,
    tags: r.tags.filter((t) => t.trim()),
    ...(r.guidelineId ? { guidelineId: r.guidelineId } : {}),
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

/**
 * The stored personal phrasings, record by record: a bad record loses only itself (the caller keeps the
 * original aside). `null` when the value is not a store at all.
 */
export function repairPersonalStore(stored: unknown): PersonalStore | null {
  if (stored === undefined || stored === null) return {};
  if (typeof stored !== 'object' || Array.isArray(stored)) return null;
  const out: PersonalStore = {};
  for (const [key, raw] of Object.entries(stored as Record<string, unknown>)) {
    const record = repairRecord(raw);
    if (record && record.id === key) out[key] = record;
  }
  return out;
}

/** Guidelines a personal phrasing may link to: id and title, for the form. */
export function guidelineChoices(entries: readonly Entry[]): { id: string; title: string }[] {
  return entries.filter((e) => e.kind === 'guideline').map((e) => ({ id: e.id, title: e.title }));
}
