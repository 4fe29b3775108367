/** The toolbar badge: how many quiz items are left today ('' clears it). */
import { browser } from 'wxt/browser';

// MV3 (Chrome) has `action`; Firefox's MV2 build has `browserAction` with the same badge methods.
type BadgeApi = Pick<typeof browser.action, 'setBadgeText' | 'setBadgeBackgroundColor'>;

function badgeApi(): BadgeApi | undefined {
  return browser.action ?? (browser as unknown as { browserAction?: BadgeApi }).browserAction;
}

export async function setQuizBadge(text: string): Promise<void> {
  const api = badgeApi();
  if (!api) return;
  await api.setBadgeText({ text });
  if (text) await api.setBadgeBackgroundColor({ color: '#1a73e8' });
}
