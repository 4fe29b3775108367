/**
 * The import pipeline, pure: file bytes → text → validated pack → preview → new library. It takes the
 * current library and returns a new one or problems; it never writes, so a failure cannot change stored
 * data. The browser adapter writes the returned library in one storage call.
 */
import { mergePacks, mergeSynonyms, parsePackJson } from '../../knowledge/loader';
import { type PackProblem, pathToString } from '../../knowledge/problems';
import type { Pack } from '../../knowledge/schema';
import { decodeText, type TextEncodingName } from '../text/decode';
import { hashString } from '../text/hash';
import { csvToPack } from './csv';
import { diffEntries, type PackDiff } from './diff';
import {
  builtinOverrides,
  conflictProblems,
  danglingProblems,
  idsOutside,
  type PackLibrary,
  type StoredPack,
  withPack,
} from './library';

export type ImportMode = 'merge' | 'replace';

/** Far above a 10,000-entry pack (~6 MB); stops a wrong file (a video, a database dump) early. */
export const MAX_IMPORT_BYTES = 40 * 1024 * 1024;

export interface ImportSource {
  bytes: Uint8Array;
  fileName: string;
  /** For CSV, which has no pack header: the pack the rows go into. */
  csvPack?: { id: string; name: string };
}

export interface ImportPreview {
  pack: Pack;
  encoding: TextEncodingName;
  /** The installed pack with the same id, which merge or replace will update. */
  existing?: StoredPack;
  diff: Record<ImportMode, PackDiff>;
  /** Ids whose entries replace built-in ones. */
  overrides: string[];
  /** The synonym groups the pack will carry after merge or replace (shown so the team can check them). */
  synonyms: Record<ImportMode, string[][]>;
}

export type Outcome<T> = ({ ok: true } & T) | { ok: false; problems: PackProblem[] };

export function isCsvFile(fileName: string): boolean {
  return /\.(csv|tsv|txt)$/i.test(fileName);
}

/** Lower-case ASCII id from a name; names without ASCII letters get a stable hash-based id. */
export function packIdFromName(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  if (slug.length >= 3) return slug;
  return `team-${hashString(name).toString(36)}`;
}

function resultingPack(existing: StoredPack | undefined, incoming: Pack, mode: ImportMode): Pack {
  if (mode === 'replace' || !existing) return incoming;
  const synonyms = mergeSynonyms([existing.pack, incoming]);
  const { synonyms: _own, ...rest } = incoming;
  return { ...rest, entries: mergePacks([existing.pack, incoming]), ...(synonyms.length ? { synonyms } : {}) };
}

/** Whether any string in a value holds a lone UTF-16 surrogate; no allocation on the (usual) clean path. */
function hasBrokenText(value: unknown): boolean {
  if (typeof value === 'string') return !value.isWellFormed();
  if (Array.isArray(value)) return value.some(hasBrokenText);
  if (value && typeof value === 'object') {
    for (const key in value) if (hasBrokenText((value as Record<string, unknown>)[key])) return true;
  }
  return false;
}

/**
 * Strings with lone UTF-16 surrogates (possible through JSON `\\ud800` escapes) would show as "�" and
 * break copy and insert; they are refused with the field that holds them. `clean` remembers entries found
 * clean (by object), for callers that check the same entries again and again (the entry editor).
 */
export function malformedTextProblems(pack: Pack, clean?: WeakSet<object>): PackProblem[] {
  const problems: PackProblem[] = [];
  const walk = (value: unknown, at: (string | number)[], entryId?: string, title?: string) => {
    if (problems.length >= 50) return;
    if (typeof value === 'string') {
      if (!value.isWellFormed()) {
        problems.push({
          path: pathToString(at),
          entryId,
          message: 'contains a broken character (a lone UTF-16 surrogate)',
          code: 'brokenCharacter',
          at,
          ...(title ? { entryTitle: title } : {}),
        });
      }
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => {
        walk(v, [...at, i], entryId, title);
      });
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) walk(v, [...at, k], entryId, title);
    }
  };
  const { entries, ...head } = pack;
  walk(head, []);
  entries.forEach((e, i) => {
    if (clean?.has(e)) return;
    if (hasBrokenText(e)) walk(e, ['entries', i], e.id, e.title);
    else clean?.add(e);
  });
  return problems;
}

export type PackFormat = 'json' | 'csv';

/**
 * Bytes → a validated pack, with every check a pack gets wherever it comes from (a chosen file, a managed
 * pack URL, an inline policy pack): the size limit, the text encoding, the schema, lone surrogates.
 */
export function readPackBytes(
  source: ImportSource,
  knownIds: ReadonlySet<string>,
  today: string,
  format: PackFormat = isCsvFile(source.fileName) ? 'csv' : 'json',
): Outcome<{ pack: Pack; encoding: TextEncodingName }> {
  try {
    if (source.bytes.length > MAX_IMPORT_BYTES) {
      const mb = (source.bytes.length / 1024 / 1024).toFixed(1);
      return {
        ok: false,
        problems: [
          { path: '', message: `the file is ${mb} MB; packs are limited to 40 MB`, code: 'fileTooBig', params: { mb } },
        ],
      };
    }
    const decoded = decodeText(source.bytes);
    if (!decoded.ok) return { ok: false, problems: [{ path: '', message: decoded.message, code: 'unreadableText' }] };
    const parsed =
      format === 'csv'
        ? csvToPack(decoded.text, {
            packId: source.csvPack?.id ?? packIdFromName(source.fileName),
            packName: source.csvPack?.name ?? source.fileName.replace(/\.[^.]+$/, ''),
            fileName: source.fileName,
            today,
            knownIds,
          })
        : parsePackJson(decoded.text, { knownIds });
    if (!parsed.ok) return parsed;
    const broken = malformedTextProblems(parsed.pack);
    if (broken.length) return { ok: false, problems: broken };
    return { ok: true, pack: parsed.pack, encoding: decoded.encoding };
  } catch (error) {
    // The loader never throws by contract; a pathological file (e.g. nesting deeper than the stack) still might.
    return {
      ok: false,
      problems: [
        { path: '', message: `the file could not be read: ${(error as Error).message}`, code: 'unreadableFile' },
      ],
    };
  }
}

/** Decodes and validates a file, and shows what merge and replace would each do. */
export function previewImport(
  library: PackLibrary,
  builtin: readonly Pack[],
  source: ImportSource,
  today: string,
): Outcome<{ preview: ImportPreview }> {
  // References may point into any installed pack; the plan below re-checks them for the chosen mode.
  const known = idsOutside({ ...library, packs: library.packs.map((p) => ({ ...p, enabled: true })) }, builtin);
  const parsed = readPackBytes(source, known, today);
  if (!parsed.ok) return parsed;
  const existing = library.packs.find((p) => p.pack.id === parsed.pack.id);
  const before = existing?.pack.entries ?? [];
  const merged = resultingPack(existing, parsed.pack, 'merge');
  return {
    ok: true,
    preview: {
      pack: parsed.pack,
      encoding: parsed.encoding,
      existing,
      diff: {
        merge: diffEntries(before, merged.entries),
        replace: diffEntries(before, parsed.pack.entries),
      },
      overrides: builtinOverrides(library, builtin, parsed.pack),
      synonyms: { merge: merged.synonyms ?? [], replace: parsed.pack.synonyms ?? [] },
    },
  };
}

/** The library after applying a previewed pack, or why it cannot be applied (nothing is changed then). */
export function planImport(
  library: PackLibrary,
  builtin: readonly Pack[],
  incoming: Pack,
  mode: ImportMode,
  meta: {
    from: string;
    now: number;
    origin?: StoredPack['origin'];
    /** An edit keeps the pack's switch and install time (an import enables the pack). */
    keep?: Pick<StoredPack, 'enabled' | 'installedAt'>;
  },
): Outcome<{ library: PackLibrary }> {
  const existing = library.packs.find((p) => p.pack.id === incoming.id);
  const origin = meta.origin ?? 'import';
  if (existing && existing.origin !== origin) {
    const message =
      existing.origin === 'managed'
        ? `pack id "${incoming.id}" belongs to the pack set by your administrator; give the pack another id`
        : `pack id "${incoming.id}" is already used by an imported pack; the policy pack needs another id`;
    return { ok: false, problems: [{ path: 'id', message, code: 'packIdTaken', params: { id: incoming.id } }] };
  }
  const pack = resultingPack(existing, incoming, mode);
  const enabled = meta.keep?.enabled ?? true;
  const stored: StoredPack = {
    pack,
    enabled,
    origin,
    from: meta.from,
    installedAt: meta.keep?.installedAt ?? meta.now,
  };
  const next = withPack(library, stored);
  // A disabled pack's ids clash with nothing; enabling it checks again (setPackEnabled).
  const problems = [...(enabled ? conflictProblems(next, pack) : []), ...danglingProblems(next, builtin, pack)];
  return problems.length ? { ok: false, problems } : { ok: true, library: next };
}

/** Where the library lives: the browser adapter (utils/browser/pack-store.ts) and the tests' memory store. */
export interface LibraryStore {
  read(): Promise<PackLibrary>;
  /** Writes `next` unless the stored revision moved past `expectedRevision`; returns the library as written. */
  write(
    next: PackLibrary,
    expectedRevision: number,
  ): Promise<{ ok: true; library: PackLibrary } | { ok: false; message: string }>;
}

/**
 * Applies a previewed pack: plans the new library in memory and writes it once, only when all of it is
 * valid and the library is still the one the preview was made from. Any problem and nothing is written.
 */
export async function commitImport(
  store: LibraryStore,
  builtin: readonly Pack[],
  pack: Pack,
  mode: ImportMode,
  meta: { from: string; now: number; previewRevision: number },
): Promise<Outcome<{ library: PackLibrary }>> {
  const library = await store.read();
  if (library.revision !== meta.previewRevision) {
    return {
      ok: false,
      problems: [
        { path: '', message: 'the packs changed since the preview; preview the file again', code: 'staleLibrary' },
      ],
    };
  }
  const plan = planImport(library, builtin, pack, mode, meta);
  if (!plan.ok) return plan;
  const written = await store.write(plan.library, library.revision);
  return written.ok
    ? { ok: true, library: written.library }
    : { ok: false, problems: [{ path: '', message: written.message, code: 'changedElsewhere' }] };
}
