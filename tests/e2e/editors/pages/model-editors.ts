/**
 * Three small "framework" editors that keep their own model and take typing from `beforeinput`, each in
 * a way real editors do, to pin down that insertion never lands twice:
 * - `cancels`: cancels the event and applies it to its model (Slate / Lexical style);
 * - `native`: reads the data into its model WITHOUT cancelling and lets the browser's own insertion
 *   update the DOM (Draft.js style), so the DOM must get the text once, by the browser's default action;
 * - `late`: like `native` for real typing, but knows that a synthetic event has no default action: it reads
 *   the data of an untrusted `beforeinput` WITHOUT cancelling and inserts it into its model and its DOM
 *   itself, a task later (as an editor that batches its work does). Anything that also inserts natively
 *   after such an offer shows the text twice.
 * The variant comes from the page's `?variant=`. None of them handles paste.
 */
import { expose, INITIAL_REPLY } from './harness';

type Variant = 'cancels' | 'native' | 'late';
const variant = (new URLSearchParams(location.search).get('variant') ?? 'cancels') as Variant;

const host = document.createElement('div');
host.contentEditable = 'true';
host.className = `model-editor model-editor-${variant}`;
document.getElementById('editor')?.append(host);

let model = INITIAL_REPLY;

function render(): void {
  host.textContent = model;
}
function placeDomCaret(from: number, to = from): void {
  const text = host.firstChild ?? host;
  const range = document.createRange();
  range.setStart(text, Math.min(from, model.length));
  range.setEnd(text, Math.min(to, model.length));
  getSelection()?.removeAllRanges();
  getSelection()?.addRange(range);
}
/** Where the DOM caret is, in model characters (these editors render one text node). */
function domCaret(): number {
  const selection = getSelection();
  if (!selection?.rangeCount || !host.contains(selection.anchorNode)) return model.length;
  return selection.getRangeAt(0).startOffset;
}
render();

host.addEventListener('beforeinput', (event) => {
  if (event.inputType !== 'insertText' || event.data === null) return;
  const data = event.data;
  const at = domCaret();
  if (variant === 'cancels') {
    event.preventDefault();
    model = model.slice(0, at) + data + model.slice(at);
    render();
    placeDomCaret(at + data.length);
  } else if (variant === 'native' || event.isTrusted) {
    // The browser's default action puts the same text into the DOM right after this event.
    model = model.slice(0, at) + data + model.slice(at);
  } else {
    setTimeout(() => {
      model = model.slice(0, at) + data + model.slice(at);
      const text = host.firstChild;
      if (text instanceof Text) text.insertData(at, data);
      else render();
      placeDomCaret(at + data.length);
    }, 0);
  }
});

expose({
  name: `model-${variant}`,
  // The matrix also compares this with the DOM: the model and what the agent sees must agree.
  text: () => model,
  caret: (offset) => {
    host.focus();
    placeDomCaret(offset);
  },
  select: (from, to) => {
    host.focus();
    placeDomCaret(from, to);
  },
});
