/**
 * The managed-pack sync against real servers: Node's own fetch (the same code path as the extension's,
 * `fetchPackBytes` with its default network) talking to HTTP and HTTPS servers on 127.0.0.1. A hostile
 * redirect, a stalled server, a 100 MB stream, a 60 MB pack and a pack with a lone surrogate must each be
 * refused with a status the administrator can read, and the last good copy must stay installed.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { syncManagedPack } from '../../utils/browser/managed-sync';
import { fetchPackBytes } from '../../utils/browser/pack-fetch';
import { readPackLibrary } from '../../utils/browser/pack-store';
import { managedSyncStatusItem } from '../../utils/browser/storage';
import { teamPack } from './pack-fixtures';

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;
interface Server {
  url(path: string): string;
  /** Paths requested, in order. */
  requests: string[];
  close(): Promise<void>;
}

let tls: { key: Buffer; cert: Buffer };
let certDir = '';
const servers: Server[] = [];
const previousTlsSetting = process.env.NODE_TLS_REJECT_UNAUTHORIZED;

beforeAll(() => {
  // A self-signed certificate made for this run. Node 20's fetch cannot be given a CA of its own (no
  // dispatcher option in the global fetch, NODE_EXTRA_CA_CERTS is read only at process start), so this
  // test process accepts unverified certificates; what is tested is the scheme of every hop, not PKI.
  certDir = mkdtempSync(join(tmpdir(), 'coach-cert-'));
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-days',
      '1',
      '-keyout',
      join(certDir, 'key.pem'),
      '-out',
      join(certDir, 'cert.pem'),
    ],
    { stdio: 'ignore' },
  );
  tls = { key: readFileSync(join(certDir, 'key.pem')), cert: readFileSync(join(certDir, 'cert.pem')) };
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
});

afterAll(() => {
  if (previousTlsSetting === undefined) delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;
  else process.env.NODE_TLS_REJECT_UNAUTHORIZED = previousTlsSetting;
  rmSync(certDir, { recursive: true, force: true });
});

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function serve(scheme: 'http' | 'https', handler: Handler): Promise<Server> {
  const requests: string[] = [];
  const listener: Handler = (req, res) => {
    requests.push(req.url ?? '');
    handler(req, res);
  };
  const server = scheme === 'https' ? https.createServer(tls, listener) : http.createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const handle: Server = {
    url: (path) => `${scheme}://127.0.0.1:${port}${path}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  servers.push(handle);
  return handle;
}

const redirect =
  (to: () => string): Handler =>
  (_req, res) => {
    res.writeHead(302, { location: to() });
    res.end();
  };
const json =
  (body: string): Handler =>
  (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(body);
  };
const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const PACK = JSON.stringify(teamPack());

describe('fetching a managed pack (real fetch, local servers)', () => {
  it('refuses a redirect chain that passes through plain HTTP (https → http → https) without fetching the pack', async () => {
    let origin: Server | undefined;
    const plain = await serve(
      'http',
      redirect(() => origin?.url('/pack.json') ?? ''),
    );
    origin = await serve('https', (req, res) =>
      req.url === '/start' ? redirect(() => plain.url('/hop'))(req, res) : json(PACK)(req, res),
    );
    await expect(fetchPackBytes(origin.url('/start'))).rejects.toThrow(
      `redirected to a non-HTTPS address (${plain.url('/hop')})`,
    );
    expect(plain.requests).toEqual([]);
    expect(origin.requests).toEqual(['/start']);
  });

  it('follows redirects that stay on HTTPS, at most 5', async () => {
    const target = await serve('https', json(PACK));
    const hop = await serve(
      'https',
      redirect(() => target.url('/pack.json')),
    );
    const fetched = await fetchPackBytes(hop.url('/old-address'));
    expect(fetched.status).toBe(200);
    expect(fetched.url).toBe(target.url('/pack.json'));
    expect(JSON.parse(decode(fetched.bytes)).id).toBe('acme-support');

    let loop: Server | undefined;
    loop = await serve('https', (req, res) => redirect(() => loop?.url(`${req.url}x`) ?? '')(req, res));
    await expect(fetchPackBytes(loop.url('/a'))).rejects.toThrow(`more than 5 redirects from ${loop.url('/a')}`);
    expect(loop.requests).toHaveLength(6);
  });

  it('refuses a redirect the browser hides (opaque redirect): the hop cannot be checked', async () => {
    const opaque = { type: 'opaqueredirect', status: 0, headers: new Headers(), body: null } as unknown as Response;
    await expect(fetchPackBytes('https://kb.example.com/pack.json', { fetch: async () => opaque })).rejects.toThrow(
      /redirects elsewhere and the browser does not reveal where.*final https:\/\/ address/,
    );
  });

  it('gives up on a server that never answers, and on one that stalls inside the body', async () => {
    const silent = await serve('https', () => {
      // Never answers.
    });
    await expect(fetchPackBytes(silent.url('/pack.json'), { timeoutMs: 300 })).rejects.toThrow(
      'no complete answer within 0.3 s (the server stalled)',
    );
    const stalling = await serve('https', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write(PACK.slice(0, 100));
    });
    await expect(fetchPackBytes(stalling.url('/pack.json'), { timeoutMs: 300 })).rejects.toThrow(
      'no complete answer within 0.3 s',
    );
  });

  it('stops reading a 100 MB stream once it passes the 40 MB limit', async () => {
    const HUNDRED_MB = 100 * 1024 * 1024;
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let written = 0;
    let closed = false;
    const flood = await serve('https', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' }); // no Content-Length: chunked
      res.on('close', () => {
        closed = true;
      });
      const pump = () => {
        while (!closed && written < HUNDRED_MB) {
          written += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        if (!closed) res.end();
      };
      pump();
    });
    await expect(fetchPackBytes(flood.url('/pack.json'))).rejects.toThrow(
      'the pack is larger than 40 MB, the limit for packs',
    );
    await expect.poll(() => closed).toBe(true);
    expect(written).toBeLessThan(HUNDRED_MB);
  });

  it('refuses a body whose Content-Length is over the limit before reading it', async () => {
    let ended = false;
    const big = await serve('https', (_req, res) => {
      res.writeHead(200, { 'content-length': String(60 * 1024 * 1024) });
      res.write('{"format":');
      res.on('close', () => {
        ended = true;
      });
    });
    await expect(fetchPackBytes(big.url('/pack.json'))).rejects.toThrow('larger than 40 MB');
    await expect.poll(() => ended).toBe(true);
  });
});

describe('the managed sync (the adapter, on the fake browser, real fetch)', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    // The fake browser has no alarms or permissions: the sync only schedules and asks, it needs no answers.
    fakeBrowser.alarms.get = vi.fn(async () => undefined) as typeof fakeBrowser.alarms.get;
    fakeBrowser.alarms.create = vi.fn(async () => undefined) as typeof fakeBrowser.alarms.create;
    fakeBrowser.alarms.clear = vi.fn(async () => true) as typeof fakeBrowser.alarms.clear;
    fakeBrowser.permissions.contains = vi.fn(async () => true) as typeof fakeBrowser.permissions.contains;
  });

  const setPolicy = async (packUrl: string) => {
    await fakeBrowser.storage.managed.clear();
    await fakeBrowser.storage.managed.set({ packUrl });
  };
  const installed = async () => (await readPackLibrary()).packs.map((p) => [p.pack.id, p.origin, p.from]);

  /** A server whose answer the test can change: a good pack first, then something else. */
  async function switchable(scheme: 'https' = 'https') {
    let handler: Handler = json(PACK);
    const server = await serve(scheme, (req, res) => handler(req, res));
    return { server, answer: (next: Handler) => (handler = next) };
  }

  async function goodCopyInstalled(): Promise<{ server: Server; answer: (h: Handler) => void }> {
    const pack = await switchable();
    await setPolicy(pack.server.url('/acme.json'));
    const first = await syncManagedPack(true);
    expect(first?.errors).toEqual([]);
    expect(await installed()).toEqual([['acme-support', 'managed', pack.server.url('/acme.json')]]);
    return pack;
  }

  it('keeps the last good copy when the policy URL now redirects through HTTP', async () => {
    const pack = await goodCopyInstalled();
    const plain = await serve(
      'http',
      redirect(() => pack.server.url('/evil.json')),
    );
    pack.answer((req, res) =>
      req.url === '/evil.json'
        ? json(JSON.stringify(teamPack('acme-support', '被替换的知识包')))(req, res)
        : redirect(() => plain.url('/hop'))(req, res),
    );
    const status = await syncManagedPack(true);
    expect(status?.errors).toEqual([
      `could not fetch ${pack.server.url('/acme.json')}: redirected to a non-HTTPS address (${plain.url('/hop')})`,
    ]);
    expect((await readPackLibrary()).packs[0]?.pack.name).toBe('Acme 客服规范');
    expect(await managedSyncStatusItem.getValue()).toEqual(status);
  });

  it('refuses a 60 MB pack and a pack with a lone surrogate, keeping the last good copy', async () => {
    const pack = await goodCopyInstalled();
    const huge = teamPack();
    huge.entries[0] = {
      ...(huge.entries[0] as (typeof huge.entries)[number]),
      provenance: { source: 'x', section: 'y', number: 1, note: '注'.repeat(20 * 1024 * 1024) },
    };
    const hugeText = JSON.stringify(huge); // 60 MB of UTF-8
    pack.answer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(hugeText);
    });
    const tooBig = await syncManagedPack(true);
    expect(tooBig?.errors).toEqual([
      `could not fetch ${pack.server.url('/acme.json')}: the pack is larger than 40 MB, the limit for packs`,
    ]);

    const lone = JSON.stringify(teamPack()).replace('退款迟迟未到账', '退款\\ud800迟迟未到账');
    pack.answer(json(lone));
    const broken = await syncManagedPack(true);
    expect(broken?.errors).toEqual([
      `${pack.server.url('/acme.json')}: entries[0].title: contains a broken character (a lone UTF-16 surrogate) (id "acme-support-refund-delay")`,
    ]);
    const library = await readPackLibrary();
    expect(library.packs.map((p) => p.pack.entries[0]?.title)).toEqual(['退款迟迟未到账']);
    expect(broken?.lastSuccessAt).toBeGreaterThan(0);
  });

  it('a stalled policy server does not block the next sync', async () => {
    const silent = await serve('https', () => {
      // Never answers.
    });
    const good = await serve('https', json(PACK));
    await setPolicy(silent.url('/acme.json'));
    const stalled = syncManagedPack(true, { timeoutMs: 500 });
    await expect.poll(() => silent.requests.length).toBe(1);
    // The administrator fixes the policy while the first sync still waits for the dead server.
    await setPolicy(good.url('/acme.json'));
    const next = syncManagedPack(true);
    const [first, second] = await Promise.all([stalled, next]);
    expect(first?.errors).toEqual([
      `could not fetch ${silent.url('/acme.json')}: no complete answer within 0.5 s (the server stalled)`,
    ]);
    expect(second?.errors).toEqual([]);
    expect(await installed()).toEqual([['acme-support', 'managed', good.url('/acme.json')]]);
  });
});
