/**
 * Shared pieces of the panel e2e tests: a mock ticket page served on 127.0.0.1, and a copy of the built
 * extension whose manifest grants host access to 127.0.0.1 (see the note in panel-page.e2e.ts).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXTENSION_DIR } from './harness';

export const TICKET_HTML = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>工单 #1024</title></head>
<body>
<h1 class="ticket-subject">客户投诉：快递卡在海关一周，情绪很不满</h1>
<div class="message customer-message">你们的国际快递卡在海关一周了，到底怎么回事？我要投诉！</div>
<textarea id="reply" rows="4" cols="40">您好，祝您生活愉快。</textarea>
<input id="single" type="text" value="编号：">
<div id="rich" contenteditable="true"><p>您好，<b>王女士</b>。</p></div>
<iframe id="frame" src="/frame" style="width:300px;height:80px"></iframe>
<div id="model-editor" contenteditable="true">您好</div>
<script>
  // A minimal "framework" editor (Slate / Draft.js / Lexical style): it cancels beforeinput, applies the
  // edit to its own model and re-renders from it, so only inputs that raise beforeinput reach it.
  const ed = document.getElementById('model-editor');
  window.model = '您好';
  ed.addEventListener('beforeinput', (e) => {
    if (e.inputType !== 'insertText') return;
    e.preventDefault();
    const sel = getSelection();
    const at = sel.anchorNode && ed.contains(sel.anchorNode) ? sel.anchorOffset : window.model.length;
    window.model = window.model.slice(0, at) + e.data + window.model.slice(at);
    ed.textContent = window.model;
    const r = document.createRange();
    r.setStart(ed.firstChild, at + e.data.length);
    sel.removeAllRanges();
    sel.addRange(r);
  });
</script>
</body></html>`;

const FRAME_HTML = `<!doctype html><html><head><meta charset="utf-8"></head>
<body contenteditable="true"><p>框架内原有文字</p></body></html>`;

export async function serveTicketPage(html = TICKET_HTML): Promise<{ origin: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(req.url === '/frame' ? FRAME_HTML : html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A copy of the built extension whose manifest also lists `host_permissions` (test-only). */
export function extensionWithHostAccess(hosts: string[]): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'coach-ext-'));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  manifest.host_permissions = hosts;
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A small team pack for the tests: a placeholder phrasing, HTML/script in text, a plain phrasing. */
export const TEST_PACK = {
  format: 'agent-coach-pack',
  formatVersion: 1,
  id: 'e2e-panel',
  name: 'e2e panel pack',
  entries: [
    {
      kind: 'guideline',
      id: 'e2e-refund-guide',
      title: '退款到账时间答复',
      tags: ['退款'],
      keywords: ['退款多久到账', '钱什么时候退回'],
      provenance: { source: 'e2e', section: 'panel', number: 1 },
      reviewedAt: '2026-11-20',
      scenario: '客户询问退款何时到账。',
      steps: ['核实退款单状态', '告知预计到账时间'],
      phrasings: ['{客户称呼}您好，您的退款已提交，预计{天数}个工作日到账。', '请您耐心等待，我们会持续跟进。'],
      keyPoints: ['不要承诺具体日期'],
    },
    {
      kind: 'phrasing',
      id: 'e2e-html-phrasing',
      title: '<b>加粗</b><script>document.title="pwned"</script>危险标题',
      tags: [],
      keywords: ['危险标题'],
      provenance: { source: 'e2e', section: 'panel', number: 2 },
      reviewedAt: '2026-11-20',
      text: '<img src=x onerror="document.title=\'pwned\'">点击<a href="javascript:alert(1)">这里</a>',
    },
    {
      kind: 'phrasing',
      id: 'e2e-insert-phrasing',
      title: '插入测试话术',
      tags: [],
      keywords: ['插入测试'],
      provenance: { source: 'e2e', section: 'panel', number: 3 },
      reviewedAt: '2026-11-20',
      text: '感谢您的耐心等待。',
    },
  ],
};

/** Stores TEST_PACK as an imported team pack (the packs feature's storage layout), from the service worker. */
export async function installTestPack(worker: import('playwright-core').Worker): Promise<void> {
  await worker.evaluate(
    (pack) =>
      chrome.storage.local.set({
        packLibrary: {
          revision: 1,
          builtinEnabled: true,
          packs: [{ pack, enabled: true, origin: 'import', from: 'e2e', installedAt: 0 }],
        },
        packRevision: 1,
      }),
    TEST_PACK,
  );
}
