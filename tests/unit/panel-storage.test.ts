/** The panel's persisted state through the real adapter, on WXT's in-memory fake browser. */

import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { createPanelApi } from '../../utils/browser/panel-api';
import { settingsItem } from '../../utils/browser/storage';
import { DEFAULT_SETTINGS } from '../../utils/settings';

/** The adapter as a page that starts after an update loads it: its items defined afresh over what is stored. */
async function freshAdapter() {
  vi.resetModules();
  const [panel, storage] = await Promise.all([
    import('../../utils/browser/panel-api'),
    import('../../utils/browser/storage'),
  ]);
  return { api: panel.createPanelApi(), favoritesItem: storage.favoritesItem };
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('panel storage', () => {
  it('sets a corrupted value aside under <key>:corrupt and carries on with the repaired one', async () => {
    await fakeBrowser.storage.local.set({
      panelRecents: { not: 'a list' },
      panelFavorites: ['ok-1', 'BAD ID', 'ok-1'],
    });
    const state = await (await freshAdapter()).api.loadState();
    expect(state.recents).toEqual([]);
    expect(state.favorites).toEqual(['ok-1']);
    const stored = await fakeBrowser.storage.local.get(null);
    expect(stored['panelRecents:corrupt']).toEqual([{ at: expect.any(Number), value: { not: 'a list' } }]);
    // Favourites are stored with times since they sync (version 2): the list is migrated to marks first,
    // then the bad id is set aside with them.
    expect(stored['panelFavorites:corrupt']).toEqual([
      { at: expect.any(Number), value: { 'ok-1': expect.anything(), 'BAD ID': expect.anything() } },
    ]);
    expect(stored.panelFavorites).toEqual({ 'ok-1': { on: true, at: expect.any(Number) } });
  });

  it('migrates version 1 favourites (a list, most recent first) keeping their order', async () => {
    await fakeBrowser.storage.local.set({ panelFavorites: ['b-2', 'a-1', 'c-3'], panelFavorites$: { v: 1 } });
    const { api, favoritesItem } = await freshAdapter();
    // Favourites are defined on first use (storage.ts): the migration runs then.
    await favoritesItem.getValue();
    const stored = await fakeBrowser.storage.local.get(null);
    expect(stored.panelFavorites$).toEqual({ v: 2 });
    expect(stored['panelFavorites:corrupt']).toBeUndefined();
    expect((await api.loadState()).favorites).toEqual(['b-2', 'a-1', 'c-3']);
    expect(await api.toggleFavorite('d-4')).toEqual(['d-4', 'b-2', 'a-1', 'c-3']);
  });

  it('records usage and recents, and toggles favorites', async () => {
    const api = createPanelApi();
    await api.noteUsed('a');
    const next = await api.noteUsed('b');
    expect(next.recents).toEqual(['b', 'a']);
    expect((await api.noteUsed('a')).usage).toEqual({ a: 2, b: 1 });
    expect(await api.toggleFavorite('a')).toEqual(['a']);
    expect(await api.toggleFavorite('a')).toEqual([]);
  });

  it('records no-result queries only when the setting allows it', async () => {
    const api = createPanelApi();
    await api.recordNoResult('找不到的词');
    await api.recordNoResult('找不到的词');
    expect((await fakeBrowser.storage.local.get('noResultLog')).noResultLog).toMatchObject([
      { query: '找不到的词', count: 2 },
    ]);
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, recordNoResults: false });
    await api.recordNoResult('另一个');
    expect((await fakeBrowser.storage.local.get('noResultLog')).noResultLog).toHaveLength(1);
  });

  it('hands a fresh request to the panel once, and ignores one left from earlier', async () => {
    const seen: unknown[] = [];
    await fakeBrowser.storage.session.set({ panelRequest: { type: 'search', query: '旧的', at: Date.now() - 60_000 } });
    const stop = createPanelApi().watchRequests((r) => seen.push(r));
    await new Promise((r) => setTimeout(r, 20));
    expect(seen).toEqual([]);
    await fakeBrowser.storage.session.set({ panelRequest: { type: 'open', id: 'x-1', at: Date.now() } });
    await new Promise((r) => setTimeout(r, 20));
    expect(seen).toEqual([{ type: 'open', id: 'x-1' }]);
    expect((await fakeBrowser.storage.session.get('panelRequest')).panelRequest).toBeUndefined(); // consumed
    stop();
  });
});
