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
import type { QuizState } from '../quiz/state';
import { repairSettings } from '../settings';
import { quizStateFrom, readyQuizState } from './quiz-store';
import { packRevisionItem, quizStateItem, quizTodayItem, readValues, settingsItem, versionKey } from './storage';

/** The active entries and the library revision they were read at (quiz-entries.ts' readQuizPacks). */
export type ReadQuizPacks = () => Promise<{ entries: Entry[]; revision: number }>;

/** What the popup reads first, in one storage call: the quiz state, its version, today's snapshot, the revision, the settings. */
export const QUIZ_DAY_KEYS = [
  quizStateItem.key,
  versionKey(quizStateItem.key),
  quizTodayItem.key,
  packRevisionItem.key,
  settingsItem.key,
] as const;

/** The extension version: an update may change the built-in pack or how items are made. */
export function snapshotSource(): string {
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
/**
 * Today's set from those values alone, the snapshot way, with nothing read or repaired: null when they need
 * a migration, a repair or the full way. The popup shows this from its first-paint copy (storage.ts) while
 * loadQuizDay reads the stored values.
 */
export function peekQuizDay(
  values: readonly unknown[],
  now: Date = new Date(),
  source = snapshotSource(),
): QuizData | null {
  const [raw, version, snapshotRaw, revisionRaw, settingsRaw] = values;
  const state = readyQuizState(raw, version);
  return state && resumeFromValues(state, snapshotRaw, revisionRaw, settingsRaw, now, source).resumed;
}

/** Today's set from the stored snapshot (null: take the full way), with the repaired settings. */
function resumeFromValues(
  state: QuizState,
  snapshotRaw: unknown,
  revisionRaw: unknown,
  settingsRaw: unknown,
  now: Date,
  source: string,
): { settings: QuizData['settings']; resumed: QuizData | null } {
  const settings = repairSettings(settingsRaw);
  const revision = typeof revisionRaw === 'number' ? revisionRaw : 0;
  const resumed = resumeDay(state, snapshotRaw, { revision, source, size: settings.quizSize }, now);
  return { settings, resumed: resumed && { ...resumed, settings } };
}

/** `remember` is told the stored values read (and a snapshot written), by key: the popup copies them (storage.ts). */
export async function loadQuizDay(
  readPacks: ReadQuizPacks,
  {
    now = new Date(),
    useSnapshot = true,
    remember,
  }: { now?: Date; useSnapshot?: boolean; remember?: (values: Record<string, unknown>) => void } = {},
): Promise<QuizData> {
  // Without the snapshot, the packs (the slow read) come first and the state right before the set is
  // computed: an answer given in the popup meanwhile is then not written over by the caller.
  const packs = useSnapshot ? undefined : await readPacks();
  // One storage call for the state, its version, today's snapshot, the revision and the settings.
  const values = await readValues(...QUIZ_DAY_KEYS);
  remember?.(Object.fromEntries(QUIZ_DAY_KEYS.map((key, i) => [key, values[i]])));
  const [raw, version, snapshotRaw, revisionRaw, settingsRaw] = values;
  const stored = await quizStateFrom(raw, version, now);
  const source = snapshotSource();
  // Without the snapshot way (the background), no snapshot: the full way below.
  const { settings, resumed } = resumeFromValues(
    stored,
    packs ? null : snapshotRaw,
    revisionRaw,
    settingsRaw,
    now,
    source,
  );
  if (resumed) return resumed;

  const { entries, revision: readAt } = packs ?? (await readPacks());
  const day = startDay(stored, entries, settings.quizSize, now);
  // Keyed by the revision the entries were read at, not the one read above: packs may change in between.
  const key: SnapshotKey = { revision: readAt, source, size: settings.quizSize };
  try {
    const fresh = takeSnapshot(day, key);
    await quizTodayItem.setValue(fresh);
    remember?.({ [quizTodayItem.key]: fresh, [packRevisionItem.key]: readAt });
  } catch (error) {
    // Only a speed-up: the next open takes the full way again.
    console.warn('quiz: snapshot of today not stored', error);
  }
  return { ...day, settings };
}
