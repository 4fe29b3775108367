import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionSession, launchExtension } from './harness';

describe('built Chrome extension', () => {
  let session: ExtensionSession;
  beforeAll(async () => {
    session = await launchExtension();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('loads its service worker with no errors', async () => {
    expect(session.extensionId).toMatch(/^[a-p]{32}$/);
    const manifest = await session.worker.evaluate(() => chrome.runtime.getManifest());
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.host_permissions ?? []).toEqual([]);
  });

  for (const page of ['sidepanel.html', 'popup.html', 'options.html'] as const) {
    it(`opens ${page} without page errors`, async () => {
      const tab = await session.openPage(page);
      await tab.waitForSelector('#app > *', { timeout: 30_000 });
      // Every uncaught error of any page since the browser started, the first moments included.
      expect(session.errors).toEqual([]);
      await tab.close();
    });
  }
});
