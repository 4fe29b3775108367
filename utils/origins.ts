/**
 * Host access the extension asked for at run time (page suggestions per site, the managed pack URL's
 * origin) is given back when nothing needs it any more: a site taken off the suggestion list, a policy URL
 * that changed or went away. Pure: the browser adapter (utils/browser/origin-permissions.ts) applies it.
 */

/** `https://acme.zendesk.com/*` → `https://acme.zendesk.com`; undefined for wildcards and other forms. */
function originOfPattern(pattern: string): string | undefined {
  const m = /^(https?):\/\/([^/*]+)\/\*$/.exec(pattern);
  return m ? `${m[1]}://${m[2]}` : undefined;
}

function originOfUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

export interface NeededOrigins {
  /** Origins where the agent turned page suggestions on (settings.suggestionSites). */
  suggestionSites: readonly string[];
  /** The administrator's current pack URL, if any. */
  policyUrl?: string;
}

/**
 * Granted host patterns that nothing needs: each is one origin (`scheme://host/*`) that is neither a
 * suggestion site nor the policy URL's origin. Patterns the manifest requires, and broad patterns
 * (wildcards, `<all_urls>`) the extension never asks for at run time, are left alone.
 */
export function unusedOrigins(
  granted: readonly string[],
  needed: NeededOrigins,
  required: readonly string[] = [],
): string[] {
  const keep = new Set(needed.suggestionSites);
  const policy = originOfUrl(needed.policyUrl);
  if (policy) keep.add(policy);
  const fixed = new Set(required);
  return granted.filter((pattern) => {
    const origin = originOfPattern(pattern);
    return origin !== undefined && !fixed.has(pattern) && !keep.has(origin);
  });
}
