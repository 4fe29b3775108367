/**
 * Two (or more) browser profiles for unit tests: each its own local and session storage, all sharing
 * one "browser sync" network. A profile's `storage.sync` is its own replica, as in a real browser; while
 * the network is connected a write reaches the other replicas at once (firing their onChanged), and on
 * reconnecting the replicas converge per key, the latest write winning — what Chrome Sync and Firefox Sync
 * do. Writes to `storage.sync` are held to the real quotas (bytes, bytes per item, items), with the
 * browsers' error messages.
 *
 * `loadProfile` imports the extension's adapter modules afresh for a profile (vi.resetModules), so each
 * profile runs the real adapter code on its own storage (vitest.config.ts inlines @wxt-dev/storage so
 * that it, too, is loaded per profile).
 */
import { vi } from 'vitest';
import { itemBytes, SYNC_QUOTA } from '../../utils/sync/layout';

type Changes = Record<string, { oldValue?: unknown; newValue?: unknown }>;
type Listener = (changes: Changes, area: string) => void;

const clone = <T>(v: T): T => (v === undefined ? v : structuredClone(v));

function event<L extends (...args: never[]) => unknown>() {
  const listeners = new Set<L>();
  return {
    addListener: (l: L) => void listeners.add(l),
    removeListener: (l: L) => void listeners.delete(l),
    hasListener: (l: L) => listeners.has(l),
    fire: (...args: Parameters<L>) => {
      for (const l of [...listeners]) l(...args);
    },
  };
}

/** A storage area on a Map; changes are announced after the write, as browsers do (never inside it). */
function area(name: string, emit: (changes: Changes, area: string) => void) {
  const data = new Map<string, unknown>();
  const onChanged = event<(changes: Changes) => void>();
  const announce = (changes: Changes) => {
    if (!Object.keys(changes).length) return;
    setTimeout(() => {
      onChanged.fire(changes);
      emit(changes, name);
    }, 0);
  };
  const api = {
    data,
    onChanged,
    async get(keys?: string | string[] | Record<string, unknown> | null) {
      const names =
        keys == null
          ? [...data.keys()]
          : typeof keys === 'string'
            ? [keys]
            : Array.isArray(keys)
              ? keys
              : Object.keys(keys);
      const out: Record<string, unknown> = {};
      for (const k of names) if (data.has(k)) out[k] = clone(data.get(k));
      return out;
    },
    /** Writes without the quota checks (the network's own replication). */
    apply(items: Record<string, unknown>, removed: string[] = []): Changes {
      const changes: Changes = {};
      for (const k of removed) {
        if (!data.has(k)) continue;
        changes[k] = { oldValue: data.get(k) };
        data.delete(k);
      }
      for (const [k, v] of Object.entries(items)) {
        const old = data.get(k);
        if (JSON.stringify(old) === JSON.stringify(v)) continue;
        data.set(k, clone(v));
        changes[k] = { oldValue: old, newValue: clone(v) };
      }
      announce(changes);
      return changes;
    },
    async set(items: Record<string, unknown>) {
      api.apply(items);
    },
    async remove(keys: string | string[]) {
      api.apply({}, typeof keys === 'string' ? [keys] : keys);
    },
    async clear() {
      api.apply({}, [...data.keys()]);
    },
  };
  return api;
}

export type FakeArea = ReturnType<typeof area>;

/** The sync network the profiles share. */
export class SyncNetwork {
  connected = true;
  /** Every write and remove call made to any replica (the write-rate limits count these). */
  operations: { profile: string; kind: 'set' | 'remove'; keys: string[] }[] = [];
  private replicas = new Map<string, FakeArea>();
  /** Per key: the sequence number of the write that set it, for last-writer-wins on reconnect. */
  private written = new Map<string, Map<string, number>>();
  private sequence = 0;

  replica(profile: string, emit: Listener): FakeArea {
    const replica = area('sync', emit);
    this.replicas.set(profile, replica);
    this.written.set(profile, new Map());
    const set = async (items: Record<string, unknown>) => {
      this.operations.push({ profile, kind: 'set', keys: Object.keys(items) });
      const next = new Map(replica.data);
      for (const [k, v] of Object.entries(items)) next.set(k, v);
      for (const [k, v] of Object.entries(items)) {
        if (itemBytes(k, v) > SYNC_QUOTA.itemBytes) throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
      }
      if (next.size > SYNC_QUOTA.items) throw new Error('MAX_ITEMS quota exceeded');
      const total = [...next].reduce((n, [k, v]) => n + itemBytes(k, v), 0);
      if (total > SYNC_QUOTA.bytes) throw new Error('QUOTA_BYTES quota exceeded');
      this.write(profile, items, []);
    };
    const remove = async (keys: string | string[]) => {
      const list = typeof keys === 'string' ? [keys] : keys;
      this.operations.push({ profile, kind: 'remove', keys: list });
      this.write(profile, {}, list);
    };
    return Object.assign(replica, { set, remove });
  }

  private write(profile: string, items: Record<string, unknown>, removed: string[]) {
    const stamp = ++this.sequence;
    const targets = this.connected ? [...this.replicas.keys()] : [profile];
    for (const name of targets) {
      (this.replicas.get(name) as FakeArea).apply(items, removed);
      const w = this.written.get(name) as Map<string, number>;
      for (const k of [...Object.keys(items), ...removed]) w.set(k, stamp);
    }
  }

  /** Reconnects: every replica takes, key by key, the latest write any replica saw. */
  reconnect(): void {
    this.connected = true;
    const latest = new Map<string, { stamp: number; from: string }>();
    for (const [name, w] of this.written) {
      for (const [k, stamp] of w) if (stamp > (latest.get(k)?.stamp ?? -1)) latest.set(k, { stamp, from: name });
    }
    const winners = new Map<string, unknown>();
    for (const [k, { from }] of latest) winners.set(k, (this.replicas.get(from) as FakeArea).data.get(k));
    for (const [name, replica] of this.replicas) {
      const items: Record<string, unknown> = {};
      const removed: string[] = [];
      for (const [k, v] of winners) {
        if (v === undefined) removed.push(k);
        else items[k] = v;
      }
      replica.apply(items, removed);
      const w = this.written.get(name) as Map<string, number>;
      for (const [k, { stamp }] of latest) w.set(k, stamp);
    }
  }
}

/** A fake browser for one profile: storage (local, session, its sync replica), runtime, alarms. */
export function profileBrowser(name: string, network: SyncNetwork, version = '1.0.0') {
  const onChanged = event<Listener>();
  const emit: Listener = (changes, areaName) => onChanged.fire(changes, areaName);
  const local = area('local', emit);
  const session = area('session', emit);
  const sync = network.replica(name, emit);
  return {
    name,
    runtime: {
      id: `coach-${name}`,
      getManifest: () => ({ version, manifest_version: 3 }),
      getURL: (path: string) => `chrome-extension://coach-${name}${path}`,
      onInstalled: event<() => void>(),
      onStartup: event<() => void>(),
    },
    storage: { local, session, sync, onChanged, managed: area('managed', () => undefined) },
    alarms: {
      create: async () => undefined,
      get: async () => undefined,
      clear: async () => true,
      onAlarm: event<(alarm: { name: string }) => void>(),
    },
  };
}

export type ProfileBrowser = ReturnType<typeof profileBrowser>;

/** The extension's adapter, loaded afresh on `browser`. */
export async function loadProfile(browser: ProfileBrowser) {
  vi.resetModules();
  vi.doMock('wxt/browser', () => ({ browser }));
  vi.doMock('@wxt-dev/browser', () => ({ browser }));
  const [storage, sync, background, panel, personal, quizStore] = await Promise.all([
    import('../../utils/browser/storage'),
    import('../../utils/browser/browser-sync'),
    import('../../utils/browser/sync-background'),
    import('../../utils/browser/panel-api'),
    import('../../utils/browser/personal-store'),
    import('../../utils/browser/quiz-store'),
  ]);
  vi.doUnmock('wxt/browser');
  vi.doUnmock('@wxt-dev/browser');
  return {
    browser,
    storage,
    /** One sync run of this profile. */
    sync: (now?: number) => sync.syncBrowserData({ now, area: browser.storage.sync }),
    registerSyncListeners: background.registerSyncListeners,
    panel: panel.createPanelApi(),
    personal,
    quiz: quizStore,
  };
}

export type Profile = Awaited<ReturnType<typeof loadProfile>>;
