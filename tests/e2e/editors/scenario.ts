/**
 * The editor matrix, written once for both browsers: for each editor page, insert through the panel at a caret
 * placed by the editor's own API, read the result from the editor's model, undo with Ctrl+Z, type a key
 * afterwards, and keep a selection. The browser-specific part is a `MatrixBrowser` (Chromium: Playwright;
 * Firefox: Puppeteer over WebDriver BiDi).
 */
import { describe, expect, it } from 'vitest';
import { INITIAL_REPLY } from './pages/harness';
import type { EditorPage } from './pages-server';

/** The phrasing the panel inserts (TEST_PACK's 插入测试话术) and the query that finds it. */
export const PHRASING = '感谢您的耐心等待。';
export const PHRASING_QUERY = '插入测试';

export interface TicketTab {
  /** Brings the tab to the front, as the agent returning to the ticket. */
  front(): Promise<void>;
  /** Evaluates a JavaScript expression in the page's main world. */
  evaluate<T>(expression: string): Promise<T>;
  /** Presses keys in the page like the agent: `Control+z`, or types `text`. */
  press(key: string): Promise<void>;
  type(text: string): Promise<void>;
  close(): Promise<void>;
}

export interface MatrixBrowser {
  openTicket(url: string): Promise<TicketTab>;
  /** Opens the panel beside the ticket, searches `query`, inserts with Ctrl+Enter; returns the status once shown. */
  insertFromPanel(query: string): Promise<string>;
}

export interface EditorCase {
  page: EditorPage;
  query?: string;
  label: string;
  /** A model editor of our own (model-editors.ts): its DOM must also show the model, once. */
  checkDom?: boolean;
  /** Our own model editors keep no undo history, so there is no Ctrl+Z to check. */
  noUndo?: boolean;
  /** Only the insertion itself (the model editors pin down "never twice"; the rest is the real editors'). */
  insertOnly?: boolean;
  /** A text field (value and selection of its own), not a rich editor. */
  field?: boolean;
}

export type MatrixBrowserName = 'Chromium' | 'Firefox';

export const EDITOR_CASES: EditorCase[] = [
  { page: 'textarea', label: 'textarea', field: true },
  { page: 'contenteditable', label: 'contenteditable' },
  { page: 'prosemirror', label: 'ProseMirror' },
  { page: 'tiptap', label: 'Tiptap' },
  { page: 'lexical', label: 'Lexical' },
  { page: 'ckeditor5', label: 'CKEditor 5' },
  { page: 'quill', label: 'Quill' },
  { page: 'tinymce', label: 'TinyMCE (iframe)' },
  { page: 'slate', label: 'Slate' },
  { page: 'draftjs', label: 'Draft.js' },
  {
    page: 'model-editors',
    query: '?variant=cancels',
    noUndo: true,
    insertOnly: true,
    label: 'model editor: cancels beforeinput',
    checkDom: true,
  },
  {
    page: 'model-editors',
    query: '?variant=native',
    noUndo: true,
    insertOnly: true,
    label: 'model editor: takes beforeinput, native DOM',
    checkDom: true,
  },
  {
    page: 'model-editors',
    query: '?variant=late',
    noUndo: true,
    insertOnly: true,
    label: 'model editor: takes beforeinput a task later',
    checkDom: true,
  },
];

const AT = 3; // after 您好，
const INSERTED = INITIAL_REPLY.slice(0, AT) + PHRASING + INITIAL_REPLY.slice(AT);

const model = (tab: TicketTab) => tab.evaluate<string>('window.__editor.text()');
const dom = (tab: TicketTab) => tab.evaluate<string>("document.querySelector('.model-editor').textContent");

async function openReady(browser: MatrixBrowser, url: string): Promise<TicketTab> {
  const tab = await browser.openTicket(url);
  // Some editors (Slate, Draft.js on React 18) fill their model a render after the page script ran.
  await expect
    .poll(() => tab.evaluate<string | null>('window.__editor ? window.__editor.text() : null'))
    .toBe(INITIAL_REPLY);
  return tab;
}

/**
 * Registers the matrix's tests for one browser. `pageUrl` is read when a test runs (the server starts in the
 * caller's beforeAll). `ticketFocused`: whether the ticket page keeps focus while the panel (a tab here) is in
 * front — Playwright emulates focus for every page (Chromium); Firefox does not, which is the real situation of
 * an agent working in the side panel.
 */
export function describeEditorMatrix(
  browserName: MatrixBrowserName,
  browser: () => MatrixBrowser,
  pageUrl: (c: EditorCase) => string,
  ticketFocused: boolean,
  cases: EditorCase[] = EDITOR_CASES,
): void {
  for (const c of cases) {
    describe(`${c.label} (${browserName})`, () => {
      const undoNote = c.noUndo ? '' : '; Ctrl+Z restores the reply exactly';
      it(`inserts at the caret the editor placed, into its model, once${undoNote}`, async () => {
        const tab = await openReady(browser(), pageUrl(c));
        await tab.evaluate(`window.__editor.caret(${AT})`);
        const status = await browser().insertFromPanel(PHRASING_QUERY);
        expect(status).toMatch(/已插入/);
        await expect.poll(() => model(tab)).toBe(INSERTED);
        if (c.checkDom) expect(await dom(tab)).toBe(INSERTED);
        if (!c.noUndo) {
          await tab.front();
          await tab.press('Control+z');
          await expect.poll(() => model(tab)).toBe(INITIAL_REPLY);
        }
        await tab.close();
      });

      if (c.insertOnly) return;
      it('a key typed after the insertion lands right after the inserted text', async () => {
        const tab = await openReady(browser(), pageUrl(c));
        await tab.evaluate(`window.__editor.caret(${AT})`);
        expect(await browser().insertFromPanel(PHRASING_QUERY)).toMatch(/已插入/);
        await expect.poll(() => model(tab)).toBe(INSERTED);
        await tab.front();
        await tab.type('x');
        const typed = `${INITIAL_REPLY.slice(0, AT)}${PHRASING}x${INITIAL_REPLY.slice(AT)}`;
        await expect.poll(() => model(tab)).toBe(typed);
        if (c.checkDom) expect(await dom(tab)).toBe(typed);
        await tab.close();
      });

      if (ticketFocused || c.field) {
        it('keeps the selected text: the insertion goes right after the selection', async () => {
          const tab = await openReady(browser(), pageUrl(c));
          await tab.evaluate(`window.__editor.select(${AT}, ${AT + 2})`);
          expect(await browser().insertFromPanel(PHRASING_QUERY)).toMatch(/已插入/);
          const after = INITIAL_REPLY.slice(0, AT + 2) + PHRASING + INITIAL_REPLY.slice(AT + 2);
          await expect.poll(() => model(tab)).toBe(after);
          if (c.checkDom) expect(await dom(tab)).toBe(after);
          await tab.close();
        });
      } else {
        it('keeps the selected text: with the page unfocused it inserts nothing, says so and copies', async () => {
          const tab = await openReady(browser(), pageUrl(c));
          await tab.evaluate(`window.__editor.select(${AT}, ${AT + 2})`);
          const status = await browser().insertFromPanel(PHRASING_QUERY);
          expect(status).toMatch(/选中的文字.*没有插入.*已复制/);
          expect(await model(tab)).toBe(INITIAL_REPLY);
          await tab.close();
        });
      }
    });
  }
}
