import { describe, expect, it } from 'vitest';
import { EMPTY_LIBRARY, type PackLibrary } from '../../utils/packs/library';
import {
  type FetchPack,
  parseManagedPolicy,
  runManagedSync,
  type SyncStatus,
  syncDue,
} from '../../utils/packs/managed-policy';
import { teamPack } from './pack-fixtures';

const URL_ = 'https://kb.example.com/acme.json';
const serve =
  (status: number, body: unknown): FetchPack =>
  async () => ({ status, bytes: new TextEncoder().encode(typeof body === 'string' ? body : JSON.stringify(body)) });
const deps = (fetchPack: FetchPack, now = 1_000) => ({
  fetchPack,
  now,
  today: '2026-11-23',
  hasOriginPermission: true,
});

async function sync(library: PackLibrary, raw: unknown, fetchPack: FetchPack, previous: SyncStatus | null = null) {
  const { policy, problems } = parseManagedPolicy(raw);
  return runManagedSync(policy, problems, library, [], previous, deps(fetchPack));
}

describe('managed policy', () => {
  it('accepts HTTPS pack URLs only, inline packs as text or object, and a bounded interval', () => {
    expect(parseManagedPolicy({ packUrl: URL_, syncIntervalMinutes: 60 })).toEqual({
      policy: { packUrl: URL_, syncIntervalMinutes: 60 },
      problems: [],
    });
    expect(parseManagedPolicy({ packUrl: 'http://kb.example.com/a.json' })).toEqual({
      policy: null,
      problems: ['policy packUrl must start with https:// (got http://)'],
    });
    expect(parseManagedPolicy({ pack: { id: 'x' }, syncIntervalMinutes: 1 })).toEqual({
      policy: { pack: '{"id":"x"}', syncIntervalMinutes: 360 },
      problems: [expect.stringContaining('from 15 to 10080')],
    });
    expect(parseManagedPolicy({})).toEqual({ policy: null, problems: [] });
  });

  it('syncs when the policy changed or the interval passed', () => {
    const policy = parseManagedPolicy({ packUrl: URL_, syncIntervalMinutes: 60 }).policy;
    const status = { policyKey: JSON.stringify([URL_, '', 60]), lastAttemptAt: 0, errors: [] };
    expect(syncDue(status, policy, 59 * 60_000)).toBe(false);
    expect(syncDue(status, policy, 60 * 60_000)).toBe(true);
    expect(syncDue({ ...status, policyKey: 'old' }, policy, 1)).toBe(true);
    expect(syncDue(null, policy, 1)).toBe(true);
  });

  it('installs the fetched pack as a policy pack and records the success', async () => {
    const result = await sync({ ...EMPTY_LIBRARY }, { packUrl: URL_ }, serve(200, teamPack()));
    expect(result.library?.packs.map((p) => [p.pack.id, p.origin, p.from])).toEqual([
      ['acme-support', 'managed', URL_],
    ]);
    expect(result.status).toMatchObject({ lastSuccessAt: 1_000, source: URL_, packId: 'acme-support', errors: [] });
  });

  it('keeps the last good copy when the fetch fails, the server errs or the pack is invalid', async () => {
    const good = await sync({ ...EMPTY_LIBRARY }, { packUrl: URL_ }, serve(200, teamPack()));
    const library = good.library as PackLibrary;
    const failures: [FetchPack, RegExp][] = [
      [
        async () => {
          throw new TypeError('Failed to fetch');
        },
        /^could not fetch https:\/\/kb\.example\.com\/acme\.json: Failed to fetch$/,
      ],
      [serve(404, 'not found'), /^HTTP 404 from https:\/\/kb/],
      [serve(200, '{"format":'), /^https:\/\/kb\.example\.com\/acme\.json:1: \(pack\): not valid JSON/],
      [serve(200, { ...teamPack(), entries: [{ kind: 'phrasing', id: 'x' }] }), /entries\[0\]/],
    ];
    for (const [fetchPack, message] of failures) {
      const result = await sync(library, { packUrl: URL_ }, fetchPack, good.status);
      expect(result.library).toBeUndefined();
      expect(result.status.lastSuccessAt).toBe(1_000);
      expect(result.status.errors[0]).toMatch(message);
    }
  });

  it('applies the import checks to a synced pack: a 60 MB pack and a lone surrogate are refused, the good copy kept', async () => {
    const good = await sync({ ...EMPTY_LIBRARY }, { packUrl: URL_ }, serve(200, teamPack()));
    const library = good.library as PackLibrary;
    const huge = teamPack();
    huge.entries[0] = {
      ...(huge.entries[0] as (typeof huge.entries)[number]),
      provenance: { source: 'x', section: 'y', number: 1, note: '注'.repeat(20 * 1024 * 1024) },
    };
    const hugeText = JSON.stringify(huge);
    const lone = JSON.stringify(teamPack()).replace('退款迟迟未到账', '退款\\udc00迟迟未到账');
    const cases: [unknown, FetchPack, string][] = [
      [{ packUrl: URL_ }, serve(200, hugeText), `${URL_}: (pack): the file is 60.0 MB; packs are limited to 40 MB`],
      [{ pack: hugeText }, serve(500, ''), 'policy: (pack): the file is 60.0 MB; packs are limited to 40 MB'],
      [
        { packUrl: URL_ },
        serve(200, lone),
        `${URL_}: entries[0].title: contains a broken character (a lone UTF-16 surrogate) (id "acme-support-refund-delay")`,
      ],
      [
        { pack: lone },
        serve(500, ''),
        'policy: entries[0].title: contains a broken character (a lone UTF-16 surrogate) (id "acme-support-refund-delay")',
      ],
      [
        { pack: `${JSON.stringify(teamPack()).slice(0, -1)}, "x": "\ud800"}` },
        serve(500, ''),
        'policy: (pack): contains a broken character (a lone UTF-16 surrogate)',
      ],
    ];
    for (const [raw, fetchPack, message] of cases) {
      const result = await sync(library, raw, fetchPack, good.status);
      expect(result.library).toBeUndefined();
      expect(result.status.errors).toEqual([message]);
    }
  });

  it('explains a failed fetch when the origin is not granted', async () => {
    const { policy, problems } = parseManagedPolicy({ packUrl: URL_ });
    const failing: FetchPack = async () => {
      throw new TypeError('Failed to fetch');
    };
    const result = await runManagedSync(policy, problems, { ...EMPTY_LIBRARY }, [], null, {
      ...deps(failing),
      hasOriginPermission: false,
    });
    expect(result.status.errors[0]).toContain('access to https://kb.example.com is not granted');
  });

  it('uses an inline pack, and removes the policy pack when the policy goes away', async () => {
    const inline = await sync(
      { ...EMPTY_LIBRARY },
      { pack: JSON.stringify(teamPack('inline-pack', '内联')) },
      serve(500, ''),
    );
    expect(inline.library?.packs[0]?.pack.id).toBe('inline-pack');
    const removed = await sync(inline.library as PackLibrary, {}, serve(500, ''));
    expect(removed.library?.packs).toEqual([]);
  });

  it('does not rewrite storage when the fetched pack did not change', async () => {
    const first = await sync({ ...EMPTY_LIBRARY }, { packUrl: URL_ }, serve(200, teamPack()));
    const again = await sync(first.library as PackLibrary, { packUrl: URL_ }, serve(200, teamPack()), first.status);
    expect(again.library).toBeUndefined();
    expect(again.status.errors).toEqual([]);
  });
});
