/** Editing a pack in place (utils/packs/edit.ts): the import's own checks, saving, and the list operations. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePackJson } from '../../knowledge/loader';
import type { Pack } from '../../knowledge/schema';
import {
  addOption,
  checkDraft,
  commitDraft,
  type DraftEntry,
  draftData,
  draftOf,
  moveItem,
  moveOption,
  newDraftCache,
  newEntry,
  removeOption,
  splitWords,
  toggleAnswer,
  uniqueId,
  withField,
  withProvenance,
  withQuestionType,
} from '../../utils/packs/edit';
import { packToJson } from '../../utils/packs/export';
import { planImport, previewImport } from '../../utils/packs/import';
import { EMPTY_LIBRARY, type PackLibrary, withPack } from '../../utils/packs/library';
import { CLOCK, encode, MemoryStore, teamPack } from './pack-fixtures';

const META = { now: CLOCK.now, today: CLOCK.today, from: '' };

function libraryWith(...packs: { id: string; enabled?: boolean }[]): PackLibrary {
  return packs.reduce<PackLibrary>(
    (lib, p) =>
      withPack(lib, {
        pack: teamPack(p.id, `团队 ${p.id}`),
        enabled: p.enabled ?? true,
        origin: 'import',
        from: `${p.id}.json`,
        installedAt: 7,
      }),
    { ...EMPTY_LIBRARY },
  );
}

describe('checking a draft', () => {
  it('finds exactly what importing the same pack as a file would find', () => {
    const library = libraryWith({ id: 'acme-support' }, { id: 'other' });
    const fields = ['title', 'steps', 'text', 'answer', 'id', 'guidelineId', 'provenance', 'reviewedAt', 'options'];
    const values = fc.constantFrom<unknown>(
      '',
      '  ',
      'x',
      [],
      [''],
      ['a', ''],
      'other-refund-delay',
      'nowhere',
      3,
      null,
      {
        source: 's',
      },
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(5), fc.constantFrom(...fields), values), { maxLength: 3 }), (edits) => {
        const draft = draftOf(teamPack());
        for (const [i, field, value] of edits) {
          draft.entries[i] = { ...(draft.entries[i] as DraftEntry), [field]: value };
        }
        const checked = checkDraft(draft, { library, builtin: [] }, META);
        // The same pack as a file: preview, then apply in replace mode (what the editor's save does).
        const file = JSON.stringify(draftData(draft), null, 2);
        const imported = previewImport(library, [], { bytes: encode(file), fileName: 'acme.json' }, CLOCK.today);
        const applied = imported.ok
          ? planImport(library, [], imported.preview.pack, 'replace', { from: 'acme.json', now: CLOCK.now })
          : imported;
        expect(checked.ok).toBe(applied.ok);
        // Every problem the import names, the editor names too (it may name a link to an id just changed
        // earlier: the import's preview tolerates links into the old version of the pack until it applies).
        if (!checked.ok && !applied.ok) {
          const named = new Set(checked.problems.map((p) => `${p.path} ${p.code}`));
          for (const p of applied.problems) expect(named).toContain(`${p.path} ${p.code}`);
        }
      }),
      { numRuns: 300, seed: 13 },
    );
  });

  it('refuses an id used by another enabled pack, but not by a disabled one', () => {
    const draft = draftOf(teamPack('mine'));
    // The guideline gets the id another pack uses; the pack's own links follow it.
    draft.entries = draft.entries.map((e, i) =>
      i === 0
        ? { ...e, id: 'other-refund-delay' }
        : e.guidelineId === 'mine-refund-delay'
          ? { ...e, guidelineId: 'other-refund-delay' }
          : e,
    );
    const enabled = checkDraft(draft, { library: libraryWith({ id: 'mine' }, { id: 'other' }), builtin: [] }, META);
    expect(enabled.ok).toBe(false);
    if (!enabled.ok) expect(enabled.problems[0]).toMatchObject({ code: 'idUsedElsewhere', path: 'entries[0].id' });
    const library = libraryWith({ id: 'mine' }, { id: 'other', enabled: false });
    expect(checkDraft(draft, { library, builtin: [] }, META).ok).toBe(true);
  });

  it('re-checks only what changed: a cached entry is not validated again', () => {
    const cache = newDraftCache();
    const draft = draftOf(teamPack());
    checkDraft(draft, { library: EMPTY_LIBRARY, builtin: [] }, META, cache);
    const first = draft.entries[0] as DraftEntry;
    expect(cache.entries.has(first)).toBe(true);
    const edited = { ...draft, entries: [withField(first, 'title', ''), ...draft.entries.slice(1)] };
    const result = checkDraft(edited, { library: EMPTY_LIBRARY, builtin: [] }, META, cache);
    expect(result.ok).toBe(false);
    expect(cache.entries.has(edited.entries[0] as DraftEntry)).toBe(true);
  });
});

describe('saving a draft', () => {
  it('writes the edited pack once, keeping its switch, source file and install time, dating it today', async () => {
    const library = libraryWith({ id: 'acme-support', enabled: false });
    const store = new MemoryStore(library);
    const base = library.packs[0]?.pack as Pack;
    const draft = draftOf(base);
    draft.entries[0] = { ...(draft.entries[0] as DraftEntry), steps: ['核实', '说明', '跟进'] };
    const result = await commitDraft(store, [], draft, base, META);
    expect(result.ok).toBe(true);
    expect(store.writes).toBe(1);
    const saved = (await store.read()).packs[0];
    expect(saved).toMatchObject({ enabled: false, from: 'acme-support.json', installedAt: 7, origin: 'import' });
    expect(saved?.pack.updatedAt).toBe(CLOCK.today);
    expect(saved?.pack.entries[0]).toMatchObject({ steps: ['核实', '说明', '跟进'] });
    // What is exported from the saved pack imports again to the same entries.
    const again = parsePackJson(packToJson(saved?.pack as never));
    expect(again.ok && again.pack.entries).toEqual(saved?.pack.entries);
  });

  it('writes nothing when the draft is invalid or the stored pack changed since editing began', async () => {
    const store = new MemoryStore(libraryWith({ id: 'acme-support' }));
    const base = (await store.read()).packs[0]?.pack as Pack;
    const bad = draftOf(base);
    bad.entries[1] = { ...(bad.entries[1] as DraftEntry), text: '' };
    const invalid = await commitDraft(store, [], bad, base, META);
    expect(invalid.ok).toBe(false);
    if (!invalid.ok) expect(invalid.problems[0]).toMatchObject({ path: 'entries[1].text', code: 'empty' });

    const changedBase = { ...base, name: '旧名字' };
    const stale = await commitDraft(store, [], draftOf(base), changedBase, META);
    expect(stale.ok).toBe(false);
    if (!stale.ok) expect(stale.problems[0]?.code).toBe('changedElsewhere');
    expect(store.writes).toBe(0);
  });

  it('creates a new pack, refusing an id that is already installed', async () => {
    const store = new MemoryStore(libraryWith({ id: 'acme-support' }));
    const fresh = { head: { ...draftOf(teamPack('new-team', '新团队')).head }, entries: [] };
    const created = await commitDraft(store, [], fresh, null, META);
    expect(created.ok).toBe(true);
    expect((await store.read()).packs.map((p) => p.pack.id)).toEqual(['acme-support', 'new-team']);
    const taken = await commitDraft(store, [], { ...fresh, head: { ...fresh.head, id: 'acme-support' } }, null, META);
    expect(taken.ok).toBe(false);
    if (!taken.ok) expect(taken.problems[0]?.code).toBe('packIdTaken');
  });
});

describe('list and entry operations', () => {
  it('moves items and leaves out-of-range moves alone', () => {
    expect(moveItem(['a', 'b', 'c'], 0, 2)).toEqual(['b', 'c', 'a']);
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b'], 1, 2)).toEqual(['a', 'b']);
    fc.assert(
      fc.property(fc.array(fc.string()), fc.nat(), fc.nat(), (list, a, b) => {
        const moved = moveItem(list, a % (list.length || 1), b % (list.length || 1));
        expect([...moved].sort()).toEqual([...list].sort());
      }),
    );
  });

  it('keeps option letters in place and the answer with its text when options move or go', () => {
    const q: DraftEntry = {
      kind: 'question',
      questionType: 'multiple',
      options: [
        { key: 'A', text: '甲' },
        { key: 'B', text: '乙' },
        { key: 'C', text: '丙' },
      ],
      answer: ['A', 'C'],
    };
    expect(moveOption(q, 2, 0)).toMatchObject({
      options: [
        { key: 'A', text: '丙' },
        { key: 'B', text: '甲' },
        { key: 'C', text: '乙' },
      ],
      answer: ['A', 'B'],
    });
    expect(removeOption(q, 0)).toMatchObject({
      options: [
        { key: 'A', text: '乙' },
        { key: 'B', text: '丙' },
      ],
      answer: ['B'],
    });
    expect(addOption(q).options).toEqual([...(q.options as unknown[]), { key: 'D', text: '' }]);
    expect(toggleAnswer(q, 'B', true).answer).toEqual(['A', 'B', 'C']);
    expect(toggleAnswer({ ...q, questionType: 'single', answer: 'A' }, 'C', true).answer).toBe('C');
  });

  it('changes question types keeping what fits', () => {
    const single = newEntry('question', 'q', '团队', CLOCK.today);
    const multiple = withQuestionType({ ...single, answer: 'B' }, 'multiple');
    expect(multiple.answer).toEqual(['B']);
    expect(withQuestionType(multiple, 'single').answer).toBe('B');
    const tf = withQuestionType(multiple, 'truefalse');
    expect(tf).not.toHaveProperty('options');
    expect(tf.answer).toBe(true);
    const open = withQuestionType(tf, 'open');
    expect(open).not.toHaveProperty('answer');
    expect(open.referencePoints).toEqual(['']);
  });

  it('drops empty optional fields instead of storing empty text, and splits typed words', () => {
    const entry = newEntry('phrasing', 'p', '团队', CLOCK.today);
    expect(withField({ ...entry, situation: 'x' }, 'situation', ' ', true)).not.toHaveProperty('situation');
    expect(withProvenance({ ...entry, provenance: { source: 's', section: '一' } }, 'section', '').provenance).toEqual({
      source: 's',
    });
    expect(splitWords('退款，钱没到账、 催单;;|')).toEqual(['退款', '钱没到账', '催单']);
    expect(uniqueId('a', new Set(['a', 'a-2']))).toBe('a-3');
  });
});
