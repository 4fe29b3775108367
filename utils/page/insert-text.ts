/**
 * Inserts text at the caret of the page's focused editable. Injected into the ticket page with
 * `scripting.executeScript({ func: insertTextAtCursor })`, so it must be SELF-CONTAINED: no imports and no
 * references to anything outside its body (the function is serialized and run in the page).
 *
 * It runs in the extension's isolated world, never in the page's own: it reads nothing the page's scripts
 * define, exposes nothing to them, and talks to the page's editor only through DOM events it creates itself.
 *
 * Rich editors keep their own model and undo stack (ProseMirror, Lexical, CKEditor 5, Quill, TinyMCE, Slate,
 * Draft.js). The one input they all take into that model as a single undoable step is a paste, so the text
 * is first offered as a `paste` event carrying only `text/plain`. An editor that takes it cancels the event
 * (it has to: a real paste would otherwise be inserted twice, by it and by the browser). A synthetic paste
 * has no default action, so an editor that does not take it leaves the page exactly as it was. Then the
 * text is offered as `beforeinput` (editors that handle typing themselves), and only then does the browser
 * insert it (`execCommand('insertText')`, the browser's own undo stack).
 *
 * Never inserted twice: each next step runs only when the previous offer was NOT cancelled AND the editor
 * did not change at all — neither while the event was dispatched nor until it has been quiet for a while
 * after it (an editor may take the text and apply it a task later). Once anything changed, no other path runs;
 * the text is then checked to be there, or the panel reports that the editor did not take it.
 */

export type InsertOutcome =
  | {
      ok: true;
      target: 'textarea' | 'input' | 'contenteditable';
      inFrame: boolean;
      /** `paste` / `beforeinput`: the page's editor took the text into its own model. */
      method: 'execCommand' | 'paste' | 'beforeinput' | 'fallback';
    }
  /** `selection`: text is selected in a rich editor of a page that has no focus (see below); nothing inserted. */
  | { ok: false; reason: 'no-editable' | 'read-only' | 'cross-origin-frame' | 'rejected' | 'selection' };

export async function insertTextAtCursor(text: string): Promise<InsertOutcome> {
  const TEXT_INPUTS = ['', 'text', 'search', 'email', 'url', 'tel'];
  /** How long an editor has been silent before an offer counts as declined, and the longest wait. */
  const QUIET_MS = 80;
  const MAX_WAIT_MS = 2000;

  // The page keeps its focused element while the agent clicks in the side panel; follow it into
  // same-origin iframes (CKEditor 4, TinyMCE and many ticket systems put the editor in one).
  let doc: Document = document;
  let el: Element | null = doc.activeElement;
  let inFrame = false;
  while (el && (el.tagName === 'IFRAME' || el.tagName === 'FRAME')) {
    let inner: Document | null = null;
    try {
      inner = (el as HTMLIFrameElement).contentDocument;
    } catch {
      inner = null;
    }
    if (!inner) return { ok: false, reason: 'cross-origin-frame' };
    doc = inner;
    el = inner.activeElement;
    inFrame = true;
  }
  if (!el) return { ok: false, reason: 'no-editable' };
  // Events are created in the editor's own window, so `instanceof InputEvent` holds inside an iframe too.
  const view = doc.defaultView ?? window;

  const tag = el.tagName;
  const isTextarea = tag === 'TEXTAREA';
  const isInput =
    tag === 'INPUT' && TEXT_INPUTS.includes(((el as HTMLInputElement).getAttribute('type') ?? '').toLowerCase());
  const editable = (el as HTMLElement).isContentEditable || doc.designMode === 'on';

  if (isTextarea || isInput) {
    const field = el as HTMLTextAreaElement | HTMLInputElement;
    if (field.readOnly || field.disabled) return { ok: false, reason: 'read-only' };
    // Never replace what the agent selected or typed: collapse any selection to its end first.
    const end = field.selectionEnd ?? field.value.length;
    field.setSelectionRange(end, end);
    // execCommand fires beforeinput/input as real typing does (React, Vue and Angular see it) and
    // joins the browser's undo stack, so Ctrl+Z removes the insertion.
    let done = false;
    try {
      done = doc.execCommand('insertText', false, text);
    } catch {
      done = false;
    }
    if (done) return { ok: true, target: isTextarea ? 'textarea' : 'input', inFrame, method: 'execCommand' };
    field.setRangeText(text, end, end, 'end');
    field.dispatchEvent(new view.InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
    return { ok: true, target: isTextarea ? 'textarea' : 'input', inFrame, method: 'fallback' };
  }

  if (!editable) return { ok: false, reason: 'no-editable' };
  const host = el as HTMLElement;
  const selection = doc.getSelection();
  if (!selection) return { ok: false, reason: 'no-editable' };

  const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
  /** Every change of the editor's DOM from here on, counted (takeRecords() empties the observer's queue). */
  let changes = 0;
  let lastChange = 0;
  const observer = new view.MutationObserver((records) => {
    changes += records.length;
    lastChange = performance.now();
  });
  // Content only: editors also toggle attributes (focus and selection classes), which is no insertion.
  observer.observe(host, { childList: true, characterData: true, subtree: true });
  const flush = () => {
    const pending = observer.takeRecords().length;
    if (pending) {
      changes += pending;
      lastChange = performance.now();
    }
    return changes;
  };
  /** Resolves once the editor has not changed for QUIET_MS (or after MAX_WAIT_MS). */
  const settle = async () => {
    const start = performance.now();
    flush();
    let since = Math.max(start, lastChange);
    while (performance.now() - since < QUIET_MS && performance.now() - start < MAX_WAIT_MS) {
      await sleep(20);
      flush();
      since = Math.max(start, lastChange);
    }
  };

  try {
    // Keep the caret where the agent left it; if the selection is outside the editor, append at its end.
    // A selection is never replaced: the text goes after it.
    let moved = false;
    if (!selection.rangeCount || !host.contains(selection.getRangeAt(0).commonAncestorContainer)) {
      const r = doc.createRange();
      r.selectNodeContents(host);
      r.collapse(false);
      selection.removeAllRanges();
      selection.addRange(r);
      moved = true;
    } else if (!selection.isCollapsed) {
      // Rich editors follow the DOM selection only while their page has focus (CKEditor 5, Draft.js…), and
      // it has none while the agent works in the panel: moved to the end of the selection, the caret would
      // stay where the editor last saw it, and the text would replace the selection. Never risk that.
      if (!doc.hasFocus()) return { ok: false, reason: 'selection' };
      selection.collapseToEnd();
      moved = true;
    }
    if (moved) {
      // Editors learn the DOM selection from `selectionchange` (dispatched a task later; some throttle it). An
      // offer made before they know would go to the old selection and replace the agent's text.
      await new Promise<void>((resolve) => {
        const done = () => {
          doc.removeEventListener('selectionchange', done);
          resolve();
        };
        doc.addEventListener('selectionchange', done);
        setTimeout(done, 500);
      });
      await sleep(150);
    }

    // Whether the text is there: the count of its occurrences (spacing ignored; editors may add some).
    const squash = (v: string) => v.replace(/\s+/g, '');
    const needle = squash(text);
    const occurrences = () => (needle ? squash(host.textContent ?? '').split(needle).length - 1 : 0);
    const before = occurrences();
    // Where the caret is, in characters of the editor's text: the text goes in there.
    const caretAt = (() => {
      const range = selection.rangeCount ? selection.getRangeAt(0) : null;
      if (!range) return -1;
      const head = doc.createRange();
      head.selectNodeContents(host);
      head.setEnd(range.startContainer, range.startOffset);
      return head.toString().length;
    })();
    /**
     * Puts the DOM caret right after the inserted text. Editors that took the text into their model while their
     * page had no focus (the agent is in the panel) re-render without placing the DOM caret, and when focus comes
     * back some take the caret from the DOM (Draft.js, CKEditor 5): the agent's next key would land elsewhere.
     */
    const caretAfterText = () => {
      const flat = text.replace(/\r?\n/g, '');
      const all = host.textContent ?? '';
      let at = all.indexOf(flat, Math.max(0, caretAt - flat.length));
      if (at < 0) at = all.indexOf(flat);
      if (at < 0 || !flat) return;
      let rest = at + flat.length;
      const walker = doc.createTreeWalker(host, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        if (rest <= node.length) {
          const range = doc.createRange();
          range.setStart(node, rest);
          selection.removeAllRanges();
          selection.addRange(range);
          return;
        }
        rest -= node.length;
      }
    };
    const landed = async (method: 'paste' | 'beforeinput' | 'execCommand'): Promise<InsertOutcome> => {
      await settle();
      if (needle && occurrences() <= before) return { ok: false, reason: 'rejected' };
      if (method !== 'execCommand' && !doc.hasFocus()) caretAfterText();
      return { ok: true, target: 'contenteditable', inFrame, method };
    };
    /** Dispatches one offer; true when the editor took it (cancelled it, or changed in any way since). */
    const offer = async (event: Event): Promise<boolean> => {
      const seen = flush();
      const declined = host.dispatchEvent(event);
      if (!declined || flush() > seen) return true;
      await settle();
      return flush() > seen;
    };

    // 1. A paste of plain text: the editors with their own model take it as one undoable step.
    let paste: Event | null = null;
    try {
      const clipboard = new view.DataTransfer();
      clipboard.setData('text/plain', text);
      // Firefox builds the event's clipboard from its own `dataType` / `data` members and ignores
      // `clipboardData`; other browsers take the DataTransfer. Both carry the same single text/plain item.
      const init = { clipboardData: clipboard, dataType: 'text/plain', data: text };
      paste = new view.ClipboardEvent('paste', {
        ...init,
        bubbles: true,
        cancelable: true,
        composed: true,
      });
    } catch {
      paste = null; // a browser without constructible clipboard events: go on with typing
    }
    if (paste && (await offer(paste))) return await landed('paste');

    // 2. Typing, as `beforeinput`: editors that apply input events to their own model (and cancel them).
    const typing = new view.InputEvent('beforeinput', {
      inputType: 'insertText',
      data: text,
      bubbles: true,
      cancelable: true,
      composed: true,
    });
    const seen = flush();
    const cancelled = !host.dispatchEvent(typing);
    if (cancelled || flush() > seen) return await landed('beforeinput');
    // Not cancelled and nothing changed: what the browser would do now is insert the text itself (its
    // default action), which editors that read the event's data into their model expect to follow. Before
    // doing so, make sure the editor is not applying the text on its own a moment later.
    await settle();
    if (flush() > seen) return await landed('beforeinput');

    // 3. The browser inserts it (DOM observers such as ProseMirror's pick it up; joins the browser's undo).
    // Firefox announces execCommand's insertion with a beforeinput of its own. The editor has seen this very
    // input already (the offer above, which it let through), so that repeat is kept from the page — an editor
    // reading the data would take it twice — and the browser's insertion itself goes ahead.
    const hideRepeat = (event: Event) => {
      const input = event as InputEvent;
      if (input.isTrusted && input.inputType === 'insertText' && input.data === text) event.stopImmediatePropagation();
    };
    view.addEventListener('beforeinput', hideRepeat, true);
    let done = false;
    try {
      done = doc.execCommand('insertText', false, text);
    } catch {
      done = false;
    } finally {
      view.removeEventListener('beforeinput', hideRepeat, true);
    }
    if (done) return await landed('execCommand');
    if (flush() > seen) return await landed('execCommand');
    const range = selection.getRangeAt(0);
    const node = doc.createTextNode(text);
    range.insertNode(node);
    range.setStartAfter(node);
    range.collapse(true);
    selection.removeAllRanges();
    selection.addRange(range);
    host.dispatchEvent(new view.InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
    return { ok: true, target: 'contenteditable', inFrame, method: 'fallback' };
  } finally {
    observer.disconnect();
  }
}
