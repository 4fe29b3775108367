/**
 * Launches Debian's Firefox ESR with the built Firefox extension installed as a temporary add-on, driven by
 * puppeteer-core over WebDriver BiDi (stock Firefox cannot be driven by Playwright).
 *
 * What BiDi does not offer, and how this harness does it instead:
 * - `page.goto` hangs on moz-extension:// pages: they are opened with the raw `browsingContext.navigate`.
 * - Page errors of extension pages are not reported to `page.on('pageerror')`: every script error Firefox
 *   logs (extension pages, the background page, the ticket pages) is read from its console service in the
 *   browser's privileged scope (`--remote-allow-system-access`), and the tests fail on them.
 * - BiDi key input goes straight into one tab's page, wherever the real keyboard focus is. Keyboard-first
 *   tests need the OS view: `keyboard.shortcut` sends the keys to the browser window (Firefox's own key
 *   handling runs the extension's commands), and `keyboard.type` delivers keys to whatever content Firefox
 *   itself reports as focused (`Services.focus.focusedContentBrowsingContext`): a tab, the sidebar or an
 *   extension popup. If focus stayed in the ticket page, the keys land in the ticket page.
 */
import { randomUUID } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

export const FIREFOX_EXTENSION_DIR = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../..',
  process.env.COACH_OUT_DIR ?? '.output',
  'firefox-mv2',
);
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const GECKO_ID = 'agent-coach@example.org';

interface BidiConnection {
  send(method: string, params: Record<string, unknown>): Promise<{ result: unknown }>;
}
interface ScriptResult {
  type: 'success' | 'exception';
  result?: { type: string; value?: unknown };
  exceptionDetails?: { text?: string };
}

export interface FirefoxKeyboard {
  /** A browser-level shortcut such as Alt+Shift+K, pressed while the agent works in the selected tab. */
  shortcut(key: string, modifiers: ('Alt' | 'Shift' | 'Control')[]): Promise<void>;
  /** Types `text` (or presses named keys: Enter, Escape, ArrowDown…) into whatever Firefox has focused. */
  type(text: string): Promise<void>;
  press(key: string, modifiers?: ('Alt' | 'Shift' | 'Control')[]): Promise<void>;
}

export interface FirefoxSession {
  browser: Browser;
  uuid: string;
  /** moz-extension://UUID/<path> */
  extensionUrl(path: string): string;
  /** Opens a URL (an extension page or a web page) in a new tab and waits for it to load. */
  open(url: string): Promise<Page>;
  /** Evaluates `expression` in the browser's privileged (chrome) scope; awaits promises. */
  chrome<T>(expression: string): Promise<T>;
  keyboard: FirefoxKeyboard;
  /** Script errors Firefox logged for the extension, or for pages from `origins`, since the session began. */
  errors(origins?: string[]): Promise<string[]>;
  /** The text on the system clipboard (Firefox's own clipboard service). */
  clipboard(): Promise<string>;
  close(): Promise<void>;
}

/** A copy of the Firefox build whose manifest also grants `hosts` (MV2: in `permissions`); test-only. */
export function firefoxExtensionWithHostAccess(hosts: string[]): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'coach-ffext-'));
  cpSync(FIREFOX_EXTENSION_DIR, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  manifest.permissions = [...(manifest.permissions ?? []), ...hosts];
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

const KEY_CODES: Record<string, [code: string, keyCode: number]> = {
  Enter: ['Enter', 13],
  Escape: ['Escape', 27],
  Tab: ['Tab', 9],
  Backspace: ['Backspace', 8],
  ArrowDown: ['ArrowDown', 40],
  ArrowUp: ['ArrowUp', 38],
  Alt: ['AltLeft', 18],
  Shift: ['ShiftLeft', 16],
  Control: ['ControlLeft', 17],
};

/** A KeyboardEvent init for TextInputProcessor: key, code and keyCode of a US layout. */
function keyInit(key: string): { key: string; code: string; keyCode: number } {
  const named = KEY_CODES[key];
  if (named) return { key, code: named[0], keyCode: named[1] };
  if (/^[a-z]$/i.test(key)) return { key, code: `Key${key.toUpperCase()}`, keyCode: key.toUpperCase().charCodeAt(0) };
  if (/^[0-9]$/.test(key)) return { key, code: `Digit${key}`, keyCode: key.charCodeAt(0) };
  return { key, code: '', keyCode: 0 };
}

/**
 * Sends keys with nsITextInputProcessor (trusted events, through Firefox's normal key handling) into `target`:
 * the chrome window, or a <browser>'s content through a frame script. Runs in the chrome scope.
 */
const TIP_SOURCE = `
function coachKeys(win, strokes) {
  const tip = Cc['@mozilla.org/text-input-processor;1'].createInstance(Ci.nsITextInputProcessor);
  if (!tip.beginInputTransactionForTests(win)) throw new Error('keyboard: no input transaction');
  for (const { key, code, keyCode, modifiers } of strokes) {
    const mods = modifiers.map((m) => new win.KeyboardEvent('', m));
    for (const m of mods) tip.keydown(m);
    const event = new win.KeyboardEvent('', { key, code, keyCode });
    tip.keydown(event);
    tip.keyup(event);
    for (const m of mods.reverse()) tip.keyup(m);
  }
}`;

export async function launchFirefox(extensionDir: string = FIREFOX_EXTENSION_DIR): Promise<FirefoxSession> {
  const uuid = randomUUID();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }),
      // The ticket tab sits behind the panel's tab in these tests; in real use it is visible beside the
      // sidebar. Do not slow its timers down as Firefox does for background tabs.
      'dom.min_background_timeout_value': 4,
      'dom.timeout.enable_budget_timer_throttling': false,
      'intl.locale.requested': 'zh-CN',
      'intl.accept_languages': 'zh-CN, zh',
    },
  });
  try {
    await browser.installExtension(extensionDir);
  } catch (error) {
    await browser.close();
    throw error;
  }
  const connection = (browser as unknown as { connection: BidiConnection }).connection;

  async function chromeContext(): Promise<string> {
    const tree = (await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' })) as {
      result: { contexts: { context: string; url: string }[] };
    };
    const top = tree.result.contexts.find((c) => c.url === 'chrome://browser/content/browser.xhtml');
    if (!top) throw new Error('firefox harness: no browser window');
    return top.context;
  }

  async function chrome<T>(expression: string): Promise<T> {
    const { result } = (await connection.send('script.evaluate', {
      expression,
      target: { context: await chromeContext() },
      awaitPromise: true,
      resultOwnership: 'none',
      serializationOptions: { maxObjectDepth: 0 },
    })) as { result: ScriptResult };
    if (result.type === 'exception') throw new Error(`chrome scope: ${result.exceptionDetails?.text ?? 'exception'}`);
    // Results travel as JSON strings, so nested values arrive whole.
    const value = result.result?.value;
    return (typeof value === 'string' ? JSON.parse(value) : undefined) as T;
  }
  const chromeJson = <T>(body: string) =>
    chrome<T>(`(async () => { const r = await (async () => { ${body} })(); return JSON.stringify(r ?? null); })()`);

  const strokes = (keys: string[], modifiers: string[] = []) =>
    keys.map((k) => ({ ...keyInit(k), modifiers: modifiers.map((m) => keyInit(m)) }));

  /** Keys into the content Firefox has focused (or the chrome window when no content has focus). */
  async function toFocused(list: ReturnType<typeof strokes>): Promise<void> {
    const where = await chromeJson<string>(
      `
      ${TIP_SOURCE}
      const strokes = ${JSON.stringify(list)};
      const focused = Services.focus.focusedContentBrowsingContext;
      const browser = focused?.top.embedderElement;
      if (!browser?.messageManager) {
        coachKeys(Services.wm.getMostRecentWindow('navigator:browser'), strokes);
        return 'chrome';
      }
      const reply = 'coach-keys-' + Math.random().toString(36).slice(2);
      return await new Promise((resolve, reject) => {
        const mm = browser.messageManager;
        // A key may close what it was typed into (Esc in a popup): then no answer comes back.
        const gone = setInterval(() => {
          if (!browser.isConnected) {
            clearInterval(gone);
            resolve('closed');
          }
        }, 50);
        mm.addMessageListener(reply, function done(m) {
          clearInterval(gone);
          mm.removeMessageListener(reply, done);
          if (m.data.error) reject(new Error(m.data.error)); else resolve(m.data.where);
        });
        const script = TIP_SOURCE_IN_FRAME + '(' + JSON.stringify(reply) + ', ' + JSON.stringify(strokes) + ');';
        mm.loadFrameScript('data:,' + encodeURIComponent(script), false);
      });
    `.replace(
        'TIP_SOURCE_IN_FRAME',
        JSON.stringify(
          `${TIP_SOURCE}\n(function (reply, strokes) { try { coachKeys(content, strokes); sendAsyncMessage(reply, { where: String(content.location) }); } catch (e) { sendAsyncMessage(reply, { error: String(e) }); } })`,
        ),
      ),
    );
    if (!where) throw new Error('keyboard: keys were not delivered');
  }

  const keyboard: FirefoxKeyboard = {
    async shortcut(key, modifiers) {
      await chromeJson(`
        ${TIP_SOURCE}
        coachKeys(Services.wm.getMostRecentWindow('navigator:browser'), ${JSON.stringify(strokes([key], modifiers))});
        return true;
      `);
    },
    type: (text) => toFocused(strokes([...text])),
    press: (key, modifiers = []) => toFocused(strokes([key], modifiers)),
  };

  async function open(url: string): Promise<Page> {
    const page = await browser.newPage();
    const context = (page.mainFrame() as unknown as { _id: string })._id;
    await connection.send('browsingContext.navigate', { context, url, wait: 'complete' });
    return page;
  }

  return {
    browser,
    uuid,
    extensionUrl: (path) => `moz-extension://${uuid}/${path.replace(/^\//, '')}`,
    open,
    chrome: (expression) => chromeJson(`return (${expression});`),
    keyboard,
    async errors(origins = []) {
      const prefixes = [`moz-extension://${uuid}/`, ...origins];
      const all = await chromeJson<{ flags: number; source: string; message: string }[]>(`
        return Services.console.getMessageArray()
          .filter((m) => m instanceof Ci.nsIScriptError)
          .map((m) => ({ flags: m.flags, source: m.sourceName, message: m.errorMessage }));
      `);
      // Errors only: warnings (1) and infos (8) are flags on the same objects. Firefox also logs an extension
      // API call that was still running when a test closed its page ("Promise resolved/rejected after context
      // unloaded"): a report about the closed page, not an error in it.
      return all
        .filter((m) => (m.flags & (1 | 8)) === 0 && prefixes.some((p) => m.source.startsWith(p)))
        .filter((m) => !/^Promise (resolved|rejected) after context unloaded/.test(m.message))
        .map((m) => `${m.source}: ${m.message}`);
    },
    clipboard: () =>
      chromeJson<string>(`
        const trans = Cc['@mozilla.org/widget/transferable;1'].createInstance(Ci.nsITransferable);
        trans.init(null);
        trans.addDataFlavor('text/plain');
        Services.clipboard.getData(trans, Services.clipboard.kGlobalClipboard);
        const data = {};
        try { trans.getTransferData('text/plain', data); } catch { return ''; }
        return data.value.QueryInterface(Ci.nsISupportsString).data;
      `),
    async close() {
      await browser.close();
    },
  };
}
