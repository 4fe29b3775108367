/**
 * Fetching a managed pack over the network, refusing what a hostile or broken server could do to the sync:
 * a redirect through plain HTTP (whoever sits on that hop would choose the pack), a server that never
 * answers (one deadline covers every hop and the whole body), and a body too large to hold (counted while
 * it streams, before any text is made of it).
 *
 * Redirects are followed here, hop by hop (`redirect: 'manual'`), each hop's address checked. A browser
 * hides where a redirect goes (an opaque-redirect response: atomic HTTP redirect handling), so there the
 * hop cannot be checked and a redirecting address is refused with a message asking for the final address.
 */
import { MAX_IMPORT_BYTES } from '../packs/import';

export const FETCH_TIMEOUT_MS = 60_000;
export const MAX_REDIRECTS = 5;

export interface FetchPackOptions {
  /** The network; the real `fetch` unless a test passes another. */
  fetch?: typeof globalThis.fetch;
  /** One deadline for the request, every redirect and the whole body. */
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
}

export interface FetchedPack {
  status: number;
  /** The body, for a 2xx answer only (an error page is not read). */
  bytes: Uint8Array;
  /** The address that answered, after redirects. */
  url: string;
}

const REDIRECT = new Set([301, 302, 303, 307, 308]);
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

function tooLarge(maxBytes: number): Error {
  return new Error(`the pack is larger than ${mb(maxBytes)}, the limit for packs`);
}

/** Reads the body chunk by chunk, giving up as soon as it passes `maxBytes`. */
async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel();
    throw tooLarge(maxBytes);
  }
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

async function follow(url: string, options: Required<FetchPackOptions>, signal: AbortSignal): Promise<FetchedPack> {
  let current = url;
  for (let hop = 0; ; hop++) {
    if (new URL(current).protocol !== 'https:') {
      throw new Error(
        hop === 0 ? `not an HTTPS address (${current})` : `redirected to a non-HTTPS address (${current})`,
      );
    }
    // No cookies: a pack URL is configuration, not a logged-in resource; no-cache so an update shows up.
    const response = await options.fetch(current, {
      credentials: 'omit',
      cache: 'no-cache',
      redirect: 'manual',
      signal,
    });
    if (response.type === 'opaqueredirect') {
      throw new Error(
        `${current} redirects elsewhere and the browser does not reveal where, so the redirect cannot be checked for HTTPS: set packUrl to the final https:// address of the pack`,
      );
    }
    if (REDIRECT.has(response.status)) {
      await response.body?.cancel();
      const location = response.headers.get('location');
      if (!location) throw new Error(`HTTP ${response.status} from ${current} without a Location`);
      if (hop >= options.maxRedirects) throw new Error(`more than ${options.maxRedirects} redirects from ${url}`);
      current = new URL(location, current).href;
      continue;
    }
    if (response.status < 200 || response.status > 299) {
      await response.body?.cancel();
      return { status: response.status, bytes: new Uint8Array(0), url: current };
    }
    return { status: response.status, bytes: await readCapped(response, options.maxBytes), url: current };
  }
}

/**
 * Fetches a pack file: HTTPS on every hop, at most `maxRedirects` redirects, within `timeoutMs`, at most
 * `maxBytes`. Throws an Error whose message says which of these failed.
 */
export async function fetchPackBytes(url: string, options: FetchPackOptions = {}): Promise<FetchedPack> {
  const settled: Required<FetchPackOptions> = {
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    timeoutMs: options.timeoutMs ?? FETCH_TIMEOUT_MS,
    maxBytes: options.maxBytes ?? MAX_IMPORT_BYTES,
    maxRedirects: options.maxRedirects ?? MAX_REDIRECTS,
  };
  const signal = AbortSignal.timeout(settled.timeoutMs);
  try {
    return await follow(url, settled, signal);
  } catch (error) {
    if (signal.aborted) {
      throw new Error(`no complete answer within ${settled.timeoutMs / 1000} s (the server stalled)`);
    }
    throw error;
  }
}
