/**
 * Time-to-interactive and shipped JS of extension pages, in headless Chromium with the built extension,
 * against a floor: a bare extension page that only focuses an input, opened in the same run, interleaved.
 *
 *   npm run measure -- [--pages sidepanel.html,popup.html] [--runs 20] [--pack-size 10000] [--json]
 *
 * Time-to-interactive = the page's `performance.mark('coach:interactive')` (set when its main control is
 * focused and takes input), relative to navigation start; the first round is a discarded warm-up.
 * Index ready = the side panel's `performance.mark('coach:index-ready')` (its search index is loaded).
 * The floor page (floor.html: an <input> focused by a tiny module script, then the same mark) is added
 * to a temporary copy of the build, never to the shipped one; each round opens the floor and every page
 * in turn, so a busy machine slows all of them alike. `ratio` = page p50 / floor p50 (target ≤ 1.6).
 * `--pack-size N` first installs a generated N-entry team pack through the options page, then also
 * times keystrokes in the panel (from the `input` event to the results changing).
 * JS size = the page's <script> and modulepreload files plus every chunk they import statically,
 * each gzipped (level 9). Build first: `npx wxt build`.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { EXTENSION_DIR, type ExtensionSession, launchExtension } from '../tests/e2e/harness';
import { bigPack } from '../tests/e2e/options-fixtures';
import { percentile } from './bench/percentile';

const TARGET_RATIO = 1.6;
const TARGET_JS_GZIP_KB = 100;
const MARK = 'coach:interactive';
const READY_MARK = 'coach:index-ready';
const FLOOR = 'floor.html';
/** Pages that load a search index after taking input. */
const MARKS_READY = new Set(['sidepanel.html']);

const { values } = parseArgs({
  options: {
    pages: { type: 'string', default: 'sidepanel.html' },
    runs: { type: 'string', default: '20' },
    'pack-size': { type: 'string', default: '0' },
    json: { type: 'boolean', default: false },
  },
});
const pages = (values.pages ?? '')
  .split(',')
  .map((p) => p.trim())
  .filter(Boolean);
const runs = Math.max(1, Number(values.runs) || 20);
const packSize = Math.max(0, Math.floor(Number(values['pack-size']) || 0));

/** The page's JS files and, transitively, the chunks they import (`from"./x.js"` / `import"./x.js"`). */
export function pageScripts(dir: string, page: string): string[] {
  const html = readFileSync(join(dir, page), 'utf8');
  const queue = [
    ...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\/?([^"]+\.js)"/g),
  ].map((m) => m[1] as string);
  const seen = new Set<string>();
  while (queue.length) {
    const file = queue.shift() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(join(dir, file), 'utf8');
    const base = file.slice(0, file.lastIndexOf('/') + 1);
    for (const m of code.matchAll(/(?:from|import)\s*"(\.{1,2}\/[^"]+\.js|\/[^"]+\.js)"/g)) {
      const spec = m[1] as string;
      const resolved = spec.startsWith('/') ? spec.slice(1) : new URL(spec, `file:///${base}`).pathname.slice(1);
      queue.push(resolved);
    }
  }
  return [...seen];
}

/** A copy of the build with the floor page added (extension pages must come from the extension's origin). */
function buildWithFloor(): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'coach-measure-'));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  writeFileSync(
    join(dir, FLOOR),
    '<!doctype html><html lang="zh-CN"><head><meta charset="UTF-8"><title>floor</title></head>' +
      '<body><input aria-label="floor"><script type="module" src="/floor.js"></script></body></html>',
  );
  writeFileSync(join(dir, 'floor.js'), `document.querySelector('input').focus();\nperformance.mark('${MARK}');\n`);
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Installs a generated pack with the options page's own file import, as an administrator would. */
async function seedPack(session: ExtensionSession, size: number): Promise<void> {
  const options = await session.openPage('options.html');
  await options.getByRole('heading', { name: '导入知识包' }).waitFor();
  await options.setInputFiles('input[type=file]', {
    name: 'big.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(bigPack(size))),
  });
  await options.getByText(`新增 ${size}`).waitFor({ timeout: 300_000 });
  await options.getByRole('button', { name: '应用' }).click();
  await options.getByText(`已导入「大型团队知识包 ${size}」。`).waitFor({ timeout: 300_000 });
  await options.close();
}

/** Keystroke → results in the panel: from the `input` event to the results DOM changing, per character. */
async function keystrokeLatencies(session: ExtensionSession): Promise<{ latencies: number[]; unchanged: number }> {
  const page = await session.openPage('sidepanel.html');
  await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, READY_MARK, { timeout: 60_000 });
  await page.evaluate(() => {
    const w = window as unknown as { __lat: number[]; __at: number };
    w.__lat = [];
    // `input` (capture, before the panel's handler): Playwright types CJK text without key events, like an IME.
    document.addEventListener('input', (e) => (w.__at = e.timeStamp), true);
    new MutationObserver(() => {
      if (!w.__at) return;
      w.__lat.push(performance.now() - w.__at);
      w.__at = 0;
    }).observe(document.getElementById('app') as HTMLElement, { childList: true, subtree: true, characterData: true });
  });
  const box = page.getByRole('combobox');
  const latencies: number[] = [];
  // A keystroke whose results look the same as before (tuik → tuiku) changes no DOM: not timed, counted.
  let unchanged = 0;
  for (const query of ['退款', '物流', '发票', '会员', '投诉', '售后', 'tuikuan', '快递', '积分', '保修']) {
    await box.fill('');
    for (const ch of query) {
      await page.evaluate(() => {
        (window as unknown as { __lat: number[] }).__lat = [];
      });
      await page.keyboard.type(ch);
      const changed = await page
        .waitForFunction(() => (window as unknown as { __lat: number[] }).__lat.length > 0, null, { timeout: 3_000 })
        .then(
          () => true,
          () => false,
        );
      if (!changed) {
        unchanged++;
        continue;
      }
      latencies.push(await page.evaluate(() => (window as unknown as { __lat: number[] }).__lat[0] as number));
    }
  }
  await page.close();
  return { latencies: latencies.sort((a, b) => a - b), unchanged };
}

const markTime = (tab: Page, mark: string) =>
  tab.evaluate((m) => (performance.getEntriesByName(m)[0] as PerformanceEntry).startTime, mark);

const ms = (n: number) => Number(n.toFixed(1));

async function main() {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json')))
    throw new Error(`no build in ${EXTENSION_DIR}: run npx wxt build`);
  const build = buildWithFloor();
  const session = await launchExtension(build.dir);
  const all = [FLOOR, ...pages];
  const times = new Map(all.map((p) => [p, [] as number[]]));
  const ready = new Map(all.map((p) => [p, [] as number[]]));
  let keys: number[] = [];
  let unchangedKeys = 0;
  try {
    if (packSize > 0) await seedPack(session, packSize);
    for (let round = 0; round <= runs; round++) {
      for (const page of all) {
        const tab = await session.openPage(page as 'sidepanel.html');
        const marks = MARKS_READY.has(page) ? [MARK, READY_MARK] : [MARK];
        for (const mark of marks) {
          await tab.waitForFunction((m) => performance.getEntriesByName(m).length > 0, mark, { timeout: 60_000 });
        }
        // Round 0 warms up the service worker and caches.
        if (round > 0) {
          times.get(page)?.push(await markTime(tab, MARK));
          if (MARKS_READY.has(page)) ready.get(page)?.push(await markTime(tab, READY_MARK));
        }
        await tab.close();
      }
    }
    if (packSize > 0 && pages.includes('sidepanel.html')) {
      ({ latencies: keys, unchanged: unchangedKeys } = await keystrokeLatencies(session));
    }
  } finally {
    await session.close();
    build.cleanup();
  }
  for (const list of [...times.values(), ...ready.values()]) list.sort((a, b) => a - b);
  const floorP50 = percentile(times.get(FLOOR) ?? [], 50);
  const floorP95 = percentile(times.get(FLOOR) ?? [], 95);
  const rows = all.map((page) => {
    const t = times.get(page) ?? [];
    const r = ready.get(page) ?? [];
    const files = page === FLOOR ? [] : pageScripts(EXTENSION_DIR, page);
    const gzip = files.reduce((sum, f) => sum + gzipSync(readFileSync(join(EXTENSION_DIR, f)), { level: 9 }).length, 0);
    return {
      page,
      runs,
      tti_p50_ms: ms(percentile(t, 50)),
      tti_p95_ms: ms(percentile(t, 95)),
      ratio_p50: page === FLOOR ? 1 : Number((percentile(t, 50) / floorP50).toFixed(2)),
      ratio_p95: page === FLOOR ? 1 : Number((percentile(t, 95) / floorP95).toFixed(2)),
      ready_p50_ms: r.length ? ms(percentile(r, 50)) : undefined,
      ready_p95_ms: r.length ? ms(percentile(r, 95)) : undefined,
      js_gzip_kb: page === FLOOR ? 0 : Number((gzip / 1024).toFixed(1)),
    };
  });
  const keystrokes = keys.length
    ? {
        n: keys.length,
        p50_ms: ms(percentile(keys, 50)),
        p95_ms: ms(percentile(keys, 95)),
        max_ms: ms(keys.at(-1) ?? 0),
        unchanged: unchangedKeys,
      }
    : undefined;
  if (values.json) {
    console.log(JSON.stringify({ packSize, results: rows, keystrokes }, null, 2));
    return;
  }
  console.log(
    `floor: a bare extension page that focuses an input (same browser, interleaved); targets: ratio ≤ ${TARGET_RATIO}, ` +
      `JS ≤ ${TARGET_JS_GZIP_KB} KB gzipped; team pack: ${packSize ? `${packSize} entries` : 'none'}`,
  );
  console.table(
    rows.map((r) => ({
      ...r,
      ready_p50_ms: r.ready_p50_ms ?? '-',
      ready_p95_ms: r.ready_p95_ms ?? '-',
      ratio_ok: r.page === FLOOR ? '' : r.ratio_p50 <= TARGET_RATIO ? 'yes' : 'NO',
      size_ok: r.page === FLOOR ? '' : r.js_gzip_kb <= TARGET_JS_GZIP_KB ? 'yes' : 'NO',
    })),
  );
  for (const r of rows.filter((x) => x.page !== FLOOR)) {
    console.log(
      `${r.page}: ${r.ratio_p50}× the floor at p50 (${r.tti_p50_ms} vs ${ms(floorP50)} ms), ${r.ratio_p95}× at p95`,
    );
  }
  if (keystrokes)
    console.log(
      `keystroke → results with ${packSize} team entries: n=${keystrokes.n} p50 ${keystrokes.p50_ms} ms, p95 ${keystrokes.p95_ms} ms, max ${keystrokes.max_ms} ms (${keystrokes.unchanged} keystrokes left the results as they were: not timed)`,
    );
}

await main();
