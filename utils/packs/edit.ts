/**
 * Editing a team pack's entries in place (the options page's entry editor), pure. The draft holds entries as
 * written, valid or not, so an author can pass through invalid states while typing; it is checked with the
 * import's own code — `validatePack`, `malformedTextProblems`, `planImport` — and saved only when valid.
 */
import type { EntryCheck } from '../../knowledge/entry-check';
import { validatePack } from '../../knowledge/loader';
import type { PackProblem } from '../../knowledge/problems';
import { type EntryKind, PACK_FORMAT, PACK_FORMAT_VERSION, type Pack, type QuestionType } from '../../knowledge/schema';
import { canonicalJson } from './diff';
import { type LibraryStore, malformedTextProblems, type Outcome, planImport } from './import';
import { idsOutside, type PackLibrary } from './library';

/** An entry as the author is writing it: the fields of its kind, any of them possibly invalid. */
export type DraftEntry = Record<string, unknown>;

export interface PackDraft {
  /** The pack's header (id, name, …) without entries. */
  head: Omit<Pack, 'entries'>;
  entries: DraftEntry[];
}

export function draftOf(pack: Pack): PackDraft {
  const { entries, ...head } = pack;
  return { head, entries: entries.map((e) => ({ ...e })) };
}

/** A new, empty team pack to write from scratch. */
export function emptyDraft(id: string, name: string, today: string): PackDraft {
  return { head: { format: PACK_FORMAT, formatVersion: PACK_FORMAT_VERSION, id, name, updatedAt: today }, entries: [] };
}

export function draftData(draft: PackDraft): unknown {
  return { ...draft.head, entries: draft.entries };
}

export interface DraftContext {
  library: PackLibrary;
  builtin: readonly Pack[];
}

/** What checking a draft found: the pack when it can be saved, otherwise the problems. */
export type DraftCheck = Outcome<{ pack: Pack; library: PackLibrary }>;

/** Per-entry results kept between checks of the same draft (entries are replaced, never mutated, on edit). */
export interface DraftCache {
  entries: WeakMap<object, EntryCheck>;
  clean: WeakSet<object>;
}

export const newDraftCache = (): DraftCache => ({ entries: new WeakMap(), clean: new WeakSet() });

/**
 * Checks a draft exactly as an import of the same pack would be checked (replace mode): each entry, the rules
 * across entries, broken characters, ids used by other enabled packs, links to guidelines. `cache` keeps
 * per-entry results between calls, so re-checking after one keystroke costs little even for large packs.
 */
export function checkDraft(
  draft: PackDraft,
  context: DraftContext,
  meta: { now: number; from: string },
  cache?: DraftCache,
): DraftCheck {
  // As an import: links may point into any installed pack; the plan re-checks them against enabled packs.
  const all = { ...context.library, packs: context.library.packs.map((p) => ({ ...p, enabled: true })) };
  const known = idsOutside(all, context.builtin, draft.head.id);
  const validated = validatePack(draftData(draft), undefined, { knownIds: known, cache: cache?.entries });
  if (!validated.ok) return validated;
  const broken = malformedTextProblems(validated.pack, cache?.clean);
  if (broken.length) return { ok: false, problems: broken };
  const stored = context.library.packs.find((p) => p.pack.id === draft.head.id);
  const plan = planImport(context.library, context.builtin, validated.pack, 'replace', {
    ...meta,
    from: stored?.from ?? meta.from,
    keep: stored ? { enabled: stored.enabled, installedAt: stored.installedAt } : undefined,
  });
  return plan.ok ? { ok: true, pack: validated.pack, library: plan.library } : plan;
}

/**
 * Saves a draft: re-reads the library, refuses when the pack was changed elsewhere since the draft began from
 * `base` (null: a new pack), checks the draft against the library as it is now, writes once. Any problem and
 * nothing is written.
 */
export async function commitDraft(
  store: LibraryStore,
  builtin: readonly Pack[],
  draft: PackDraft,
  base: Pack | null,
  meta: { now: number; today: string; from: string },
): Promise<Outcome<{ library: PackLibrary; pack: Pack }>> {
  const library = await store.read();
  const stored = library.packs.find((p) => p.pack.id === draft.head.id);
  const unchanged = base ? stored && canonicalJson(stored.pack) === canonicalJson(base) : !stored;
  if (!unchanged) {
    const message = base
      ? `pack "${draft.head.id}" was changed elsewhere since editing began; export your draft, then reopen the pack`
      : `a pack with the id "${draft.head.id}" is already installed`;
    return {
      ok: false,
      problems: [{ path: '', message, code: base ? 'changedElsewhere' : 'packIdTaken', params: { id: draft.head.id } }],
    };
  }
  if (stored?.origin === 'managed') {
    return {
      ok: false,
      problems: [
        { path: '', message: `pack "${draft.head.id}" is set by your administrator's policy`, code: 'managedPack' },
      ],
    };
  }
  const head = { ...draft.head, updatedAt: meta.today };
  const checked = checkDraft({ ...draft, head }, { library, builtin }, meta);
  if (!checked.ok) return checked;
  const written = await store.write(checked.library, library.revision);
  return written.ok
    ? { ...checked, library: written.library }
    : { ok: false, problems: [{ path: '', message: written.message, code: 'changedElsewhere' }] };
}

// ——— entries ———

/** `base`, or `base-2`, `base-3`… whichever is not taken. */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** A new entry of a kind with its required fields empty (they show as problems until filled in). */
export function newEntry(kind: EntryKind, id: string, source: string, today: string): DraftEntry {
  const common = { id, title: '', tags: [], keywords: [], provenance: { source }, reviewedAt: today };
  if (kind === 'guideline') return { kind, ...common, scenario: '', steps: [''], phrasings: [], keyPoints: [] };
  if (kind === 'phrasing') return { kind, ...common, text: '' };
  return {
    kind,
    questionType: 'single',
    ...common,
    stem: '',
    options: [
      { key: 'A', text: '' },
      { key: 'B', text: '' },
    ],
    answer: '',
  };
}

/** Sets a field; an empty optional text (or `undefined`) removes the field rather than storing "". */
export function withField(entry: DraftEntry, field: string, value: unknown, optional = false): DraftEntry {
  const next = { ...entry };
  if (value === undefined || (optional && typeof value === 'string' && value.trim() === '')) delete next[field];
  else next[field] = value;
  return next;
}

/** Sets a provenance field; section, number and note are optional and removed when empty. */
export function withProvenance(entry: DraftEntry, field: 'source' | 'section' | 'number' | 'note', value: unknown) {
  const current = entry.provenance && typeof entry.provenance === 'object' ? entry.provenance : {};
  const next: Record<string, unknown> = { ...current };
  if (field !== 'source' && (value === undefined || value === '')) delete next[field];
  else next[field] = value;
  return { ...entry, provenance: next };
}

/** Moves an item of a list; out-of-range moves return the list unchanged. */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  if (from < 0 || from >= list.length || to < 0 || to >= list.length || from === to) return [...list];
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item as T);
  return next;
}

/** A draft field as text (drafts hold whatever was typed or imported): '' when it is not a string. */
export const textOf = (value: unknown): string => (typeof value === 'string' ? value : '');

export function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v : String(v ?? ''))) : [];
}

/** Words typed in one box: split at 、，,;；| and line breaks, trimmed, empty ones dropped. */
export function splitWords(text: string): string[] {
  return text
    .split(/[、，,;；|\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

interface DraftOption {
  key: string;
  text: string;
}

export function optionsOf(entry: DraftEntry): DraftOption[] {
  return Array.isArray(entry.options)
    ? entry.options.map((o) => ({
        key: typeof o?.key === 'string' ? o.key : '',
        text: typeof o?.text === 'string' ? o.text : '',
      }))
    : [];
}

function answerKeys(entry: DraftEntry): string[] {
  if (typeof entry.answer === 'string') return entry.answer ? [entry.answer] : [];
  return Array.isArray(entry.answer) ? entry.answer.filter((a): a is string => typeof a === 'string') : [];
}

function withAnswerKeys(entry: DraftEntry, keys: string[]): DraftEntry {
  return { ...entry, answer: entry.questionType === 'multiple' ? keys : (keys[0] ?? '') };
}

/**
 * Options keep their letters in place; moving or removing one moves its text, and the answer follows the text
 * (the right answer stays the same sentence, under its new letter).
 */
function remapOptions(entry: DraftEntry, order: number[]): DraftEntry {
  const options = optionsOf(entry);
  const keys = options.map((o) => o.key);
  const answers = new Set(answerKeys(entry));
  const texts = order.map((i) => options[i] as DraftOption);
  const next = texts.map((o, i) => ({ key: keys[i] as string, text: o.text }));
  const answered = texts.flatMap((o, i) => (answers.has(o.key) ? [keys[i] as string] : []));
  return withAnswerKeys({ ...entry, options: next }, answered);
}

export function moveOption(entry: DraftEntry, from: number, to: number): DraftEntry {
  const order = moveItem(
    optionsOf(entry).map((_, i) => i),
    from,
    to,
  );
  return remapOptions(entry, order);
}

export function removeOption(entry: DraftEntry, index: number): DraftEntry {
  const order = optionsOf(entry)
    .map((_, i) => i)
    .filter((i) => i !== index);
  return remapOptions(entry, order);
}

export function addOption(entry: DraftEntry): DraftEntry {
  const options = optionsOf(entry);
  const used = new Set(options.map((o) => o.key));
  const last = options.reduce((max, o) => Math.max(max, o.key.charCodeAt(0) - 65), -1);
  let code = last + 1;
  while (code < 26 && used.has(String.fromCharCode(65 + code))) code++;
  if (code >= 26) return entry;
  return { ...entry, options: [...options, { key: String.fromCharCode(65 + code), text: '' }] };
}

export function setOptionText(entry: DraftEntry, index: number, text: string): DraftEntry {
  return { ...entry, options: optionsOf(entry).map((o, i) => (i === index ? { ...o, text } : o)) };
}

/** Marks or unmarks an option as (one of) the right answer(s). */
export function toggleAnswer(entry: DraftEntry, key: string, on: boolean): DraftEntry {
  if (entry.questionType !== 'multiple') return on ? { ...entry, answer: key } : entry;
  const keys = answerKeys(entry).filter((k) => k !== key);
  const order = optionsOf(entry).map((o) => o.key);
  const next = on ? [...keys, key] : keys;
  return { ...entry, answer: next.sort((a, b) => order.indexOf(a) - order.indexOf(b)) };
}

/** Another question type: keeps what still fits (stem, options, the first answer) and starts the rest empty. */
export function withQuestionType(entry: DraftEntry, type: QuestionType): DraftEntry {
  if (entry.questionType === type) return entry;
  const { options: _o, answer: _a, referencePoints: _r, ...rest } = entry;
  const next: DraftEntry = { ...rest, questionType: type };
  const options = optionsOf(entry);
  const answers = answerKeys(entry);
  if (type === 'single' || type === 'multiple') {
    next.options = options.length
      ? options
      : [
          { key: 'A', text: '' },
          { key: 'B', text: '' },
        ];
    next.answer = type === 'multiple' ? answers : (answers[0] ?? '');
  } else if (type === 'truefalse') next.answer = typeof entry.answer === 'boolean' ? entry.answer : true;
  else next.referencePoints = Array.isArray(entry.referencePoints) ? entry.referencePoints : [''];
  return next;
}

/** Problems of one entry of the draft (by position), keyed by field path within it (`steps.1`, `options.0.text`). */
export function problemsByField(problems: readonly PackProblem[], index: number): Map<string, PackProblem[]> {
  const out = new Map<string, PackProblem[]>();
  for (const p of problems) {
    const at = p.at ?? [];
    if (at[0] !== 'entries' || at[1] !== index) continue;
    const key = at.slice(2).join('.');
    out.set(key, [...(out.get(key) ?? []), p]);
  }
  return out;
}

/** How many problems each entry position has. */
export function problemCounts(problems: readonly PackProblem[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const p of problems) {
    const at = p.at ?? [];
    if (at[0] === 'entries' && typeof at[1] === 'number') out.set(at[1], (out.get(at[1]) ?? 0) + 1);
  }
  return out;
}
