/**
 * docs/panel.png: the side panel beside a mock ticket page, for the README.
 *
 *   npx wxt build && npx tsx scripts/panel-screenshot.ts [--query tonglixin] [--out docs/panel.png]
 *
 * A headless browser cannot show the real side panel, so the panel page and the ticket page are
 * captured separately at side-panel-like sizes and composed side by side in one screenshot.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { launchExtension } from '../tests/e2e/harness';

const { values } = parseArgs({
  options: {
    query: { type: 'string', default: 'tonglixin' },
    out: { type: 'string', default: 'docs/panel.png' },
  },
});

const HEIGHT = 640;
const TICKET = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>
body{margin:0;font:14px/1.6 system-ui,"Noto Sans CJK SC",sans-serif;color:#1f2328;background:#f6f8fa}
header{background:#1f2d3d;color:#fff;padding:10px 20px;font-weight:600}
main{padding:16px 20px}.meta{color:#59636e;font-size:12px}
.msg{background:#fff;border:1px solid #d1d9e0;border-radius:6px;padding:10px 14px;margin:10px 0}
.msg b{display:block;font-size:12px;color:#59636e}
textarea{width:100%;box-sizing:border-box;height:120px;font:inherit;padding:8px;border:2px solid #0b5cad;border-radius:6px}
</style></head><body><header>工单系统 · #20261123-0042</header><main>
<h2 style="margin:0 0 4px">客户投诉：快递延误三天，客户情绪激动</h2>
<div class="meta">渠道：在线客服 · 优先级：高 · 状态：处理中</div>
<div class="msg"><b>客户 王女士 · 10:02</b>我的包裹已经延误三天了，一直没人给我答复，你们到底管不管？</div>
<div class="msg"><b>客户 王女士 · 10:05</b>再不解决我就要投诉到平台了！</div>
<label for="r"><b>回复</b></label>
<textarea id="r">王女士您好，我理解您的感受。</textarea>
</main></body></html>`;

async function main() {
  const session = await launchExtension();
  try {
    const ticket = await session.context.newPage();
    await ticket.setViewportSize({ width: 640, height: HEIGHT });
    await ticket.setContent(TICKET);
    const ticketPng = await ticket.screenshot({ type: 'png' });

    const panel = await session.openPage('sidepanel.html', `?q=${encodeURIComponent(values.query ?? '')}`);
    await panel.setViewportSize({ width: 400, height: HEIGHT });
    await panel.waitForSelector('.coach-detail');
    const panelPng = await panel.screenshot({ type: 'png' });

    const compose = await session.context.newPage();
    await compose.setViewportSize({ width: 1041, height: HEIGHT });
    const img = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;
    await compose.setContent(
      `<body style="margin:0;display:flex;background:#d1d9e0;gap:1px"><img src="${img(ticketPng)}"><img src="${img(panelPng)}"></body>`,
    );
    await compose.waitForFunction(() => Array.from(document.images).every((i) => i.complete));
    const out = await compose.screenshot({ type: 'png' });
    writeFileSync(values.out ?? 'docs/panel.png', out);
    console.log(`${values.out}: ${(out.length / 1024).toFixed(0)} KB`);
  } finally {
    await session.close();
  }
}

await main();
