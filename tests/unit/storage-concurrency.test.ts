/**
 * Two writers at once, through the real adapter on WXT's in-memory fake browser (with Web Locks as every
 * extension page has them): nothing one of them was told is saved may be lost, and damaged values are
 * kept, dated, never overwritten.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { Pack } from '../../knowledge/schema';
import { nextRevision, readPackLibrary, writePackLibrary } from '../../utils/browser/pack-store';
import { createPanelApi } from '../../utils/browser/panel-api';
import { readRepaired, recentsItem, updateSettings } from '../../utils/browser/storage';
import type { PackLibrary, StoredPack } from '../../utils/packs/library';
import { repairIdList } from '../../utils/panel/history';

beforeEach(() => {
  fakeBrowser.reset();
});

const pack = (id: string): Pack => ({
  format: 'agent-coach-pack',
  formatVersion: 1,
  id,
  name: id,
  entries: [
    {
      kind: 'phrasing',
      id: `${id}-hello`,
      title: `${id} 问候`,
      tags: [],
      keywords: [],
      provenance: { source: 'test', section: 'test', number: 1 },
      reviewedAt: '2026-11-01',
      text: '您好',
    },
  ],
});
const stored = (id: string): StoredPack => ({
  pack: pack(id),
  enabled: true,
  origin: 'import',
  from: id,
  installedAt: 1,
});
const withPacks = (base: PackLibrary, ...ids: string[]): PackLibrary => ({
  ...base,
  revision: base.revision + 1,
  packs: [...base.packs, ...ids.map(stored)],
});

describe('the pack library with two writers', () => {
  it('lets exactly one of two concurrent writes from the same revision land; the other is told to retry', async () => {
    const base = await readPackLibrary();
    // An Apply in the options page and a policy sync, both computed from the same library.
    const [a, b] = await Promise.all([
      writePackLibrary(withPacks(base, 'team-a'), base.revision),
      writePackLibrary(withPacks(base, 'team-b'), base.revision),
    ]);
    expect([a.ok, b.ok].sort()).toEqual([false, true]);
    const landed = (a.ok ? a : b) as Extract<typeof a, { ok: true }>;
    const after = await readPackLibrary();
    expect(after.packs.map((p) => p.pack.id)).toEqual(landed.library.packs.map((p) => p.pack.id));
    expect(after.revision).toBe(landed.library.revision);
    const refused = (a.ok ? b : a) as Extract<typeof a, { ok: false }>;
    expect(refused.message).toMatch(/changed elsewhere/);
  });

  it('keeps both packs when the second writer reads again and retries, as the adapter callers do', async () => {
    const base = await readPackLibrary();
    const first = await writePackLibrary(withPacks(base, 'team-a'), base.revision);
    expect(first.ok).toBe(true);
    const stale = await writePackLibrary(withPacks(base, 'team-b'), base.revision);
    expect(stale.ok).toBe(false);
    const fresh = await readPackLibrary();
    expect((await writePackLibrary(withPacks(fresh, 'team-b'), fresh.revision)).ok).toBe(true);
    expect((await readPackLibrary()).packs.map((p) => p.pack.id)).toEqual(['team-a', 'team-b']);
  });

  it('never reuses a revision, even after the library was cleared', async () => {
    const base = await readPackLibrary();
    const first = await writePackLibrary(withPacks(base, 'team-a'), base.revision, 1_000);
    if (!first.ok) throw new Error(first.message);
    await fakeBrowser.storage.local.clear();
    const again = await readPackLibrary();
    const second = await writePackLibrary(withPacks(again, 'team-b'), again.revision, 2_000);
    if (!second.ok) throw new Error(second.message);
    expect(second.library.revision).not.toBe(first.library.revision);
    expect(nextRevision(5, 3)).toBe(6);
    expect(nextRevision(5, 1_000)).toBe(1_000);
  });
});

describe('favourites, recents and settings with two windows', () => {
  it('keeps both stars when two panels star different entries at once', async () => {
    const left = createPanelApi();
    const right = createPanelApi();
    await Promise.all([left.toggleFavorite('entry-a'), right.toggleFavorite('entry-b')]);
    expect((await left.loadState()).favorites.sort()).toEqual(['entry-a', 'entry-b']);
  });

  it('counts every use when two panels copy at once', async () => {
    const left = createPanelApi();
    const right = createPanelApi();
    await Promise.all([left.noteUsed('entry-a'), right.noteUsed('entry-a'), right.noteUsed('entry-b')]);
    const state = await left.loadState();
    expect(state.usage).toEqual({ 'entry-a': 2, 'entry-b': 1 });
    expect(state.recents.sort()).toEqual(['entry-a', 'entry-b']);
  });

  it('keeps a site the panel enabled when the options page saves another setting meanwhile', async () => {
    await Promise.all([
      updateSettings({ quizSize: 8 }),
      createPanelApi().enableSuggestions('https://acme.zendesk.com', true),
    ]);
    const state = await createPanelApi().loadState();
    expect(state.settings.quizSize).toBe(8);
    expect(state.settings.suggestionSites).toEqual(['https://acme.zendesk.com']);
  });
});

describe('damaged values', () => {
  it('are kept aside dated, each one, never overwriting an earlier copy', async () => {
    const repair = (v: unknown) => repairIdList(v, 20);
    await fakeBrowser.storage.local.set({ panelRecents: { first: 'damage' } });
    await readRepaired(recentsItem, repair, [], 1_000);
    await fakeBrowser.storage.local.set({ panelRecents: 'second damage' });
    await readRepaired(recentsItem, repair, [], 2_000);
    const kept = (await fakeBrowser.storage.local.get('panelRecents:corrupt'))['panelRecents:corrupt'];
    expect(kept).toEqual([
      { at: 1_000, value: { first: 'damage' } },
      { at: 2_000, value: 'second damage' },
    ]);
  });

  it('keep a bare copy an older release left under <key>:corrupt', async () => {
    await fakeBrowser.storage.local.set({ 'panelRecents:corrupt': { old: 1 }, panelRecents: 42 });
    await readRepaired(recentsItem, (v) => repairIdList(v, 20), [], 5_000);
    const kept = (await fakeBrowser.storage.local.get('panelRecents:corrupt'))['panelRecents:corrupt'];
    expect(kept).toEqual([
      { at: 0, value: { old: 1 } },
      { at: 5_000, value: 42 },
    ]);
  });
});
