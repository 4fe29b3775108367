import { describe, expect, it } from 'vitest';
import type { Pack } from '../../knowledge/schema';
import { type ImportMode, planImport, previewImport } from '../../utils/packs/import';
import {
  activePacks,
  EMPTY_LIBRARY,
  type PackLibrary,
  removePack,
  repairLibrary,
  resetToBuiltin,
  setPackEnabled,
} from '../../utils/packs/library';
import { CLOCK, encode, teamPack } from './pack-fixtures';

const BUILTIN: Pack[] = [{ ...teamPack('builtin-a', '内置'), id: 'builtin-a' }];
const file = (pack: unknown, fileName = 'team.json') => ({ bytes: encode(JSON.stringify(pack)), fileName });

/** Preview then plan, as the options page does before it writes. */
function applyImport(
  library: PackLibrary,
  builtin: readonly Pack[],
  source: ReturnType<typeof file>,
  mode: ImportMode,
) {
  const preview = previewImport(library, builtin, source, CLOCK.today);
  if (!preview.ok) return preview;
  return planImport(library, builtin, preview.preview.pack, mode, { from: source.fileName, now: CLOCK.now });
}

function install(library: PackLibrary, pack: Pack, mode: ImportMode = 'merge'): PackLibrary {
  const result = applyImport(library, BUILTIN, file(pack), mode);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.library;
}

describe('pack library', () => {
  it('previews a new pack as all added, and installs it enabled after the built-in pack', () => {
    const preview = previewImport({ ...EMPTY_LIBRARY }, BUILTIN, file(teamPack()), CLOCK.today);
    expect(preview.ok && preview.preview.diff.merge.added.length).toBe(6);
    const library = install({ ...EMPTY_LIBRARY }, teamPack());
    expect(activePacks(library, BUILTIN).map((p) => p.id)).toEqual(['builtin-a', 'acme-support']);
    expect(library.revision).toBe(1);
  });

  it('merge keeps entries missing from the file; replace removes them; both show the changes', () => {
    const library = install({ ...EMPTY_LIBRARY }, teamPack());
    const update = teamPack();
    update.entries = update.entries.slice(0, 2);
    update.entries[0] = { ...update.entries[0], title: '退款未到账（新）' } as Pack['entries'][number];
    update.entries.push({ ...(teamPack().entries[1] as Pack['entries'][number]), id: 'acme-support-new' });
    const preview = previewImport(library, BUILTIN, file(update), CLOCK.today);
    if (!preview.ok) throw new Error('preview failed');
    const counts = (m: ImportMode) => {
      const d = preview.preview.diff[m];
      return [d.added.length, d.changed.length, d.removed.length, d.unchanged];
    };
    expect(counts('merge')).toEqual([1, 1, 0, 5]);
    expect(counts('replace')).toEqual([1, 1, 4, 1]);
    expect(install(library, update, 'merge').packs[0]?.pack.entries).toHaveLength(7);
    expect(install(library, update, 'replace').packs[0]?.pack.entries).toHaveLength(3);
  });

  it('refuses entry ids used by another enabled team pack, naming the pack and the id', () => {
    const library = install({ ...EMPTY_LIBRARY }, teamPack());
    const other = teamPack('other-team', '其他团队');
    other.entries[1] = { ...(other.entries[1] as Pack['entries'][number]), id: 'acme-support-apology' };
    const result = applyImport(library, BUILTIN, file(other), 'merge');
    expect(result.ok || result.problems[0]).toMatchObject({
      entryId: 'acme-support-apology',
      message: expect.stringContaining('"Acme 客服规范" (acme-support)'),
    });
    // Disabled packs do not conflict; enabling one that conflicts is refused.
    const disabled = setPackEnabled(library, 'acme-support', false);
    if (!disabled.ok) throw new Error('toggle failed');
    const both = install(disabled.library, other);
    expect(setPackEnabled(both, 'acme-support', true).ok).toBe(false);
  });

  it('reports team entries that replace built-in ones without refusing them', () => {
    const pack = teamPack();
    pack.entries.push({ ...(BUILTIN[0]?.entries[1] as Pack['entries'][number]) });
    const preview = previewImport({ ...EMPTY_LIBRARY }, BUILTIN, file(pack), CLOCK.today);
    expect(preview.ok && preview.preview.overrides).toEqual(['builtin-a-apology']);
  });

  it('refuses a replace that would leave a guidelineId pointing at nothing', () => {
    const library = install({ ...EMPTY_LIBRARY }, teamPack());
    const onlyPhrasing = { ...teamPack(), entries: [teamPack().entries[1]] };
    const preview = previewImport(library, BUILTIN, file(onlyPhrasing), CLOCK.today);
    if (!preview.ok) throw new Error('preview must accept: the guideline exists in the installed pack');
    expect(planImport(library, BUILTIN, preview.preview.pack, 'merge', { from: 'f', now: 1 }).ok).toBe(true);
    const replace = planImport(library, BUILTIN, preview.preview.pack, 'replace', { from: 'f', now: 1 });
    expect(replace.ok || replace.problems[0]?.message).toBe(
      'refers to "acme-support-refund-delay", which is in no enabled pack',
    );
  });

  it('refuses text with lone surrogates, naming the field', () => {
    const text = JSON.stringify(teamPack()).replace('致歉话术', '致歉\\ud800话术');
    const preview = previewImport(
      { ...EMPTY_LIBRARY },
      BUILTIN,
      { bytes: encode(text), fileName: 'p.json' },
      CLOCK.today,
    );
    expect(preview.ok || preview.problems[0]).toMatchObject({
      path: 'entries[1].title',
      entryId: 'acme-support-apology',
    });
  });

  it('keeps damaged stored packs aside with reasons instead of dropping them', () => {
    const library = install({ ...EMPTY_LIBRARY }, teamPack());
    const broken = { pack: { ...teamPack('broken-pack', 'x'), entries: [{ kind: 'phrasing', id: 'no-fields' }] } };
    const stored = { ...library, packs: [...library.packs, { ...broken, origin: 'import', enabled: true }, 'garbage'] };
    const { library: repaired, corrupt } = repairLibrary(JSON.parse(JSON.stringify(stored)), 5);
    expect(repaired.packs.map((p) => p.pack.id)).toEqual(['acme-support']);
    expect(corrupt).toHaveLength(2);
    expect(corrupt[0]?.value).toEqual({ ...broken, origin: 'import', enabled: true });
    expect(corrupt[0]?.reasons[0]).toMatch(/^entries\[0\]/);
    expect(repairLibrary('not a library').corrupt[0]?.value).toBe('not a library');
  });

  it('reset removes imported packs and re-enables the built-in pack, but keeps policy packs', () => {
    let library = install({ ...EMPTY_LIBRARY, builtinEnabled: false }, teamPack());
    const managed = planImport(library, BUILTIN, teamPack('policy-pack', '策略'), 'replace', {
      from: 'https://example.org/p.json',
      now: 1,
      origin: 'managed',
    });
    if (!managed.ok) throw new Error('managed failed');
    library = managed.library;
    expect(removePack(library, 'policy-pack').ok).toBe(false);
    const reset = resetToBuiltin(library);
    expect(reset.builtinEnabled).toBe(true);
    expect(reset.packs.map((p) => p.pack.id)).toEqual(['policy-pack']);
  });
});
