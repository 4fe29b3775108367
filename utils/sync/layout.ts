/**
 * How SyncData is laid out in the sync area, within its quotas (storage.sync in Chrome and Firefox:
 * 102,400 bytes in all, 8,192 bytes per item — key plus JSON value, in UTF-8 — and 512 items).
 *
 * Keys: `m` (format), `k` (streak), `t` (today's set), and chunks `s0…` (settings), `f0…` (favourites),
 * `h0…` (quiz history), `p0…` (personal phrasings), `c0…` (quiz cards): each chunk a JSON array of
 * records (codec.ts), filled up to the per-item limit. Each record stands alone: a reader merges every
 * record of every chunk it finds, so chunks written by two browsers at once, or left over from a longer
 * layout, can only add versions that the merge then orders — nothing is ever read half.
 *
 * When everything does not fit, parts get room in this order — settings, streak, today, favourites,
 * history, phrasings (newest first, deletions last), cards (latest review first) — and what is left out
 * stays in this browser only (counted, so the options page says so). Nothing is lost: local storage is
 * the source of truth.
 */
import type { FavoriteMarks } from '../panel/history';
import type { PersonalStore } from '../personal/phrasings';
import type { StoredCard } from '../quiz/card';
import type { DayKey } from '../quiz/day';
import type { DayResult } from '../quiz/state';
import { EMPTY_STREAK } from '../quiz/streak';
import {
  decodeCard,
  decodeFavorite,
  decodeHistory,
  decodePhrasing,
  decodeSetting,
  decodeStreak,
  decodeToday,
  encodeCard,
  encodeFavorite,
  encodeHistory,
  encodePhrasing,
  encodeSetting,
  encodeStreak,
  encodeToday,
} from './codec';
import { HISTORY_DAYS_KEPT, pickCard, pickFavorite, pickRecord, pickResult, pickStamped } from './merge';
import type { StampedSettings, SyncData } from './model';

/** Bump when any record's shape changes (codec.ts), and add the way from the previous format to SYNC_MIGRATIONS. */
export const SYNC_FORMAT = 1;

export type SyncMigrations = Record<number, (items: Record<string, unknown>) => Record<string, unknown>>;

/**
 * How to read an older format: from format n−1 to n, on the raw items. None yet: format 1 is the first
 * (the releases before it did not sync).
 */
export const SYNC_MIGRATIONS: SyncMigrations = {};

/** The browsers' quotas for storage.sync (the same numbers in Chrome and Firefox). */
export const SYNC_QUOTA = { bytes: 102_400, itemBytes: 8_192, items: 512 } as const;

/** What the layout allows itself: below the quotas, so a browser's own rounding never fails a write. */
export const SYNC_BUDGET: SyncBudget = { bytes: 100_000, itemBytes: 8_000, items: 480 };
export interface SyncBudget {
  bytes: number;
  itemBytes: number;
  items: number;
}

const CHUNKED = { settings: 's', favorites: 'f', history: 'h', phrasings: 'p', cards: 'c' } as const;
type Chunked = keyof typeof CHUNKED;
export type SyncSection = Chunked | 'streak' | 'today';
const MAX_CHUNKS = 1000;

/** Keys of the sync area that this format owns; any other key (a later release's) is never touched. */
export const OWN_KEY = /^(?:m|k|t|[sfhpc]\d{1,3})$/;

/** UTF-8 length of a string (what the quotas count). */
export function utf8Bytes(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** An item's size as the quotas count it: key plus JSON value. */
export const itemBytes = (key: string, value: unknown) => utf8Bytes(key) + utf8Bytes(JSON.stringify(value));

export interface Layout {
  items: Record<string, unknown>;
  bytes: number;
  /** Records of each section that did not fit: they stay in this browser only. */
  leftOut: Partial<Record<SyncSection, number>>;
}

const byKey = <T>(r: Readonly<Record<string, T>>) => Object.entries(r).sort(([a], [b]) => (a < b ? -1 : 1));

/** Records of each chunked section, most important first (the first to get room). */
function sectionRecords(data: SyncData): Record<Chunked, unknown[]> {
  const phrasings = Object.values(data.phrasings).sort((a, b) => {
    const dead = ('deleted' in a ? 1 : 0) - ('deleted' in b ? 1 : 0);
    return dead || b.updatedAt - a.updatedAt || (a.id < b.id ? -1 : 1);
  });
  const cards = Object.entries(data.quiz.cards).sort(
    ([a, x], [b, y]) => (y.last_review ?? 0) - (x.last_review ?? 0) || (a < b ? -1 : 1),
  );
  const favorites = Object.entries(data.favorites).sort(
    ([a, x], [b, y]) => Number(y.on) - Number(x.on) || y.at - x.at || (a < b ? -1 : 1),
  );
  return {
    settings: byKey(data.settings).map(([field, s]) => encodeSetting(field, s)),
    favorites: favorites.map(([id, m]) => encodeFavorite(id, m)),
    history: byKey(data.quiz.history)
      .reverse()
      .map(([day, r]) => encodeHistory(day, r)),
    phrasings: phrasings.map(encodePhrasing),
    cards: cards.map(([id, c]) => encodeCard(id, c)),
  };
}

/**
 * The sync area's items for `data` within `budget`. Deterministic: two browsers holding the same data
 * lay out the same items, so once they agree neither writes anything.
 */
export function layOut(data: SyncData, appVersion: string, budget: SyncBudget = SYNC_BUDGET): Layout {
  const items: Record<string, unknown> = {};
  const leftOut: Layout['leftOut'] = {};
  let bytes = 0;
  let count = 0;
  const room = (size: number) => size <= budget.itemBytes && bytes + size <= budget.bytes && count < budget.items;
  const single = (key: string, value: unknown, section?: SyncSection) => {
    const size = itemBytes(key, value);
    if (!room(size)) {
      if (section) leftOut[section] = 1;
      return;
    }
    items[key] = value;
    bytes += size;
    count++;
  };
  const records = sectionRecords(data);
  const chunked = (section: Chunked) => {
    let index = -1;
    let chunk: unknown[] | undefined;
    let chunkSize = 0;
    for (const record of records[section]) {
      const size = utf8Bytes(JSON.stringify(record));
      // Into the open chunk: the record and a comma.
      if (chunk && chunkSize + size + 1 <= budget.itemBytes && bytes + size + 1 <= budget.bytes) {
        chunk.push(record);
        chunkSize += size + 1;
        bytes += size + 1;
        continue;
      }
      const key = `${CHUNKED[section]}${index + 1}`;
      const opened = utf8Bytes(key) + 2 + size;
      if (index + 1 >= MAX_CHUNKS || !room(opened)) {
        leftOut[section] = (leftOut[section] ?? 0) + 1;
        continue;
      }
      index++;
      chunk = [record];
      items[key] = chunk;
      chunkSize = opened;
      bytes += opened;
      count++;
    }
  };
  single('m', { f: SYNC_FORMAT, by: appVersion });
  chunked('settings');
  single('k', encodeStreak(data.quiz.streak), 'streak');
  // A set nobody answered yet is this browser's own business: each browser computes it from its packs,
  // and a stale copy of it must not replace the set a pack change made.
  if (data.quiz.today && Object.keys(data.quiz.today.answers).length) {
    single('t', encodeToday(data.quiz.today), 'today');
  }
  chunked('favorites');
  chunked('history');
  chunked('phrasings');
  chunked('cards');
  return { items, bytes, leftOut };
}

/** A sync item or record that could not be read: kept aside by the caller, never merged, never dropped. */
export interface DamagedItem {
  key: string;
  value: unknown;
  reason: string;
}

export type ReadResult =
  | { kind: 'empty' }
  | { kind: 'newer'; format: number; by: string }
  | { kind: 'data'; data: SyncData; damaged: DamagedItem[]; migratedFrom?: number };

export const emptySyncData = (): SyncData => ({
  settings: {},
  favorites: {},
  phrasings: {},
  quiz: { cards: {}, today: null, history: {}, streak: EMPTY_STREAK },
});

/** Folds one decoded version into a record by id, ordered by the merge's own rule. */
function fold<T>(to: Record<string, T>, id: string, x: T, pick: (a: T, b: T) => T): void {
  const y = to[id];
  to[id] = y === undefined ? x : pick(y, x);
}

/**
 * Reads every record in the sync area. A format newer than this release's is not read at all (the caller
 * pauses syncing); an older one goes through `migrations`; a damaged item or record comes back in
 * `damaged` and stays out of the data.
 */
export function readLayout(
  area: Readonly<Record<string, unknown>>,
  migrations: SyncMigrations = SYNC_MIGRATIONS,
  format = SYNC_FORMAT,
): ReadResult {
  const damaged: DamagedItem[] = [];
  const own = (all: Readonly<Record<string, unknown>>) =>
    Object.fromEntries(Object.entries(all).filter(([k]) => OWN_KEY.test(k)));
  let items = own(area);
  if (Object.keys(items).length === 0) return { kind: 'empty' };
  const meta = items.m as { f?: unknown; by?: unknown } | null | undefined;
  let from = format;
  if (meta !== undefined) {
    if (meta && typeof meta === 'object' && Number.isInteger(meta.f) && (meta.f as number) >= 1)
      from = meta.f as number;
    else damaged.push({ key: 'm', value: meta, reason: 'not a format marker' });
  }
  if (from > format) return { kind: 'newer', format: from, by: typeof meta?.by === 'string' ? meta.by : '' };
  const migratedFrom = from < format ? from : undefined;
  if (migratedFrom !== undefined) {
    // An older format may have used other keys: its migrations see the whole area.
    let all: Record<string, unknown> = { ...area };
    for (let f = from + 1; f <= format; f++) {
      const step = migrations[f];
      if (!step) {
        // No way to read it: all of it is kept aside, and this browser's data takes its place.
        for (const [key, value] of byKey(items)) damaged.push({ key, value, reason: `format ${from}` });
        return { kind: 'data', data: emptySyncData(), damaged, migratedFrom };
      }
      all = step(all);
    }
    items = own(all);
  }

  const settings: StampedSettings = {};
  const favorites: FavoriteMarks = {};
  const phrasings: PersonalStore = {};
  const cards: Record<string, StoredCard> = {};
  const history: Record<DayKey, DayResult> = {};
  const readers: Record<string, (raw: unknown) => boolean> = {
    s: (raw) => {
      const r = decodeSetting(raw);
      if (r) fold(settings, r[0], r[1], pickStamped);
      return !!r;
    },
    f: (raw) => {
      const r = decodeFavorite(raw);
      if (r) fold(favorites, r[0], r[1], pickFavorite);
      return !!r;
    },
    p: (raw) => {
      const r = decodePhrasing(raw);
      if (r) fold(phrasings, r.id, r, pickRecord);
      return !!r;
    },
    c: (raw) => {
      const r = decodeCard(raw);
      if (r) fold(cards, r[0], r[1], pickCard);
      return !!r;
    },
    h: (raw) => {
      const r = decodeHistory(raw);
      if (r) fold(history, r[0], r[1], pickResult);
      return !!r;
    },
  };
  const data = emptySyncData();
  for (const [key, value] of byKey(items)) {
    if (key === 'm') continue;
    if (key === 'k' || key === 't') {
      const decoded = key === 'k' ? decodeStreak(value) : decodeToday(value);
      if (!decoded) damaged.push({ key, value, reason: 'bad record' });
      else if (key === 'k') data.quiz.streak = decoded as typeof data.quiz.streak;
      else data.quiz.today = decoded as typeof data.quiz.today;
      continue;
    }
    const read = readers[key[0] as string] as (raw: unknown) => boolean;
    if (!Array.isArray(value)) {
      damaged.push({ key, value, reason: 'not a list of records' });
      continue;
    }
    for (const record of value) if (!read(record)) damaged.push({ key, value: record, reason: 'bad record' });
  }
  const days = byKey(history).slice(-HISTORY_DAYS_KEPT);
  data.settings = Object.fromEntries(byKey(settings));
  data.favorites = Object.fromEntries(byKey(favorites));
  data.phrasings = Object.fromEntries(byKey(phrasings));
  data.quiz = { ...data.quiz, cards: Object.fromEntries(byKey(cards)), history: Object.fromEntries(days) };
  return { kind: 'data', data, damaged, migratedFrom };
}
