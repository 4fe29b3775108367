/**
 * The editor matrix's ticket pages: each real editor (from npm, dev dependencies only) bundled with esbuild
 * into a page served on 127.0.0.1 (port 0). Bundled once per change of the pages or the lock file, into
 * node_modules/.cache, so the Chromium and Firefox matrix files and later runs reuse the same bundles.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../../..');
const PAGES = join(HERE, 'pages');

/** Every page of the matrix; `model-editors` takes `?variant=cancels|native|late`. */
export const EDITOR_PAGES = [
  'textarea',
  'contenteditable',
  'prosemirror',
  'tiptap',
  'lexical',
  'ckeditor5',
  'quill',
  'tinymce',
  'slate',
  'draftjs',
  'model-editors',
] as const;
export type EditorPage = (typeof EDITOR_PAGES)[number];

function sourceHash(): string {
  const hash = createHash('sha256');
  for (const file of readdirSync(PAGES).sort()) hash.update(file).update(readFileSync(join(PAGES, file)));
  hash.update(readFileSync(join(ROOT, 'package-lock.json')));
  hash.update(readFileSync(fileURLToPath(import.meta.url)));
  return hash.digest('hex').slice(0, 16);
}

/** Bundles the pages unless this exact version is already bundled; returns the folder. */
export async function bundleEditorPages(): Promise<string> {
  const cache = join(ROOT, 'node_modules/.cache/coach-editor-pages');
  const dir = join(cache, sourceHash());
  if (existsSync(join(dir, 'done'))) return dir;
  mkdirSync(cache, { recursive: true });
  const work = `${dir}.${process.pid}.tmp`;
  rmSync(work, { recursive: true, force: true });
  await build({
    entryPoints: Object.fromEntries(EDITOR_PAGES.map((name) => [name, join(PAGES, `${name}.ts`)])),
    bundle: true,
    format: 'esm',
    target: 'es2022',
    outdir: work,
    // Minified, as shipped by ticket systems; also parses faster on every page load of the matrix.
    minify: true,
    // React and the editors' production builds: what a ticket system ships.
    // Draft.js still reads Node's `global`.
    define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
    loader: { '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.svg': 'dataurl', '.png': 'dataurl' },
    jsx: 'automatic',
    logLevel: 'error',
  });
  writeFileSync(join(work, 'done'), new Date().toISOString());
  rmSync(dir, { recursive: true, force: true });
  renameSync(work, dir);
  return dir;
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

function ticketHtml(name: string): string {
  const css = `<link rel="stylesheet" href="/${name}.css">`;
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>工单 #2048 · ${name}</title>${css}
<style>body{font-family:sans-serif;margin:16px;max-width:760px} #editor{min-height:120px;border:1px solid #ccc;padding:4px}</style></head>
<body>
<h1 class="ticket-subject">客户投诉：退款一周仍未到账</h1>
<div class="message customer-message">我的退款一周了还没到账，你们到底怎么回事？</div>
<h2>回复</h2>
<div id="editor"></div>
<script type="module" src="/${name}.js"></script>
</body></html>`;
}

export interface EditorServer {
  origin: string;
  url(page: EditorPage, query?: string): string;
  close(): Promise<void>;
}

export async function serveEditorPages(dir: string): Promise<EditorServer> {
  const names = new Set<string>(EDITOR_PAGES);
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname.slice(1);
    if (names.has(path)) {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(ticketHtml(path));
      return;
    }
    const file = join(dir, path);
    if (!path || path.includes('..') || !existsSync(file)) {
      // A page without its own CSS still asks for one: an empty sheet, not a 404 in the console.
      res.statusCode = path.endsWith('.css') ? 200 : 404;
      res.setHeader('content-type', TYPES[extname(path)] ?? 'text/plain');
      res.end('');
      return;
    }
    res.setHeader('content-type', TYPES[extname(path)] ?? 'application/octet-stream');
    res.end(readFileSync(file));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (page, query = '') => `${origin}/${page}${query}`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
