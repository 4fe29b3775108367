import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionSession, launchExtension } from './harness';
import { bigPack } from './options-fixtures';
import { answerCurrentItem, answeredInStorage, fromStorage } from './quiz-fixtures';

describe('daily quiz popup', () => {
  let session: ExtensionSession;
  const badge = () => session.worker.evaluate(() => chrome.action.getBadgeText({}));

  beforeAll(async () => {
    session = await launchExtension();
  });
  afterAll(async () => {
    await session?.close();
  });
  afterEach(() => {
    expect(session.errors).toEqual([]);
  });

  it('shows a question with 1/5, gives feedback, survives reopening, and counts down the badge', async () => {
    // The background starts the day's set on install and shows what is left on the toolbar icon.
    await expect.poll(badge).toBe('5');

    let popup = await session.openPage('popup.html');
    await expect.poll(() => popup.locator('.progress').textContent()).toContain('1/5');
    await expect(popup.locator('.prompt').first().isVisible()).resolves.toBe(true);
    expect(await popup.evaluate(() => performance.getEntriesByName('coach:interactive').length)).toBe(1);

    await answerCurrentItem(popup);
    const status = popup.getByRole('status');
    await expect.poll(() => status.textContent()).toMatch(/回答正确|回答错误|已记录/);
    await expect(popup.getByRole('button', { name: '在侧边栏中查看' }).isVisible()).resolves.toBe(true);
    await expect.poll(badge).toBe('4');

    // The popup closes on every blur: reopening resumes at the next item.
    await expect.poll(() => answeredInStorage(session)).toBe(1);
    await popup.close();
    popup = await session.openPage('popup.html');
    await expect.poll(() => popup.locator('.progress').textContent()).toContain('2/5');
    await answerCurrentItem(popup);
    await expect.poll(() => popup.getByRole('status').textContent()).toMatch(/回答正确|回答错误|已记录/);
    await expect.poll(badge).toBe('3');
    await expect.poll(() => answeredInStorage(session)).toBe(2);
    await popup.close();
  });

  it('shows what storage holds when it changed since the popup last showed the day (an answer synced in)', async () => {
    let popup = await session.openPage('popup.html');
    await expect.poll(() => fromStorage(popup, '.progress').textContent()).toMatch(/\d\/5/);
    const before = Number((await popup.locator('.progress').textContent())?.match(/(\d)\/5/)?.[1]);
    const prompt = await popup.locator('.prompt').first().textContent();
    await popup.close();
    // Another browser answered the item on screen; sync wrote it here while the popup was closed.
    await session.worker.evaluate(async () => {
      const { quiz } = (await chrome.storage.local.get('quiz')) as {
        quiz: { today: { itemIds: string[]; answers: Record<string, unknown> } };
      };
      const next = quiz.today.itemIds.find((id) => !(id in quiz.today.answers)) as string;
      quiz.today.answers[next] = { correct: true, rating: 3, at: Date.now() };
      await chrome.storage.local.set({ quiz });
    });
    popup = await session.openPage('popup.html');
    await expect.poll(() => popup.locator('.progress').textContent()).toContain(`${before + 1}/5`);
    expect(await popup.locator('.prompt').first().textContent()).not.toBe(prompt);
    await popup.close();
  });

  it('asks the side panel to open the source entry from the feedback', async () => {
    // Whichever item of today's set is next: this test does not depend on how many the one above answered.
    const popup = await session.openPage('popup.html');
    await expect.poll(() => popup.locator('.progress').textContent()).toMatch(/\d\/5/);
    await answerCurrentItem(popup);
    // Recorded as written: a side panel that opens takes the request and clears it at once, so polling the
    // stored value may never see it.
    await session.worker.evaluate(() => {
      const seen: unknown[] = [];
      (globalThis as unknown as { __requests: unknown[] }).__requests = seen;
      chrome.storage.session.onChanged.addListener((changes) => {
        if (changes.panelRequest?.newValue) seen.push(changes.panelRequest.newValue);
      });
    });
    await popup.getByRole('button', { name: '在侧边栏中查看' }).click();
    await expect
      .poll(() => session.worker.evaluate(() => (globalThis as unknown as { __requests: unknown[] }).__requests))
      .toContainEqual(expect.objectContaining({ type: 'open', id: expect.stringMatching(/^[a-z0-9-]+$/) }));
    await popup.close();
  });
});

describe('daily quiz popup with a 10,000-entry team pack', () => {
  const SIZE = 10_000;
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchExtension();
  });
  afterAll(async () => {
    await session?.close();
  });
  afterEach(() => {
    expect(session.errors).toEqual([]);
  });

  it('opens on today’s first question, taken from the active packs', async () => {
    const pack = bigPack(SIZE);
    // Installed as the options page stores it, with the built-in pack switched off: every item of today's
    // set must then come from the team pack. (Importing through the page is tested in options.e2e.ts.)
    const revision = 777_000;
    await session.seedLocal({
      packLibrary: {
        revision,
        builtinEnabled: false,
        packs: [{ pack, enabled: true, origin: 'import', from: 'big.json', installedAt: 1 }],
      },
      packRevision: revision,
    });

    // The background follows the packs: a new set and its snapshot, keyed by the new revision.
    await expect
      .poll(
        async () => (await session.readLocal<{ quizToday?: { revision: number } }>('quizToday')).quizToday?.revision,
        { timeout: 120_000, interval: 250 },
      )
      .toBe(revision);

    const popup = await session.openPage('popup.html');
    await expect.poll(() => popup.locator('.progress').textContent(), { timeout: 30_000 }).toContain('1/5');
    const entries = new Map((pack.entries as { id: string; stem?: string; scenario?: string }[]).map((e) => [e.id, e]));
    const entryOf = (itemId: string) => entries.get(itemId.slice(itemId.indexOf(':') + 1));
    // The background stores the snapshot the popup opens from, then the state: poll until the state has it too.
    const storedSet = async () =>
      (await session.readLocal<{ quiz?: { today?: { itemIds: string[] } } }>('quiz')).quiz?.today?.itemIds ?? [];
    await expect.poll(async () => (await storedSet()).filter((id) => !entryOf(id)), { timeout: 30_000 }).toEqual([]);
    const quiz = { today: { itemIds: await storedSet() } };
    expect(quiz.today.itemIds).toHaveLength(5);
    const first = entryOf(quiz.today.itemIds[0] as string);
    expect(await popup.locator('.prompt').first().textContent()).toBe(first?.stem ?? first?.scenario);
    await popup.close();
  }, 240_000);
});
