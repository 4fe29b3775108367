/**
 * A stand-in for the browser's sync server, for e2e tests with two Chromium profiles. Chromium's real sync
 * cannot run here (headless, no account; the harness passes --disable-sync, under which
 * `chrome.storage.sync` still works as a local area with its quotas enforced), so this relay copies
 * `chrome.storage.sync` between the profiles' service workers with `worker.evaluate`: each round it reads
 * every profile's sync area, takes what a profile changed since the last round into a shared copy (per key,
 * the last writer wins, as Chrome Sync does), and writes the shared copy's changes into the other profiles.
 * The extension then sees ordinary `storage.onChanged` events in the 'sync' area — the same code path as
 * real sync. Test-only: nothing in the extension knows about it.
 */
import type { BrowserContext, Worker } from 'playwright-core';

type Snapshot = Record<string, string>;

/** The profile's current service worker (MV3 may restart it; the old handle then stops working). */
async function workerOf(context: BrowserContext): Promise<Worker> {
  const running = context.serviceWorkers();
  return running[running.length - 1] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
}

async function read(context: BrowserContext): Promise<Snapshot> {
  const items = (await (await workerOf(context)).evaluate(() => chrome.storage.sync.get(null))) as Record<
    string,
    unknown
  >;
  return Object.fromEntries(Object.entries(items).map(([k, v]) => [k, JSON.stringify(v)]));
}

async function write(context: BrowserContext, set: Snapshot, remove: string[]): Promise<void> {
  const items = Object.fromEntries(Object.entries(set).map(([k, v]) => [k, JSON.parse(v)]));
  await (await workerOf(context)).evaluate(
    async ([items, remove]) => {
      if (remove.length) await chrome.storage.sync.remove(remove);
      if (Object.keys(items).length) await chrome.storage.sync.set(items);
    },
    [items, remove] as const,
  );
}

export interface SyncRelay {
  /** Stops copying (the profiles are then "offline" from each other) until `resume`. */
  pause(): Promise<void>;
  resume(): void;
  stop(): Promise<void>;
}

export function startSyncRelay(contexts: BrowserContext[], intervalMs = 200): SyncRelay {
  const shared: Snapshot = {};
  const seen: Snapshot[] = contexts.map(() => ({}));
  let paused = false;
  let stopped = false;
  let failure: unknown;

  async function round(): Promise<void> {
    const now = await Promise.all(contexts.map(read));
    // What each profile changed since it was last seen goes to the shared copy, in profile order.
    now.forEach((snap, i) => {
      const before = seen[i] as Snapshot;
      for (const key of new Set([...Object.keys(before), ...Object.keys(snap)])) {
        if (snap[key] === before[key]) continue;
        if (snap[key] === undefined) delete shared[key];
        else shared[key] = snap[key] as string;
      }
    });
    await Promise.all(
      contexts.map(async (context, i) => {
        const snap = now[i] as Snapshot;
        const set: Snapshot = {};
        for (const [k, v] of Object.entries(shared)) if (snap[k] !== v) set[k] = v;
        const remove = Object.keys(snap).filter((k) => !(k in shared));
        if (Object.keys(set).length || remove.length) await write(context, set, remove);
        seen[i] = { ...shared };
      }),
    );
  }

  let current = Promise.resolve();
  // A round can fail while a service worker restarts: the next one retries; three in a row end the relay.
  let failedRounds = 0;
  const loop = async () => {
    while (!stopped) {
      if (!paused) {
        current = round();
        try {
          await current;
          failedRounds = 0;
        } catch (error) {
          failedRounds++;
          if (failedRounds >= 3) {
            failure = error;
            stopped = true;
          }
        }
      }
      await new Promise((r) => setTimeout(r, intervalMs));
    }
  };
  const running = loop();
  const check = () => {
    if (failure) throw failure;
  };
  return {
    async pause() {
      paused = true;
      await current.catch(() => undefined); // a failed round is the loop's to retry or report
      check();
    },
    resume() {
      check();
      paused = false;
    },
    async stop() {
      stopped = true;
      await running;
      check();
    },
  };
}
