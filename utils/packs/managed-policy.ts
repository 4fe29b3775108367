/**
 * Packs pushed by an administrator through browser policy (`storage.managed`): parsing the policy,
 * deciding when to sync, and one sync run with the network and clock injected. The browser adapter
 * (utils/browser/managed-sync.ts) reads the policy, supplies `fetch`, and stores the results.
 */
import { formatProblem, type PackProblem } from '../../knowledge/problems';
import type { Pack } from '../../knowledge/schema';
import { planImport, readPackBytes } from './import';
import { idsOutside, type PackLibrary } from './library';

export interface ManagedPolicy {
  /** HTTPS address of a pack JSON file. Takes precedence over `pack`. */
  packUrl?: string;
  /** An inline pack, as JSON text. */
  pack?: string;
  syncIntervalMinutes: number;
}

export const DEFAULT_SYNC_MINUTES = 360;
export const MIN_SYNC_MINUTES = 15;
export const MAX_SYNC_MINUTES = 10_080;

/** What the options page shows about the last sync; errors are specific sentences for the admin. */
export interface SyncStatus {
  /** Fingerprint of the policy the status belongs to: a changed policy syncs at once. */
  policyKey: string;
  lastAttemptAt?: number;
  lastSuccessAt?: number;
  /** Where the current good copy came from (URL or "policy"), and its pack id. */
  source?: string;
  packId?: string;
  errors: string[];
}

/** Validates the raw managed-storage object. `policy` is null when nothing usable is configured. */
export function parseManagedPolicy(raw: unknown): { policy: ManagedPolicy | null; problems: string[] } {
  const problems: string[] = [];
  if (!raw || typeof raw !== 'object') return { policy: null, problems };
  const r = raw as Record<string, unknown>;
  const policy: ManagedPolicy = { syncIntervalMinutes: DEFAULT_SYNC_MINUTES };
  if (r.packUrl !== undefined && r.packUrl !== '') {
    let url: URL | undefined;
    try {
      url = typeof r.packUrl === 'string' ? new URL(r.packUrl) : undefined;
    } catch {
      url = undefined;
    }
    if (!url) problems.push(`policy packUrl is not a web address: ${String(r.packUrl).slice(0, 200)}`);
    else if (url.protocol !== 'https:')
      problems.push(`policy packUrl must start with https:// (got ${url.protocol}//)`);
    else policy.packUrl = url.href;
  }
  if (r.pack !== undefined && r.pack !== '') {
    // Chrome policies carry it as JSON text (the schema says string); Firefox policies.json may give an object.
    if (typeof r.pack === 'string') policy.pack = r.pack;
    else if (typeof r.pack === 'object' && r.pack !== null) policy.pack = JSON.stringify(r.pack);
    else problems.push('policy pack must be the pack as JSON text or an object');
  }
  if (r.syncIntervalMinutes !== undefined) {
    const n = r.syncIntervalMinutes;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < MIN_SYNC_MINUTES || n > MAX_SYNC_MINUTES) {
      problems.push(
        `policy syncIntervalMinutes must be a whole number from ${MIN_SYNC_MINUTES} to ${MAX_SYNC_MINUTES}; using ${DEFAULT_SYNC_MINUTES}`,
      );
    } else policy.syncIntervalMinutes = n;
  }
  return { policy: policy.packUrl || policy.pack ? policy : null, problems };
}

export function policyKey(policy: ManagedPolicy | null): string {
  return policy ? JSON.stringify([policy.packUrl ?? '', policy.pack ?? '', policy.syncIntervalMinutes]) : '';
}

/** The origin pattern to request as an optional host permission: that origin only. */
export function originPattern(url: string): string {
  return `${new URL(url).origin}/*`;
}

/** A sync is due when the policy changed, or the interval passed since the last attempt. */
export function syncDue(status: SyncStatus | null, policy: ManagedPolicy | null, now: number): boolean {
  if (!status || status.policyKey !== policyKey(policy)) return true;
  if (!policy || status.lastAttemptAt === undefined) return true;
  return now - status.lastAttemptAt >= policy.syncIntervalMinutes * 60_000;
}

/** Fetches the pack file; the body only for a 2xx answer. Throws with a message saying what went wrong. */
export type FetchPack = (url: string) => Promise<{ status: number; bytes: Uint8Array }>;

export interface SyncDeps {
  fetchPack: FetchPack;
  now: number;
  today: string;
  /** False when the pack URL's origin is not granted; used to explain a failed fetch. */
  hasOriginPermission?: boolean;
}

/**
 * One sync. Returns the new library when it changed (undefined: keep the stored one — the last good copy
 * stays on any failure) and the status to store.
 */
export async function runManagedSync(
  policy: ManagedPolicy | null,
  policyProblems: string[],
  library: PackLibrary,
  builtin: readonly Pack[],
  previous: SyncStatus | null,
  deps: SyncDeps,
): Promise<{ library?: PackLibrary; status: SyncStatus }> {
  const base: SyncStatus = {
    policyKey: policyKey(policy),
    lastAttemptAt: deps.now,
    lastSuccessAt: previous?.lastSuccessAt,
    source: previous?.source,
    packId: previous?.packId,
    errors: [...policyProblems],
  };
  if (!policy) {
    // The admin removed the policy: the pack it pushed goes too.
    const managed = library.packs.filter((p) => p.origin === 'managed');
    const status: SyncStatus = { policyKey: '', errors: policyProblems, lastAttemptAt: deps.now };
    if (!managed.length) return { status };
    return {
      status,
      library: {
        ...library,
        revision: library.revision + 1,
        packs: library.packs.filter((p) => p.origin !== 'managed'),
      },
    };
  }
  let bytes: Uint8Array;
  let source = 'policy';
  if (policy.packUrl) {
    source = policy.packUrl;
    try {
      const response = await deps.fetchPack(policy.packUrl);
      if (response.status < 200 || response.status > 299) {
        return { status: { ...base, errors: [...base.errors, `HTTP ${response.status} from ${policy.packUrl}`] } };
      }
      bytes = response.bytes;
    } catch (error) {
      const hint =
        deps.hasOriginPermission === false
          ? ` (access to ${new URL(policy.packUrl).origin} is not granted: allow it on the options page, or grant it by policy)`
          : '';
      const message = `could not fetch ${policy.packUrl}: ${(error as Error).message}${hint}`;
      return { status: { ...base, errors: [...base.errors, message] } };
    }
  } else {
    const text = policy.pack ?? '';
    // Encoding would turn a lone surrogate into U+FFFD unseen: refuse it as a file with one is refused.
    if (!text.isWellFormed()) {
      const problem: PackProblem = { path: '', message: 'contains a broken character (a lone UTF-16 surrogate)' };
      return { status: { ...base, errors: [...base.errors, formatProblem(source, problem)] } };
    }
    bytes = new TextEncoder().encode(text);
  }
  // The same checks as an import (size, encoding, schema, lone surrogates): one code path.
  const parsed = readPackBytes({ bytes, fileName: source }, idsOutside(library, builtin), deps.today, 'json');
  if (!parsed.ok) {
    const messages = parsed.problems.slice(0, 20).map((p) => formatProblem(source, p));
    return { status: { ...base, errors: [...base.errors, ...messages] } };
  }
  const preview = parsed;
  // A policy that now pushes a pack with another id replaces the old policy pack.
  const others = {
    ...library,
    packs: library.packs.filter((p) => p.origin !== 'managed' || p.pack.id === preview.pack.id),
  };
  const plan = planImport(others, builtin, preview.pack, 'replace', { from: source, now: deps.now, origin: 'managed' });
  if (!plan.ok) {
    const messages = plan.problems.slice(0, 20).map((p) => formatProblem(source, p));
    return { status: { ...base, errors: [...base.errors, ...messages] } };
  }
  const status: SyncStatus = { ...base, lastSuccessAt: deps.now, source, packId: preview.pack.id };
  const same = library.packs.find((p) => p.origin === 'managed' && p.pack.id === preview.pack.id);
  const unchanged =
    same && JSON.stringify(same.pack) === JSON.stringify(preview.pack) && others.packs.length === library.packs.length;
  return unchanged ? { status } : { status, library: plan.library };
}
