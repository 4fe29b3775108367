/**
 * Site access asked for at run time is given back when nothing needs it: a site taken off the suggestion
 * list, an old policy URL's origin — when the setting or the policy changes and at start-up. The pure rule,
 * and the adapter's listeners on WXT's fake browser (which has no permissions API: a small in-memory one
 * stands in for it). Also: the Chrome manifest asks for Chrome 116, where sidePanel.open exists.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { registerPermissionListeners, releaseUnusedOrigins } from '../../utils/browser/origin-permissions';
import { updateSettings } from '../../utils/browser/storage';
import { unusedOrigins } from '../../utils/origins';
import config from '../../wxt.config';

describe('which granted origins nothing needs', () => {
  it('keeps suggestion sites, the policy URL origin and required patterns; leaves wildcards alone', () => {
    const granted = [
      'https://acme.zendesk.com/*',
      'https://old.zendesk.com/*',
      'https://kb.example.com/*',
      'https://old-kb.example.com/*',
      'http://127.0.0.1/*',
      'https://*/*',
      '<all_urls>',
    ];
    expect(
      unusedOrigins(
        granted,
        { suggestionSites: ['https://acme.zendesk.com'], policyUrl: 'https://kb.example.com/packs/acme.json' },
        ['http://127.0.0.1/*'],
      ),
    ).toEqual(['https://old.zendesk.com/*', 'https://old-kb.example.com/*']);
    expect(unusedOrigins(['https://a.example/*'], { suggestionSites: [] })).toEqual(['https://a.example/*']);
  });
});

describe('giving site access back (the adapter)', () => {
  let granted: Set<string>;
  beforeEach(() => {
    fakeBrowser.reset();
    granted = new Set();
    fakeBrowser.permissions.getAll = vi.fn(async () => ({ origins: [...granted], permissions: [] }));
    fakeBrowser.permissions.remove = vi.fn(async ({ origins = [] }: { origins?: string[] }) => {
      for (const o of origins) {
        if (o === 'http://127.0.0.1/*') throw new Error('You cannot remove required permissions.');
        granted.delete(o);
      }
      return true;
    }) as typeof fakeBrowser.permissions.remove;
    fakeBrowser.runtime.getManifest = vi.fn(() => ({
      manifest_version: 3,
      name: 'test',
      version: '1',
      host_permissions: ['http://127.0.0.1/*'],
    })) as typeof fakeBrowser.runtime.getManifest;
  });

  it('at start-up: releases sites no longer in the list and an old policy URL origin, keeps what is needed', async () => {
    for (const o of ['https://acme.zendesk.com/*', 'https://gone.zendesk.com/*', 'https://old-kb.example.com/*']) {
      granted.add(o);
    }
    granted.add('https://kb.example.com/*');
    granted.add('http://127.0.0.1/*');
    await updateSettings({ suggestionSites: ['https://acme.zendesk.com'] });
    await fakeBrowser.storage.managed.set({ packUrl: 'https://kb.example.com/acme.json' });
    registerPermissionListeners();
    await fakeBrowser.runtime.onStartup.trigger();
    await expect
      .poll(() => [...granted].sort())
      .toEqual(['http://127.0.0.1/*', 'https://acme.zendesk.com/*', 'https://kb.example.com/*']);
  });

  it('when a site is taken off the suggestion list, and when the policy URL changes', async () => {
    granted.add('https://acme.zendesk.com/*');
    granted.add('https://beta.zendesk.com/*');
    granted.add('https://kb.example.com/*');
    await updateSettings({ suggestionSites: ['https://acme.zendesk.com', 'https://beta.zendesk.com'] });
    await fakeBrowser.storage.managed.set({ packUrl: 'https://kb.example.com/acme.json' });
    expect(await releaseUnusedOrigins()).toEqual([]);
    registerPermissionListeners();

    await updateSettings({ suggestionSites: ['https://acme.zendesk.com'] });
    await expect.poll(() => granted.has('https://beta.zendesk.com/*')).toBe(false);
    expect(granted.has('https://acme.zendesk.com/*')).toBe(true);

    await fakeBrowser.storage.managed.set({ packUrl: 'https://new-kb.example.com/acme.json' });
    await expect.poll(() => granted.has('https://kb.example.com/*')).toBe(false);
    expect([...granted]).toEqual(['https://acme.zendesk.com/*']);
  });
});

describe('manifest', () => {
  type ManifestFn = (env: { browser: string; manifestVersion: number; mode: string; command: string }) => {
    minimum_chrome_version?: string;
  };
  const manifest = config.manifest as unknown as ManifestFn;

  it('asks for Chrome 116 (sidePanel.open) in the Chrome build only', () => {
    expect(manifest({ browser: 'chrome', manifestVersion: 3, mode: 'production', command: 'build' })).toMatchObject({
      minimum_chrome_version: '116',
    });
    expect(
      manifest({ browser: 'firefox', manifestVersion: 2, mode: 'production', command: 'build' }).minimum_chrome_version,
    ).toBeUndefined();
  });
});
