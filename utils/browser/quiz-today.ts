/**
 * Today's quiz set for the popup and the background: from the small snapshot of today's items when it
 * is current (a handful of small reads), else the full way over every active entry, which then stores
 * a fresh snapshot (utils/quiz/snapshot.ts).
 */
import { browser } from 'wxt/browser';
import type { Entry } from '../../knowledge/schema';
import type { QuizData } from '../quiz/api';
import { startDay } from '../quiz/session';
import { resumeDay, type SnapshotKey, takeSnapshot } from '../quiz/snapshot';
import { repairSettings } from '../settings';
import { quizStateFrom } from './quiz-store';
import { packRevisionItem, quizStateItem, quizTodayItem, readValues, settingsItem, versionKey } from './storage';

/** The active entries and the library revision they were read at (quiz-entries.ts' readQuizPacks). */
export type ReadQuizPacks = () => Promise<{ entries: Entry[]; revision: number }>;

/** The extension version: an update may change the built-in pack or how items are made. */
function snapshotSource(): string {
  try {
    return browser.runtime.getManifest().version;
  } catch {
    // Test doubles of the browser may not implement getManifest.
    return '';
  }
}

/**
 * `readPacks` is passed in so the popup can load the pack reader (built-in pack, validation) only when
 * the snapshot does not do. `useSnapshot: false` always takes the full way (the background, which keeps
 * the snapshot fresh).
 */
export async function loadQuizDay(
  readPacks: ReadQuizPacks,
  { now = new Date(), useSnapshot = true }: { now?: Date; useSnapshot?: boolean } = {},
): Promise<QuizData> {
  // Without the snapshot, the packs (the slow read) come first and the state right before the set is
  // computed: an answer given in the popup meanwhile is then not written over by the caller.
  const packs = useSnapshot ? undefined : await readPacks();
  // One storage call for the state, its version, today's snapshot, the revision and the settings.
  const [raw, version, snapshotRaw, revisionRaw, settingsRaw] = await readValues(
    quizStateItem.key,
    versionKey(quizStateItem.key),
    quizTodayItem.key,
    packRevisionItem.key,
    settingsItem.key,
  );
  const snapshot = useSnapshot ? snapshotRaw : null;
  const stored = await quizStateFrom(raw, version, now);
  const revision = typeof revisionRaw === 'number' ? revisionRaw : 0;
  const settings = repairSettings(settingsRaw);
  const source = snapshotSource();
  const resumed = packs ? null : resumeDay(stored, snapshot, { revision, source, size: settings.quizSize }, now);
  if (resumed) return { ...resumed, settings };

  const { entries, revision: readAt } = packs ?? (await readPacks());
  const day = startDay(stored, entries, settings.quizSize, now);
  // Keyed by the revision the entries were read at, not the one read above: packs may change in between.
  const key: SnapshotKey = { revision: readAt, source, size: settings.quizSize };
  try {
    await quizTodayItem.setValue(takeSnapshot(day, key));
  } catch (error) {
    // Only a speed-up: the next open takes the full way again.
    console.warn('quiz: snapshot of today not stored', error);
  }
  return { ...day, settings };
}
