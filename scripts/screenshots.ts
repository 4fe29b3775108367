/**
 * The README's screenshots, from the built extension in headless Chromium, light and dark:
 *
 *   npx wxt build && npx tsx scripts/screenshots.ts [--out docs]
 *
 * docs/panel.png (the side panel beside a mock ticket page), docs/{panel,popup,options,editor}-{light,dark}.png.
 * A headless browser cannot show the real side panel or popup window, so their pages are captured at the
 * sizes the browser gives them. The options page gets a team pack imported through its own file input.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { launchExtension } from '../tests/e2e/harness';
import { ACME_PACK } from '../tests/e2e/team-pack';

const { values } = parseArgs({
  options: {
    query: { type: 'string', default: 'tonglixin' },
    out: { type: 'string', default: 'docs' },
  },
});
const OUT = values.out ?? 'docs';
const SCHEMES = ['light', 'dark'] as const;
type Scheme = (typeof SCHEMES)[number];

const PANEL = { width: 400, height: 640 };
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

function save(name: string, png: Buffer) {
  const file = join(OUT, name);
  writeFileSync(file, png);
  console.log(`${file}: ${(png.length / 1024).toFixed(0)} KB`);
}

async function withScheme(page: Page, scheme: Scheme) {
  await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
}

async function panelShot(page: Page): Promise<Buffer> {
  await page.setViewportSize(PANEL);
  await page.getByRole('combobox').fill(values.query ?? '');
  await page.locator('.coach-detail').waitFor();
  // The caret blinks; screenshots should not depend on when they are taken.
  await page.getByRole('combobox').blur();
  return page.screenshot({ type: 'png' });
}

async function main() {
  const session = await launchExtension();
  try {
    // Side panel beside a ticket (the README's first picture), then the panel alone in both schemes.
    const ticket = await session.context.newPage();
    await ticket.setViewportSize({ width: 640, height: PANEL.height });
    await ticket.setContent(TICKET);
    const ticketPng = await ticket.screenshot({ type: 'png' });
    const panel = await session.openPage('sidepanel.html');
    await withScheme(panel, 'light');
    const panelPng = await panelShot(panel);
    const compose = await session.context.newPage();
    await compose.setViewportSize({ width: 640 + 1 + PANEL.width, height: PANEL.height });
    const img = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;
    await compose.setContent(
      `<body style="margin:0;display:flex;background:#d1d9e0;gap:1px"><img src="${img(ticketPng)}"><img src="${img(panelPng)}"></body>`,
    );
    await compose.waitForFunction(() => Array.from(document.images).every((i) => i.complete));
    save('panel.png', await compose.screenshot({ type: 'png' }));
    for (const scheme of SCHEMES) {
      await withScheme(panel, scheme);
      save(`panel-${scheme}.png`, await panelShot(panel));
    }

    // The popup on today's first item, an option chosen (not submitted: the set stays where it is). The
    // popup window takes the height of its content, so does the picture.
    for (const scheme of SCHEMES) {
      const popup = await session.openPage('popup.html');
      await withScheme(popup, scheme);
      await popup.setViewportSize({ width: 380, height: 100 });
      await popup.locator('.progress').waitFor();
      if ((await popup.locator('.option').count()) > 1) await popup.keyboard.press('2');
      save(`popup-${scheme}.png`, await popup.screenshot({ type: 'png', fullPage: true }));
      await popup.close();
    }

    // The options page with a team pack, and its entry editor on the pack's guideline.
    const options = await session.openPage('options.html');
    await options.setViewportSize({ width: 1200, height: 860 });
    await options.getByRole('heading', { name: '导入知识包' }).waitFor();
    await options.setInputFiles('input[type=file]', {
      name: 'acme-support.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(ACME_PACK, null, 2)),
    });
    await options.getByRole('button', { name: '应用' }).click();
    await options.getByText('已导入「Acme 客服规范」。').waitFor();
    for (const scheme of SCHEMES) {
      await withScheme(options, scheme);
      await options.evaluate(() => window.scrollTo(0, 0));
      await options.getByRole('link', { name: '知识包', exact: true }).focus();
      await options.getByRole('link', { name: '知识包', exact: true }).blur();
      save(`options-${scheme}.png`, await options.screenshot({ type: 'png' }));
    }
    await options.getByRole('button', { name: /^编辑条目 Acme/ }).click();
    await options.getByRole('button', { name: /退款迟迟未到账/ }).click();
    await options.getByLabel('标题').waitFor();
    const editor = options.locator('#editor');
    for (const scheme of SCHEMES) {
      await withScheme(options, scheme);
      save(`editor-${scheme}.png`, await editor.screenshot({ type: 'png' }));
    }
  } finally {
    await session.close();
  }
}

await main();
