/** The panel's persisted state through the real adapter, on WXT's in-memory fake browser. */

import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { createPanelApi } from '../../utils/browser/panel-api';
import { settingsItem } from '../../utils/browser/storage';
import { DEFAULT_SETTINGS } from '../../utils/settings';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('panel storage', () => {
  it('sets a corrupted value aside under <key>:corrupt and carries on with the repaired one', async () => {
    await fakeBrowser.storage.local.set({
      panelRecents: { not: 'a list' },
      panelFavorites: ['ok-1', 'BAD ID', 'ok-1'],
    });
    const state = await createPanelApi().loadState();
    expect(state.recents).toEqual([]);
    expect(state.favorites).toEqual(['ok-1']);
    const stored = await fakeBrowser.storage.local.get(null);
    expect(stored['panelRecents:corrupt']).toEqual([{ at: expect.any(Number), value: { not: 'a list' } }]);
    expect(stored['panelFavorites:corrupt']).toEqual([{ at: expect.any(Number), value: ['ok-1', 'BAD ID', 'ok-1'] }]);
    expect(stored.panelFavorites).toEqual(['ok-1']);
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
