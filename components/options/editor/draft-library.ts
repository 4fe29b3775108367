/** What the library says about the draft being edited: whether its stored pack changed meanwhile, which guidelines it may link to. */
import type { Pack } from '../../../knowledge/schema';
import { canonicalJson } from '../../../utils/packs/diff';
import { type PackDraft, textOf } from '../../../utils/packs/edit';
import { activePacks, type PackLibrary } from '../../../utils/packs/library';
import type { GuidelineChoice } from './GuidelineSelect';

/** Another tab or a policy sync changed (or removed) the stored pack the draft began from. */
export function changedElsewhere(library: PackLibrary, base: Pack | null): boolean {
  if (!base) return false;
  const stored = library.packs.find((p) => p.pack.id === base.id);
  if (stored?.pack === base) return false;
  return !stored || canonicalJson(stored.pack) !== canonicalJson(base);
}

/** The draft's own guidelines (as written so far), then those of the other active packs. */
export function guidelineChoices(draft: PackDraft, library: PackLibrary, builtin: readonly Pack[]): GuidelineChoice[] {
  const own = draft.entries
    .filter((e) => e.kind === 'guideline' && textOf(e.id))
    .map((e) => ({ id: textOf(e.id), title: textOf(e.title) || textOf(e.id) }));
  const ownIds = new Set(own.map((g) => g.id));
  const others = activePacks(library, builtin)
    .filter((p) => p.id !== draft.head.id)
    .flatMap((p) => p.entries.filter((e) => e.kind === 'guideline' && !ownIds.has(e.id)))
    .map((e) => ({ id: e.id, title: e.title }));
  return [...own, ...others];
}
