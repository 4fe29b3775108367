/**
 * Time-to-interactive and shipped JS of extension pages, in headless Chromium with the built extension.
 *
 *   npx tsx scripts/measure-pages.ts [--pages sidepanel.html,popup.html] [--runs 20] [--pack-size 10000] [--json]
 *
 * Time-to-interactive = the page's `performance.mark('coach:interactive')` (set when its main control is
 * focused and takes input), relative to navigation start; the first open is a discarded warm-up.
 * Index ready = the side panel's `performance.mark('coach:index-ready')` (its search index is loaded:
 * what was typed shows results). `--pack-size N` first imports a generated N-entry team pack through the
 * options page, as an administrator would, so the panel loads a big cached index.
 * JS size = the page's <script> and modulepreload files plus every chunk they import statically,
 * each gzipped (level 9), from the build in $COACH_OUT_DIR (default .output)/chrome-mv3.
 * Build first: `npx wxt build`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { EXTENSION_DIR, type ExtensionSession, launchExtension } from '../tests/e2e/harness';
import { bigPack } from '../tests/e2e/options-fixtures';
import { percentile } from './bench/percentile';

const TARGET_TTI_MS = 150;
const TARGET_READY_MS = 400;
const TARGET_JS_GZIP_KB = 100;
const MARK = 'coach:interactive';
const READY_MARK = 'coach:index-ready';
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

/** Imports a generated pack with the options page's own file import, as tests/e2e/options.e2e.ts does. */
async function seedPack(session: ExtensionSession, size: number): Promise<void> {
  const options = await session.openPage('options.html');
  await options.getByRole('heading', { name: '导入知识包' }).waitFor();
  const text = JSON.stringify(bigPack(size));
  await options.setInputFiles('input[type=file]', {
    name: 'big.json',
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
  await options.getByText(`新增 ${size}`).waitFor({ timeout: 120_000 });
  await options.getByRole('button', { name: '应用' }).click();
  await options.getByText(`已导入「大型团队知识包 ${size}」。`).waitFor({ timeout: 120_000 });
  await options.close();
}

const markTime = (tab: Page, mark: string) =>
  tab.evaluate((m) => (performance.getEntriesByName(m)[0] as PerformanceEntry).startTime, mark);

async function main() {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json')))
    throw new Error(`no build in ${EXTENSION_DIR}: run npx wxt build`);
  const session = await launchExtension();
  const rows = [];
  try {
    if (packSize > 0) await seedPack(session, packSize);
    for (const page of pages) {
      const times: number[] = [];
      const ready: number[] = [];
      const marksReady = MARKS_READY.has(page);
      for (let i = 0; i <= runs; i++) {
        const tab = await session.openPage(page as 'sidepanel.html');
        const last = marksReady ? READY_MARK : MARK;
        for (const mark of new Set([MARK, last])) {
          await tab.waitForFunction((m) => performance.getEntriesByName(m).length > 0, mark, { timeout: 20_000 });
        }
        // Run 0 warms up the extension's service worker and caches.
        if (i > 0) {
          times.push(await markTime(tab, MARK));
          if (marksReady) ready.push(await markTime(tab, READY_MARK));
        }
        await tab.close();
      }
      times.sort((a, b) => a - b);
      ready.sort((a, b) => a - b);
      const files = pageScripts(EXTENSION_DIR, page);
      const gzip = files.reduce(
        (sum, f) => sum + gzipSync(readFileSync(join(EXTENSION_DIR, f)), { level: 9 }).length,
        0,
      );
      const raw = files.reduce((sum, f) => sum + readFileSync(join(EXTENSION_DIR, f)).length, 0);
      rows.push({
        page,
        runs,
        tti_p50_ms: Number(percentile(times, 50).toFixed(1)),
        tti_p95_ms: Number(percentile(times, 95).toFixed(1)),
        ready_p50_ms: ready.length ? Number(percentile(ready, 50).toFixed(1)) : undefined,
        ready_p95_ms: ready.length ? Number(percentile(ready, 95).toFixed(1)) : undefined,
        js_files: files.length,
        js_raw_kb: Number((raw / 1024).toFixed(1)),
        js_gzip_kb: Number((gzip / 1024).toFixed(1)),
      });
    }
  } finally {
    await session.close();
  }
  if (values.json) {
    console.log(JSON.stringify({ packSize, results: rows }, null, 2));
    return;
  }
  console.log(
    `targets: time-to-interactive p95 ≤ ${TARGET_TTI_MS} ms, index ready p95 ≤ ${TARGET_READY_MS} ms, ` +
      `JS ≤ ${TARGET_JS_GZIP_KB} KB gzipped; team pack: ${packSize ? `${packSize} entries` : 'none'}`,
  );
  console.table(
    rows.map((r) => ({
      ...r,
      ready_p50_ms: r.ready_p50_ms ?? '-',
      ready_p95_ms: r.ready_p95_ms ?? '-',
      tti_ok: r.tti_p95_ms <= TARGET_TTI_MS ? 'yes' : 'NO',
      ready_ok: r.ready_p95_ms === undefined ? '' : r.ready_p95_ms <= TARGET_READY_MS ? 'yes' : 'NO',
      size_ok: r.js_gzip_kb <= TARGET_JS_GZIP_KB ? 'yes' : 'NO',
    })),
  );
}

await main();
