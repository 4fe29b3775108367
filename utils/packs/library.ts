/**
 * The installed team packs, as one value that is stored and replaced whole: every change is computed
 * here as a new library (or a list of problems), and only a successful result is ever written, so a
 * failed import or toggle leaves the stored data untouched.
 */
import { validatePack } from '../../knowledge/loader';
import type { PackProblem } from '../../knowledge/problems';
import type { Entry, Pack } from '../../knowledge/schema';

export interface StoredPack {
  pack: Pack;
  enabled: boolean;
  /** `managed`: pushed by the administrator's browser policy; the agent cannot remove it. */
  origin: 'import' | 'managed';
  /** File name or URL the pack came from. */
  from: string;
  installedAt: number;
}

export interface PackLibrary {
  /** Bumped on every change; keys the search-index cache and detects concurrent edits. */
  revision: number;
  builtinEnabled: boolean;
  packs: StoredPack[];
}

export const EMPTY_LIBRARY: PackLibrary = { revision: 0, builtinEnabled: true, packs: [] };

export type LibraryResult = { ok: true; library: PackLibrary } | { ok: false; problems: PackProblem[] };

/** A stored value that did not validate: kept verbatim with the reasons, to be reported and exported. */
export interface CorruptPack {
  value: unknown;
  reasons: string[];
  foundAt: number;
}

/** Repairs a stored library: valid packs are kept, invalid ones are returned separately, never dropped. */
export function repairLibrary(raw: unknown, now = Date.now()): { library: PackLibrary; corrupt: CorruptPack[] } {
  if (raw === null || raw === undefined) return { library: { ...EMPTY_LIBRARY }, corrupt: [] };
  if (typeof raw !== 'object' || !Array.isArray((raw as PackLibrary).packs)) {
    return { library: { ...EMPTY_LIBRARY }, corrupt: [{ value: raw, reasons: ['not a pack library'], foundAt: now }] };
  }
  const r = raw as Partial<PackLibrary>;
  const corrupt: CorruptPack[] = [];
  const packs: StoredPack[] = [];
  for (const item of r.packs as unknown[]) {
    const s = item as Partial<StoredPack> | null;
    const result = s && typeof s === 'object' ? validatePack(s.pack) : undefined;
    if (!s || !result?.ok || (s.origin !== 'import' && s.origin !== 'managed')) {
      const reasons = result && !result.ok ? result.problems.slice(0, 5).map((p) => `${p.path}: ${p.message}`) : [];
      corrupt.push({ value: item, reasons: reasons.length ? reasons : ['not a stored pack'], foundAt: now });
    } else if (packs.some((p) => p.pack.id === result.pack.id)) {
      corrupt.push({ value: item, reasons: [`second copy of pack "${result.pack.id}"`], foundAt: now });
    } else {
      packs.push({
        pack: result.pack,
        enabled: s.enabled !== false,
        origin: s.origin,
        from: typeof s.from === 'string' ? s.from : '',
        installedAt: typeof s.installedAt === 'number' ? s.installedAt : 0,
      });
    }
  }
  return {
    library: {
      revision: typeof r.revision === 'number' && Number.isFinite(r.revision) ? r.revision : 0,
      builtinEnabled: r.builtinEnabled !== false,
      packs,
    },
    corrupt,
  };
}

/** The packs whose entries are searched and quizzed, in override order (later wins on the same id). */
export function activePacks(library: PackLibrary, builtin: readonly Pack[]): Pack[] {
  return [...(library.builtinEnabled ? builtin : []), ...library.packs.filter((p) => p.enabled).map((p) => p.pack)];
}

/** Ids that a pack's `guidelineId` may point at besides its own entries. */
export function idsOutside(library: PackLibrary, builtin: readonly Pack[], packId?: string): Set<string> {
  const ids = new Set<string>();
  for (const pack of activePacks(library, builtin)) {
    if (pack.id !== packId) for (const e of pack.entries) ids.add(e.id);
  }
  return ids;
}

/**
 * Entry ids must be unique across enabled team packs (two teams' "refund-delay" would hide each other).
 * A team entry may replace a built-in one on purpose: that is reported by `builtinOverrides`, not refused.
 */
export function conflictProblems(library: PackLibrary, pack: Pack): PackProblem[] {
  const owner = new Map<string, StoredPack>();
  for (const other of library.packs) {
    if (other.enabled && other.pack.id !== pack.id) for (const e of other.pack.entries) owner.set(e.id, other);
  }
  const problems: PackProblem[] = [];
  pack.entries.forEach((e, i) => {
    const other = owner.get(e.id);
    if (other) {
      problems.push({
        path: `entries[${i}].id`,
        entryId: e.id,
        message: `also used by enabled pack "${other.pack.name}" (${other.pack.id}); ids must be unique across enabled packs`,
        code: 'idUsedElsewhere',
        params: { id: e.id, pack: other.pack.name },
        at: ['entries', i, 'id'],
        entryTitle: e.title,
      });
    }
  });
  return problems;
}

export function builtinOverrides(library: PackLibrary, builtin: readonly Pack[], pack: Pack): string[] {
  if (!library.builtinEnabled) return [];
  const ids = new Set(builtin.flatMap((p) => p.entries.map((e) => e.id)));
  return pack.entries.filter((e) => ids.has(e.id)).map((e) => e.id);
}

/** `guidelineId`s of the pack that point at nothing once the library is as given. */
export function danglingProblems(library: PackLibrary, builtin: readonly Pack[], pack: Pack): PackProblem[] {
  const known = idsOutside(library, builtin, pack.id);
  for (const e of pack.entries) known.add(e.id);
  const problems: PackProblem[] = [];
  pack.entries.forEach((e: Entry, i) => {
    if ((e.kind === 'phrasing' || e.kind === 'question') && e.guidelineId && !known.has(e.guidelineId)) {
      problems.push({
        path: `entries[${i}].guidelineId`,
        entryId: e.id,
        message: `refers to "${e.guidelineId}", which is in no enabled pack`,
        code: 'missingGuideline',
        params: { target: e.guidelineId },
        at: ['entries', i, 'guidelineId'],
        entryTitle: e.title,
      });
    }
  });
  return problems;
}

/** Puts `stored` in place of the pack with the same id (keeping its position), or appends it. */
export function withPack(library: PackLibrary, stored: StoredPack): PackLibrary {
  const at = library.packs.findIndex((p) => p.pack.id === stored.pack.id);
  const packs = at === -1 ? [...library.packs, stored] : library.packs.map((p, i) => (i === at ? stored : p));
  return { ...library, revision: library.revision + 1, packs };
}

const noSuchPack = (packId: string): LibraryResult => ({
  ok: false,
  problems: [{ path: '', message: `no installed pack "${packId}"`, code: 'noSuchPack', params: { id: packId } }],
});

export function setPackEnabled(library: PackLibrary, packId: string, enabled: boolean): LibraryResult {
  const stored = library.packs.find((p) => p.pack.id === packId);
  if (!stored) return noSuchPack(packId);
  if (enabled) {
    const problems = conflictProblems(library, stored.pack);
    if (problems.length) return { ok: false, problems };
  }
  const next = withPack(library, { ...stored, enabled });
  return { ok: true, library: next };
}

export function setBuiltinEnabled(library: PackLibrary, enabled: boolean): PackLibrary {
  return { ...library, revision: library.revision + 1, builtinEnabled: enabled };
}

export function removePack(library: PackLibrary, packId: string): LibraryResult {
  const stored = library.packs.find((p) => p.pack.id === packId);
  if (!stored) return noSuchPack(packId);
  if (stored.origin === 'managed') {
    return {
      ok: false,
      problems: [{ path: '', message: `pack "${packId}" is set by your administrator's policy`, code: 'managedPack' }],
    };
  }
  return {
    ok: true,
    library: { ...library, revision: library.revision + 1, packs: library.packs.filter((p) => p !== stored) },
  };
}

/** Back to the built-in pack: imported packs go, the built-in pack is enabled; policy packs stay. */
export function resetToBuiltin(library: PackLibrary): PackLibrary {
  return {
    revision: library.revision + 1,
    builtinEnabled: true,
    packs: library.packs.filter((p) => p.origin === 'managed'),
  };
}
