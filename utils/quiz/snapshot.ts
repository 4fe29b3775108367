/**
 * A small stored copy of today's items, so the popup can show today's set without reading, validating
 * and turning every pack entry into items (~0.8 s with a 10,000-entry team pack) just to show five.
 * Whoever computes the set from every item (the background, or the popup when the snapshot is stale)
 * takes one; the popup resumes from it only when it was taken for the same day, pack library revision,
 * built-in content and quiz size, and covers what today's set still needs. Anything else (stale, damaged,
 * partial) means the full way: the snapshot never changes the quiz state, only spares work.
 */
import * as v from 'valibot';
import { hashString } from '../text/hash';
import { isNewCard, type StoredCard } from './card';
import { type DayKey, dayKey } from './day';
import type { QuizItem } from './items';
import type { QuizDay } from './session';
import type { QuizState } from './state';
import { settleStreak } from './streak';

/** Bump when QuizItem or the snapshot changes shape: older snapshots are then simply stale. */
const SNAPSHOT_FORMAT = 1;

/** What today's items depend on besides the day; a snapshot is used only when all of them match. */
export interface SnapshotKey {
  /** The pack library revision the entries were read at (packRevisionItem). */
  revision: number;
  /** The code and built-in pack that made the items: the extension version (an update starts anew). */
  source: string;
  /** The quiz size the set was started with. */
  size: number;
}

export interface TodaySnapshot extends SnapshotKey {
  format: typeof SNAPSHOT_FORMAT;
  day: DayKey;
  /** Today's set when the snapshot was taken. */
  itemIds: string[];
  /** The schedule the set was chosen with (cardsFingerprint), or '' if it was already fixed by an answer. */
  cards: string;
  /** The items of today's set that exist in the packs (an answered item may have been removed since). */
  items: QuizItem[];
}

const Text = v.string();
const Base = {
  id: Text,
  entryId: Text,
  sourceId: Text,
  sourceTitle: Text,
  prompt: Text,
  explanation: v.optional(Text),
};
const Index = v.pipe(v.number(), v.integer(), v.minValue(0));
// Loose where the views are forgiving (extra fields are dropped), strict where a bad value would break them.
const ItemSchema = v.variant('type', [
  v.object({
    ...Base,
    type: v.picklist(['single', 'multiple', 'phrase']),
    options: v.array(v.object({ key: Text, text: Text })),
    answer: v.array(Text),
  }),
  v.object({ ...Base, type: v.literal('truefalse'), answer: v.boolean() }),
  v.pipe(
    v.object({ ...Base, type: v.literal('order'), steps: v.array(Text), shown: v.array(Index) }),
    v.check((item) => item.shown.length === item.steps.length && item.shown.every((i) => i < item.steps.length)),
  ),
  v.object({
    ...Base,
    type: v.literal('recall'),
    points: v.array(Text),
    steps: v.array(Text),
    note: v.optional(Text),
    truncated: v.boolean(),
  }),
]);
const SnapshotSchema = v.object({
  format: v.literal(SNAPSHOT_FORMAT),
  day: v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/)),
  revision: v.number(),
  source: v.string(),
  size: v.number(),
  itemIds: v.array(Text),
  cards: v.string(),
  items: v.array(ItemSchema),
});

/**
 * What the choice of a new set reads from the schedule (which cards are new, when each is due), as a
 * short order-independent fingerprint.
 */
export function cardsFingerprint(cards: Readonly<Record<string, StoredCard>>): string {
  let sum = 0;
  let count = 0;
  for (const [id, card] of Object.entries(cards)) {
    sum = (sum + hashString(`${id}|${isNewCard(card) ? 'new' : card.due}`)) >>> 0;
    count++;
  }
  return `${count}.${sum.toString(36)}`;
}

/** The snapshot of a day computed from every item (startDay). */
export function takeSnapshot(quizDay: QuizDay, key: SnapshotKey): TodaySnapshot {
  const today = quizDay.state.today;
  const itemIds = today?.day === quizDay.day ? today.itemIds : [];
  const wanted = new Set(itemIds);
  const fixed = today ? Object.keys(today.answers).length > 0 : false;
  return {
    format: SNAPSHOT_FORMAT,
    day: quizDay.day,
    ...key,
    itemIds: [...itemIds],
    cards: fixed ? '' : cardsFingerprint(quizDay.state.cards),
    items: quizDay.items.filter((item) => wanted.has(item.id)),
  };
}

/**
 * Today's set from a stored snapshot, or null when it cannot be trusted to give exactly what startDay
 * would: then the caller takes the full way. `stored` is the repaired quiz state.
 */
export function resumeDay(
  stored: QuizState,
  raw: unknown,
  key: SnapshotKey,
  now: Date = new Date(),
  timeZone?: string,
): QuizDay | null {
  const parsed = v.safeParse(SnapshotSchema, raw);
  if (!parsed.success) return null;
  const snapshot = parsed.output as TodaySnapshot;
  const day = dayKey(now, timeZone);
  const today = stored.today;
  if (
    snapshot.day !== day ||
    snapshot.revision !== key.revision ||
    snapshot.source !== key.source ||
    snapshot.size !== key.size ||
    today?.day !== day
  ) {
    return null;
  }
  if (Object.keys(today.answers).length === 0) {
    // Unanswered, the set follows the items and the schedule: only the very set chosen from this
    // schedule is known to be what the full way would choose again.
    if (snapshot.cards === '' || snapshot.cards !== cardsFingerprint(stored.cards)) return null;
    if (snapshot.itemIds.join('\n') !== today.itemIds.join('\n')) return null;
  }
  // Answered items need no item (their removal from the packs keeps them in the set, as ensureToday does).
  const known = new Set(snapshot.items.map((item) => item.id));
  if (today.itemIds.some((id) => !(id in today.answers) && !known.has(id))) return null;
  // What ensureToday would change here: only the streak, settled for today.
  const streak = settleStreak(stored.streak, day);
  const state = streak === stored.streak ? stored : { ...stored, streak };
  return { day, state, changed: state !== stored, items: snapshot.items };
}
