/**
 * The search box before the panel's code has loaded: a plain input in sidepanel.html that a tiny first
 * script focuses, so the agent can type the moment the page shows (`coach:interactive`). The panel then
 * takes over what was typed — text, caret, and whether any of it was pasted (pasted text may hold customer
 * data and is kept out of the no-result log) — and the early box goes.
 */
export const EARLY_BOX_ID = 'coach-early-box';
const EARLY_ID = 'coach-early';

/** Run by the first script of the page: focus the box and watch how text gets into it. */
export function startEarlyBox(doc: Document = document): void {
  const box = doc.getElementById(EARLY_BOX_ID) as HTMLInputElement | null;
  if (!box) return;
  box.addEventListener('input', (e) => {
    const type = (e as InputEvent).inputType ?? '';
    if (type === 'insertFromPaste' || type === 'insertFromDrop') box.dataset.pasted = 'true';
    if (box.value === '') delete box.dataset.pasted;
  });
  box.addEventListener('compositionstart', () => {
    box.dataset.composing = 'true';
  });
  box.addEventListener('compositionend', () => {
    delete box.dataset.composing;
  });
  box.focus();
  performance.mark('coach:interactive');
}

export interface EarlyText {
  query: string;
  pasted: boolean;
  selection: [number, number];
}

/**
 * What the early box holds, once no input method is composing in it (the composed text is not final
 * before `compositionend`); undefined when the page has no early box.
 */
export async function earlyText(doc: Document = document): Promise<EarlyText | undefined> {
  const box = doc.getElementById(EARLY_BOX_ID) as HTMLInputElement | null;
  if (!box) return undefined;
  if (box.dataset.composing) {
    await new Promise<void>((resolve) => box.addEventListener('compositionend', () => resolve(), { once: true }));
  }
  const end = box.value.length;
  return {
    query: box.value,
    pasted: box.dataset.pasted === 'true',
    selection: [box.selectionStart ?? end, box.selectionEnd ?? end],
  };
}

/**
 * Hands over to the panel's own box in one task, so no keystroke lands between the two: focus and caret
 * move to `box` (when the early box had focus), then the early box is removed.
 */
export function handOver(box: HTMLInputElement | null, early: EarlyText | undefined, doc: Document = document): void {
  const shell = doc.getElementById(EARLY_ID);
  const earlyBox = doc.getElementById(EARLY_BOX_ID);
  if (box && early && (doc.activeElement === earlyBox || doc.activeElement === doc.body)) {
    box.focus();
    box.setSelectionRange(...early.selection);
  }
  shell?.remove();
}
