/**
 * Inserts text at the caret of the page's focused editable. Injected into the ticket page with
 * `scripting.executeScript({ func: insertTextAtCursor })`, so it must be SELF-CONTAINED: no imports and no
 * references to anything outside its body (the function is serialized and run in the page).
 */

export type InsertOutcome =
  | {
      ok: true;
      target: 'textarea' | 'input' | 'contenteditable';
      inFrame: boolean;
      method: 'execCommand' | 'beforeinput' | 'fallback';
    }
  | { ok: false; reason: 'no-editable' | 'read-only' | 'cross-origin-frame' | 'rejected' };

export async function insertTextAtCursor(text: string): Promise<InsertOutcome> {
  const TEXT_INPUTS = ['', 'text', 'search', 'email', 'url', 'tel'];

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
  const Input = (doc.defaultView ?? window).InputEvent;

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
    field.dispatchEvent(new Input('input', { bubbles: true, inputType: 'insertText', data: text }));
    return { ok: true, target: isTextarea ? 'textarea' : 'input', inFrame, method: 'fallback' };
  }

  if (editable) {
    const host = el as HTMLElement;
    const selection = doc.getSelection();
    if (!selection) return { ok: false, reason: 'no-editable' };
    // Keep the caret where the agent left it; if the selection is outside the editor, append at its end.
    if (!selection.rangeCount || !host.contains(selection.getRangeAt(0).commonAncestorContainer)) {
      const r = doc.createRange();
      r.selectNodeContents(host);
      r.collapse(false);
      selection.removeAllRanges();
      selection.addRange(r);
    } else if (!selection.isCollapsed) {
      selection.collapseToEnd();
    }
    // Rich editors (ProseMirror, Slate, CKEditor 5…) may take the input over, some a moment later. If
    // the text never shows up, say so: the panel then copies it rather than claiming success.
    const squash = (v: string) => v.replace(/\s+/g, '');
    const needle = squash(text);
    const occurrences = () => (needle ? squash(host.textContent ?? '').split(needle).length - 1 : 0);
    const before = occurrences();
    const settle = () => new Promise((resolve) => setTimeout(resolve, 120));
    // execCommand does not raise `beforeinput`, yet editors that keep their own model (Slate, Lexical,
    // Draft.js, CKEditor 5) apply typing from that event and would lose or revert a bare DOM change. So
    // offer the edit as `beforeinput` first; an editor that takes it cancels the event and inserts itself.
    const offer = new Input('beforeinput', {
      inputType: 'insertText',
      data: text,
      bubbles: true,
      cancelable: true,
      composed: true,
    });
    if (!host.dispatchEvent(offer)) {
      await settle();
      if (needle && occurrences() <= before) return { ok: false, reason: 'rejected' };
      return { ok: true, target: 'contenteditable', inFrame, method: 'beforeinput' };
    }
    let done = false;
    try {
      done = doc.execCommand('insertText', false, text);
    } catch {
      done = false;
    }
    if (done) {
      await settle();
      if (needle && occurrences() <= before) return { ok: false, reason: 'rejected' };
      return { ok: true, target: 'contenteditable', inFrame, method: 'execCommand' };
    }
    const range = selection.getRangeAt(0);
    const node = doc.createTextNode(text);
    range.insertNode(node);
    range.setStartAfter(node);
    range.collapse(true);
    selection.removeAllRanges();
    selection.addRange(range);
    host.dispatchEvent(new Input('input', { bubbles: true, inputType: 'insertText', data: text }));
    return { ok: true, target: 'contenteditable', inFrame, method: 'fallback' };
  }
  return { ok: false, reason: 'no-editable' };
}
