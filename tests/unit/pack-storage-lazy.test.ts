/** Stored items are read only when asked (defineItem, defineLazyItem), on WXT's in-memory fake browser. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { defineLazyItem, packLibraryItem } from '../../utils/browser/storage';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('lazy storage items', () => {
  it('importing the storage module reads nothing, so a page’s first read is not queued behind others', async () => {
    vi.resetModules();
    const { fakeBrowser: fresh } = await import('wxt/testing');
    const local = vi.spyOn(fresh.storage.local, 'get');
    const session = vi.spyOn(fresh.storage.session, 'get');
    const items = await import('../../utils/browser/storage');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(local).not.toHaveBeenCalled();
    expect(session).not.toHaveBeenCalled();
    // Still the same items: a value is read (and migrated) on first use.
    await fresh.storage.local.set({ panelFavorites: ['a'] });
    expect(Object.keys(await items.favoritesItem.getValue())).toEqual(['a']);
    expect(local).toHaveBeenCalled();
  });

  it('read nothing until asked, then read and write the plain stored value', async () => {
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    const item = defineLazyItem<{ n: number } | null>('local:lazyTest', null);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(get).not.toHaveBeenCalled();
    expect(await item.getValue()).toBeNull();
    await item.setValue({ n: 1 });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ lazyTest: { n: 1 } });
    expect(await item.getValue()).toEqual({ n: 1 });
    get.mockRestore();
  });

  it('reads a library stored by an earlier release (defineItem, version 1) as it is', async () => {
    const library = { revision: 3, builtinEnabled: true, packs: [] };
    await fakeBrowser.storage.local.set({ packLibrary: library });
    expect(await packLibraryItem.getValue()).toEqual(library);
  });

  it('calls watchers with the fallback for a removed value', async () => {
    const item = defineLazyItem<string[]>('local:lazyList', []);
    const seen: string[][] = [];
    const unwatch = item.watch((next) => seen.push(next));
    await item.setValue(['a']);
    await fakeBrowser.storage.local.remove('lazyList');
    await vi.waitFor(() => expect(seen).toEqual([['a'], []]));
    unwatch();
  });
});
