/**
 * Fuzz: a valid pack mutated in thousands of ways (truncation, wrong types, huge strings, bad unicode,
 * duplicate ids, missing fields, damaged bytes). Every mutation must be refused with at least one
 * specific message, nothing may throw, and the stored library must stay byte-identical — both when a
 * team lead imports the file and when the administrator's policy URL serves it (runManagedSync), where the
 * last good copy must stay installed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EMPTY_LIBRARY, type PackLibrary } from '../../utils/packs/library';
import { parseManagedPolicy, runManagedSync, type SyncStatus } from '../../utils/packs/managed-policy';
import { CLOCK, encode, importFile, MemoryStore, teamPack } from './pack-fixtures';

type Json = Record<string, unknown>;
const REQUIRED_STRING = ['id', 'title', 'reviewedAt', 'kind'];
const REQUIRED_ARRAY = ['tags', 'keywords'];
const wrongForString = fc.constantFrom<unknown>(42, null, true, [], {}, ['x'], { a: 1 }, -0.5);
const wrongForArray = fc.constantFrom<unknown>('x', 7, null, true, {}, [1, 2], [null], [{}]);

function clone(): Json {
  return JSON.parse(JSON.stringify(teamPack())) as Json;
}
const entriesOf = (pack: Json) => pack.entries as Json[];

/** Each mutation returns the bytes of a file that must NOT be importable. */
const mutations: fc.Arbitrary<{ name: string; bytes: Uint8Array }>[] = [
  fc.nat().map((n) => {
    const text = JSON.stringify(teamPack(), null, 2);
    const cut = 1 + (n % (text.length - 1));
    return { name: `truncated at ${cut}`, bytes: encode(text.slice(0, cut)) };
  }),
  fc.tuple(fc.nat(5), fc.constantFrom(...REQUIRED_STRING), wrongForString).map(([i, field, value]) => {
    const pack = clone();
    (entriesOf(pack)[i] as Json)[field] = value;
    return { name: `entries[${i}].${field} = ${JSON.stringify(value)}`, bytes: encode(JSON.stringify(pack)) };
  }),
  fc.tuple(fc.nat(5), fc.constantFrom(...REQUIRED_ARRAY), wrongForArray).map(([i, field, value]) => {
    const pack = clone();
    (entriesOf(pack)[i] as Json)[field] = value;
    return { name: `entries[${i}].${field} = ${JSON.stringify(value)}`, bytes: encode(JSON.stringify(pack)) };
  }),
  fc
    .tuple(fc.constantFrom('format', 'formatVersion', 'id', 'name', 'entries'), wrongForString)
    .map(([field, value]) => {
      const pack = clone();
      pack[field] = field === 'entries' && Array.isArray(value) ? 'x' : value;
      return { name: `pack.${field} = ${JSON.stringify(value)}`, bytes: encode(JSON.stringify(pack)) };
    }),
  fc
    .tuple(fc.nat(5), fc.constantFrom('id', 'reviewedAt', 'kind'), fc.integer({ min: 100_000, max: 1_000_000 }))
    .map(([i, field, size]) => {
      const pack = clone();
      (entriesOf(pack)[i] as Json)[field] = '退'.repeat(size);
      return { name: `huge ${field} (${size})`, bytes: encode(JSON.stringify(pack)) };
    }),
  fc
    .tuple(fc.nat(5), fc.constantFrom('title', 'id', 'tags'), fc.integer({ min: 0xd800, max: 0xdfff }))
    .map(([i, field, unit]) => {
      // A lone surrogate, written as a JSON escape (the only way it survives UTF-8 encoding).
      const pack = clone();
      const marker = '@@LONE@@';
      const entry = entriesOf(pack)[i] as Json;
      entry[field] = field === 'tags' ? [`退款${marker}`] : `${String(entry[field])}${marker}`;
      const text = JSON.stringify(pack).replace(marker, `\\u${unit.toString(16)}`);
      return { name: `lone surrogate U+${unit.toString(16)} in ${field}`, bytes: encode(text) };
    }),
  fc
    .tuple(fc.nat(), fc.constantFrom([0xff], [0xc3, 0x28], [0xe4, 0xb8], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xc0, 0xaf]))
    .map(([n, bad]) => {
      // Damaged bytes inside a UTF-8 file: refused as damaged, never "rescued" as GBK mojibake.
      const bytes = encode(JSON.stringify(teamPack(), null, 2));
      const at = n % bytes.length;
      const out = new Uint8Array(bytes.length + bad.length);
      out.set(bytes.subarray(0, at));
      out.set(bad, at);
      out.set(bytes.subarray(at), at + bad.length);
      return { name: `bytes ${bad} at ${at}`, bytes: out };
    }),
  fc.tuple(fc.nat(5), fc.nat(5)).map(([a, b]) => {
    const pack = clone();
    const [i, j] = a === b ? [a, (a + 1) % 6] : [a, b];
    (entriesOf(pack)[j] as Json).id = (entriesOf(pack)[i] as Json).id;
    return { name: `duplicate id entries[${i}] → entries[${j}]`, bytes: encode(JSON.stringify(pack)) };
  }),
  fc
    .tuple(fc.nat(5), fc.constantFrom('id', 'title', 'tags', 'keywords', 'provenance', 'reviewedAt', 'kind'))
    .map(([i, field]) => {
      const pack = clone();
      delete (entriesOf(pack)[i] as Json)[field];
      return { name: `entries[${i}] without ${field}`, bytes: encode(JSON.stringify(pack)) };
    }),
  fc.constantFrom('[]', 'null', '"pack"', '42', '', '{', '{}', '['.repeat(200_000), '\u0000').map((text) => ({
    name: `root ${text.slice(0, 10)}`,
    bytes: encode(text),
  })),
  fc.uint8Array({ minLength: 1, maxLength: 300 }).map((bytes) => ({ name: 'random bytes', bytes })),
];

const KINDS: Record<string, RegExp> = {
  truncated: /^truncated/,
  'wrong type': /^entries\[\d\]\.\w+ = /,
  'wrong pack field': /^pack\./,
  huge: /^huge/,
  'lone surrogate': /^lone surrogate/,
  'damaged bytes': /^bytes/,
  'duplicate id': /^duplicate id/,
  'missing field': /^entries\[\d\] without/,
  'bad root': /^root/,
  'random bytes': /^random bytes/,
};
const kindOf = (name: string) => Object.keys(KINDS).find((k) => KINDS[k]?.test(name)) ?? name;
/** Mutations whose refusal must say what is wrong, not just fail somewhere. */
const SPECIFIC: Record<string, RegExp> = {
  truncated: /not valid JSON/,
  'damaged bytes': /UTF-8 but damaged at line \d+|not valid JSON/,
  'lone surrogate': /lone UTF-16 surrogate|must be 1–80 characters/,
  'duplicate id': /duplicate id, first used by entries\[\d\]/,
};

const POLICY_URL = 'https://kb.example.com/acme.json';

/** A library with the administrator's pack installed (the last good copy) and the status of that sync. */
async function managedCopy(): Promise<{ library: PackLibrary; status: SyncStatus }> {
  const { policy } = parseManagedPolicy({ packUrl: POLICY_URL });
  const good = await runManagedSync(policy, [], { ...EMPTY_LIBRARY }, [], null, {
    fetchPack: async () => ({ status: 200, bytes: encode(JSON.stringify(teamPack())) }),
    now: CLOCK.now,
    today: CLOCK.today,
  });
  if (!good.library) throw new Error(`the fuzz base does not sync: ${good.status.errors.join('; ')}`);
  return { library: good.library, status: good.status };
}

describe('importing a mutated pack', () => {
  it('refuses every mutation with a message and leaves stored data byte-identical', async () => {
    const { policy } = parseManagedPolicy({ packUrl: POLICY_URL });
    const managed = await managedCopy();
    const installed = { ...EMPTY_LIBRARY };
    const seed = await importFile(
      new MemoryStore(installed),
      [],
      { bytes: encode(JSON.stringify(teamPack('existing-pack', '已有知识包'))), fileName: 'existing.json' },
      'merge',
    );
    expect(seed.ok).toBe(true);
    const store = new MemoryStore(seed.ok ? seed.library : null);
    const before = store.text;
    let runs = 0;
    const seen = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(...mutations),
        fc.constantFrom('merge', 'replace') as fc.Arbitrary<'merge' | 'replace'>,
        async (m, mode) => {
          runs++;
          const kind = kindOf(m.name);
          seen.set(kind, (seen.get(kind) ?? 0) + 1);
          const result = await importFile(store, [], { bytes: m.bytes, fileName: 'team.json' }, mode);
          expect(result.ok, m.name).toBe(false);
          if (result.ok) return;
          expect(result.problems.length, m.name).toBeGreaterThan(0);
          for (const p of result.problems) expect(p.message.length, m.name).toBeGreaterThan(5);
          const expected = SPECIFIC[kind];
          if (expected) expect(result.problems.map((p) => p.message).join('\n'), m.name).toMatch(expected);
          expect(store.text).toBe(before);
          expect(store.writes).toBe(0);

          // The same bytes served at the policy URL: refused, the last good copy kept, the reasons shown.
          const synced = await runManagedSync(policy, [], managed.library, [], managed.status, {
            fetchPack: async () => ({ status: 200, bytes: m.bytes }),
            now: CLOCK.now + 1,
            today: CLOCK.today,
          });
          expect(synced.library, `sync: ${m.name}`).toBeUndefined();
          expect(synced.status.lastSuccessAt, `sync: ${m.name}`).toBe(CLOCK.now);
          expect(synced.status.errors.length, `sync: ${m.name}`).toBeGreaterThan(0);
          for (const e of synced.status.errors)
            expect(e, `sync: ${m.name}`).toMatch(/^https:\/\/kb\.example\.com\/acme\.json.*: .{6,}/);
          if (expected) expect(synced.status.errors.join('\n'), `sync: ${m.name}`).toMatch(expected);
        },
      ),
      { numRuns: 1500, seed: 20261123 },
    );
    expect(runs).toBeGreaterThanOrEqual(1000);
    // Every kind of mutation was tried many times, not just the cheapest ones.
    expect([...seen.keys()].sort()).toEqual(Object.keys(KINDS).sort());
    for (const [kind, n] of seen) expect(n, kind).toBeGreaterThanOrEqual(50);
    // 1,500 imports and syncs: room for a busy machine (a timeout is not what this test is about).
  }, 300_000);

  it('still imports the unmutated pack (the fuzz base is valid)', async () => {
    const store = new MemoryStore(null);
    const result = await importFile(
      store,
      [],
      { bytes: encode(JSON.stringify(teamPack())), fileName: 'team.json' },
      'merge',
    );
    expect(result.ok).toBe(true);
    expect(store.writes).toBe(1);
  });
});
