/**
 * The storage path of the browser sync with two browser profiles sharing one sync network: each profile
 * runs the real adapter (panel api, personal store, quiz store, sync run) on its own local storage; the
 * network replicates their `storage.sync` replicas (tests/unit/sync-profiles.ts).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { draftOf, type PhrasingDraft } from '../../utils/personal/phrasings';
import { Rating } from '../../utils/quiz/card';
import { dayKey } from '../../utils/quiz/day';
import { reviewCard } from '../../utils/quiz/fsrs';
import { recordAnswer, startDay } from '../../utils/quiz/session';
import { EMPTY_QUIZ_STATE, type QuizState } from '../../utils/quiz/state';
import { SYNC_FORMAT } from '../../utils/sync/layout';
import { canonicalCard } from '../../utils/sync/merge-quiz';
import { FIXTURE_ENTRIES } from './quiz-fixtures';
import { loadProfile, type Profile, profileBrowser, SyncNetwork } from './sync-profiles';

const NOW = new Date(2026, 10, 20, 10, 0, 0);
const GUIDELINES = new Set(['refund-delay']);
const draft = (title: string, text: string, more: Partial<PhrasingDraft> = {}): PhrasingDraft => ({
  ...draftOf({ title, text }),
  ...more,
});

let network: SyncNetwork;
let a: Profile;
let b: Profile;

beforeEach(async () => {
  network = new SyncNetwork();
  a = await loadProfile(profileBrowser('a', network));
  b = await loadProfile(profileBrowser('b', network));
});
afterEach(() => {
  vi.useRealTimers();
});

/** Today's quiz set on a profile, with `answered` of its items answered right (all: the day is finished). */
async function playQuiz(p: Profile, answered = Number.POSITIVE_INFINITY, now = NOW): Promise<QuizState> {
  const day = startDay(await p.quiz.readQuizState(now), FIXTURE_ENTRIES, 5, now);
  let state = day.state;
  const items = new Map(day.items.map((i) => [i.id, i]));
  for (const id of (state.today?.itemIds ?? []).slice(0, answered)) {
    state = recordAnswer(state, items.get(id) as never, { correct: true, rating: Rating.Good }, reviewCard, now);
  }
  await p.quiz.writeQuizState(state, now);
  return state;
}

const canonical = (q: QuizState): QuizState => ({
  ...q,
  cards: Object.fromEntries(Object.entries(q.cards).map(([id, c]) => [id, canonicalCard(c)])),
});
const phrasingsOf = async (p: Profile) => (await p.personal.readPersonalCorpus()).records;
const favoritesOf = async (p: Profile) => (await p.panel.loadState()).favorites;

describe('two browser profiles sharing a sync area', () => {
  it('a phrasing, a star, a setting and a finished quiz day made on one appear on the other', async () => {
    const saved = await a.panel.personal?.save(
      draft('退款进度', '{客户称呼}您好，退款已提交，请耐心等待。', {
        tags: '退款，催进度',
        guidelineId: 'refund-delay',
      }),
      undefined,
      GUIDELINES,
    );
    expect(saved?.ok).toBe(true);
    await a.panel.toggleFavorite('exam-single-01');
    await a.storage.updateSettings({ quizSize: 8 });
    const played = await playQuiz(a);
    expect(played.streak.count).toBe(1);

    expect((await a.sync(NOW.getTime())).status).toMatchObject({ state: 'ok', leftOut: {} });
    expect((await b.sync(NOW.getTime())).status.state).toBe('ok');

    expect(await phrasingsOf(b)).toEqual(await phrasingsOf(a));
    expect((await phrasingsOf(b))[0]).toMatchObject({
      title: '退款进度',
      tags: ['退款', '催进度'],
      guidelineId: 'refund-delay',
    });
    expect(await favoritesOf(b)).toEqual(['exam-single-01']);
    expect((await b.storage.readSettings()).quizSize).toBe(8);
    const quiz = await b.quiz.readQuizState(NOW);
    expect(quiz.streak).toMatchObject({ count: 1, lastDay: dayKey(NOW) });
    expect(quiz.history[dayKey(NOW)]).toMatchObject({ done: true });
    expect(quiz.today?.itemIds).toEqual(played.today?.itemIds);
    expect(Object.keys(quiz.cards).sort()).toEqual(Object.keys(played.cards).sort());
  });

  it('concurrent edits on both browsers lose nothing', async () => {
    // Common ground: one phrasing and one star, synced to both.
    const first = await a.panel.personal?.save(draft('共同话术', '您好'), undefined, GUIDELINES);
    if (!first?.ok) throw new Error('not saved');
    await a.panel.toggleFavorite('shared-star');
    await a.sync(NOW.getTime());
    await b.sync(NOW.getTime());
    expect(await favoritesOf(b)).toEqual(['shared-star']);

    // Offline (or simply at the same time): each browser changes different things, and both change the same phrasing.
    network.connected = false;
    await a.panel.personal?.save(draft('共同话术（甲改）', '您好，甲'), first.record.id, GUIDELINES);
    await a.panel.personal?.save(draft('甲的新话术', '甲写的'), undefined, GUIDELINES);
    await a.panel.toggleFavorite('star-from-a');
    await a.storage.updateSettings({ quizSize: 6 });
    await playQuiz(a, 2);
    await new Promise((r) => setTimeout(r, 5)); // b's edit of the shared phrasing is the later one
    await b.panel.personal?.save(draft('共同话术（乙改）', '您好，乙'), first.record.id, GUIDELINES);
    await b.panel.personal?.save(draft('乙的新话术', '乙写的'), undefined, GUIDELINES);
    await b.panel.toggleFavorite('shared-star'); // unstarred on b
    await b.panel.toggleFavorite('star-from-b');
    await b.storage.updateSettings({ uiLanguage: 'en' });
    await a.sync();
    await b.sync();
    network.reconnect();
    await a.sync();
    await b.sync();
    await a.sync();

    const titles = async (p: Profile) => (await phrasingsOf(p)).map((r) => r.title).sort();
    expect(await titles(a)).toEqual(['乙的新话术', '共同话术（乙改）', '甲的新话术']);
    expect(await titles(b)).toEqual(await titles(a));
    expect((await favoritesOf(a)).sort()).toEqual(['star-from-a', 'star-from-b']);
    expect((await favoritesOf(b)).sort()).toEqual(['star-from-a', 'star-from-b']);
    for (const p of [a, b]) expect(await p.storage.readSettings()).toMatchObject({ quizSize: 6, uiLanguage: 'en' });
    // A's two answers made it to B.
    const quizB = await b.quiz.readQuizState(NOW);
    expect(Object.keys(quizB.today?.answers ?? {})).toHaveLength(2);
    // The same on both, at the precision synced (each keeps its own reviews to the millisecond).
    expect(canonical(await a.quiz.readQuizState(NOW))).toEqual(canonical(quizB));
  });

  it('a delete reaches the other browser, and its undo too', async () => {
    const saved = await a.panel.personal?.save(draft('要删的', '您好'), undefined, GUIDELINES);
    if (!saved?.ok) throw new Error('not saved');
    await a.sync();
    await b.sync();
    expect(await phrasingsOf(b)).toHaveLength(1);
    const removed = await a.panel.personal?.remove(saved.record.id);
    await a.sync();
    await b.sync();
    expect(await phrasingsOf(b)).toEqual([]);
    await a.panel.personal?.restore(removed as never);
    await a.sync();
    await b.sync();
    expect((await phrasingsOf(b)).map((r) => r.title)).toEqual(['要删的']);
  });

  it('syncs by itself: a change on one browser reaches the other through the background listeners', async () => {
    a.registerSyncListeners();
    b.registerSyncListeners();
    await a.panel.toggleFavorite('auto-star');
    await a.panel.personal?.save(draft('自动同步', '您好'), undefined, GUIDELINES);
    await vi.waitFor(
      async () => {
        expect(await favoritesOf(b)).toEqual(['auto-star']);
        expect((await phrasingsOf(b)).map((r) => r.title)).toEqual(['自动同步']);
      },
      { timeout: 15_000, interval: 100 },
    );
    // A burst of changes is written in a few operations, not one per change.
    const before = network.operations.filter((o) => o.profile === 'a').length;
    for (let i = 0; i < 10; i++) await a.panel.toggleFavorite(`burst-${i}`);
    await vi.waitFor(async () => expect(await favoritesOf(b)).toHaveLength(11), { timeout: 15_000, interval: 100 });
    expect(network.operations.filter((o) => o.profile === 'a').length - before).toBeLessThanOrEqual(4);
  });

  it('when the data no longer fits, keeps everything locally, syncs what fits and says what did not', async () => {
    const long = '您好，这是一段很长的话术。'.repeat(150); // ~5.8 KB each
    for (let i = 0; i < 24; i++) {
      const r = await a.panel.personal?.save(draft(`长话术 ${i}`, long), undefined, GUIDELINES);
      expect(r?.ok).toBe(true);
    }
    const { status } = await a.sync();
    expect(status.state).toBe('partial');
    expect(status.leftOut.phrasings).toBeGreaterThan(0);
    expect(status.bytes).toBeLessThanOrEqual(102_400);
    expect(await phrasingsOf(a)).toHaveLength(24);
    await b.sync();
    const onB = await phrasingsOf(b);
    expect(onB.length).toBe(24 - (status.leftOut.phrasings ?? 0));
    // B holds all it received; syncing again changes nothing on either side.
    const ops = network.operations.length;
    await a.sync();
    await b.sync();
    expect(network.operations.length).toBe(ops);
  });

  it('does not touch data written by a newer release, and keeps working locally', async () => {
    await network.replica('x', () => undefined).set({ m: { f: SYNC_FORMAT + 1, by: '9.0.0' }, p0: ['future'] });
    await a.panel.toggleFavorite('local-star');
    const { status } = await a.sync();
    expect(status).toMatchObject({ state: 'newer', newer: { format: SYNC_FORMAT + 1, by: '9.0.0' } });
    expect(await a.browser.storage.sync.get(null)).toEqual({ m: { f: SYNC_FORMAT + 1, by: '9.0.0' }, p0: ['future'] });
    expect(await favoritesOf(a)).toEqual(['local-star']);
  });

  it('keeps damaged synced data aside, merges the rest, and the panel and quiz keep working', async () => {
    await a.panel.personal?.save(draft('好的话术', '您好'), undefined, GUIDELINES);
    await a.sync();
    const area = await a.browser.storage.sync.get(null);
    await a.browser.storage.sync.set({
      ...area,
      p0: [...(area.p0 as unknown[]), ['my-broken', 'yesterday']],
      c0: 'garbage',
      k: 'x',
    });
    const { status } = await b.sync();
    expect(status.state).toBe('ok');
    expect((await phrasingsOf(b)).map((r) => r.title)).toEqual(['好的话术']);
    const kept = (await b.browser.storage.local.get('syncArea:corrupt'))['syncArea:corrupt'] as { value: unknown }[];
    expect(kept).toHaveLength(1);
    expect(kept[0]?.value).toEqual([
      { key: 'c0', value: 'garbage', reason: 'not a list of records' },
      { key: 'k', value: 'x', reason: 'bad record' },
      { key: 'p0', value: ['my-broken', 'yesterday'], reason: 'bad record' },
    ]);
    // Read again before it is rewritten: not kept twice.
    await b.sync();
    expect(((await b.browser.storage.local.get('syncArea:corrupt'))['syncArea:corrupt'] as unknown[]).length).toBe(1);
    // B's run rewrote the area from its merged data: the damage is gone from the area, nothing from B.
    expect((await b.browser.storage.sync.get(null)).c0).toBeUndefined();
    expect((await b.quiz.readQuizState(NOW)).streak).toMatchObject({ count: 0 });
  });

  it('keeps each browser’s own unanswered set for today (a pack change makes a new one); answered sets travel', async () => {
    const first = await playQuiz(a, 0);
    await a.sync();
    // The packs changed on A: today's set, still unanswered, is made anew from other items.
    const other = startDay(EMPTY_QUIZ_STATE, FIXTURE_ENTRIES.slice(4), 5, NOW).state;
    expect(other.today?.itemIds).not.toEqual(first.today?.itemIds);
    await a.quiz.writeQuizState({ ...first, today: other.today }, NOW);
    await a.sync();
    await b.sync();
    expect((await a.quiz.readQuizState(NOW)).today?.itemIds).toEqual(other.today?.itemIds);
    expect((await b.quiz.readQuizState(NOW)).today).toBeNull();
    // Once answered, the set is shared.
    await playQuiz(a, 1);
    await a.sync();
    await b.sync();
    expect(Object.keys((await b.quiz.readQuizState(NOW)).today?.answers ?? {})).toHaveLength(1);
  });

  it('with sync turned off in a browser, nothing is read or written there', async () => {
    await b.storage.syncPrefsItem.setValue({ enabled: false });
    await a.panel.toggleFavorite('from-a');
    await a.sync();
    const ops = network.operations.length;
    expect((await b.sync()).status.state).toBe('off');
    expect(network.operations.length).toBe(ops);
    expect(await favoritesOf(b)).toEqual([]);
  });

  it('merges an older release’s local data: favourites stored as a list, settings without stamps', async () => {
    await a.browser.storage.local.set({
      panelFavorites: ['old-star'],
      panelFavorites$: { v: 1 },
      settings: { quizSize: 12, uiLanguage: 'zh-CN', recordNoResults: true, suggestionSites: [], ticketSelectors: [] },
    });
    await a.storage.favoritesItem.getValue();
    await b.storage.updateSettings({ uiLanguage: 'en' });
    await a.sync();
    await b.sync();
    await a.sync();
    for (const p of [a, b]) {
      expect(await favoritesOf(p)).toEqual(['old-star']);
      expect(await p.storage.readSettings()).toMatchObject({ quizSize: 12, uiLanguage: 'en' });
    }
  });
});
