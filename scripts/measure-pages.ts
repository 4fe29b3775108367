/**
 * Time-to-interactive and shipped JS of extension pages, in headless Chromium with the built extension.
 *
 *   npx tsx scripts/measure-pages.ts [--pages sidepanel.html,popup.html] [--runs 20] [--json]
 *
 * Time-to-interactive = the page's `performance.mark('coach:interactive')` (set when its main control is
 * focused and its data is ready), relative to navigation start; the first open is a discarded warm-up.
 * JS size = the page's <script> and modulepreload files plus every chunk they import statically,
 * each gzipped (level 9), from the build in $COACH_OUT_DIR (default .output)/chrome-mv3.
 * Build first: `npx wxt build`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { EXTENSION_DIR, launchExtension } from '../tests/e2e/harness';

const TARGET_TTI_MS = 150;
const TARGET_JS_GZIP_KB = 100;
const MARK = 'coach:interactive';

const { values } = parseArgs({
  options: {
    pages: { type: 'string', default: 'sidepanel.html' },
    runs: { type: 'string', default: '20' },
    json: { type: 'boolean', default: false },
  },
});
const pages = (values.pages ?? '')
  .split(',')
  .map((p) => p.trim())
  .filter(Boolean);
const runs = Math.max(1, Number(values.runs) || 20);

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

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

async function main() {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json')))
    throw new Error(`no build in ${EXTENSION_DIR}: run npx wxt build`);
  const session = await launchExtension();
  const rows = [];
  try {
    for (const page of pages) {
      const times: number[] = [];
      for (let i = 0; i <= runs; i++) {
        const tab = await session.openPage(page as 'sidepanel.html');
        await tab.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, MARK, { timeout: 10_000 });
        const t = await tab.evaluate(
          (mark) => (performance.getEntriesByName(mark)[0] as PerformanceEntry).startTime,
          MARK,
        );
        if (i > 0) times.push(t); // run 0 warms up the extension's service worker and caches
        await tab.close();
      }
      times.sort((a, b) => a - b);
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
        js_files: files.length,
        js_raw_kb: Number((raw / 1024).toFixed(1)),
        js_gzip_kb: Number((gzip / 1024).toFixed(1)),
      });
    }
  } finally {
    await session.close();
  }
  if (values.json) {
    console.log(JSON.stringify({ results: rows }, null, 2));
    return;
  }
  console.log(`targets: time-to-interactive p95 ≤ ${TARGET_TTI_MS} ms, JS ≤ ${TARGET_JS_GZIP_KB} KB gzipped`);
  console.table(
    rows.map((r) => ({
      ...r,
      tti_ok: r.tti_p95_ms <= TARGET_TTI_MS ? 'yes' : 'NO',
      size_ok: r.js_gzip_kb <= TARGET_JS_GZIP_KB ? 'yes' : 'NO',
    })),
  );
}

await main();
