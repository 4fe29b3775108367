/**
 * Gives back host access nothing needs any more (see utils/origins.ts): at start-up, when the settings
 * change (a site taken off the suggestion list) and when the administrator's policy changes (an old pack
 * URL's origin). Registered by the background.
 */
import { browser } from 'wxt/browser';
import { unusedOrigins } from '../origins';
import { readManagedPolicy } from './managed-sync';
import { readSettings, settingsItem } from './storage';

/** Host patterns the manifest itself grants (never removable, and not ours to give back). */
function requiredPatterns(): string[] {
  const manifest = browser.runtime.getManifest() as { host_permissions?: string[]; permissions?: string[] };
  return [...(manifest.host_permissions ?? []), ...(manifest.permissions ?? [])];
}

/** Removes every granted origin that no suggestion site and no policy URL needs; returns what it removed. */
export async function releaseUnusedOrigins(): Promise<string[]> {
  const [granted, settings, managed] = await Promise.all([
    browser.permissions.getAll(),
    readSettings(),
    readManagedPolicy(),
  ]);
  const release = unusedOrigins(
    granted.origins ?? [],
    { suggestionSites: settings.suggestionSites, policyUrl: managed.policy?.packUrl },
    requiredPatterns(),
  );
  const removed: string[] = [];
  // One origin at a time: one the browser refuses to remove must not keep the others granted.
  for (const origin of release) {
    try {
      if (await browser.permissions.remove({ origins: [origin] })) removed.push(origin);
    } catch (error) {
      console.error(`could not give back access to ${origin}`, error);
    }
  }
  return removed;
}

export function registerPermissionListeners(): void {
  const release = () => {
    releaseUnusedOrigins().catch((error) => console.error('could not give back unused site access', error));
  };
  browser.runtime.onStartup.addListener(release);
  browser.runtime.onInstalled.addListener(release);
  settingsItem.watch(release);
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed') release();
  });
}
