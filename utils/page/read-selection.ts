/**
 * Reads the page's selected text, including a selection inside a text field (which `getSelection()`
 * does not report). Injected into the page with `scripting.executeScript`, so SELF-CONTAINED: no imports and
 * nothing from outside its body.
 */
export function readPageSelection(): string {
  const el = document.activeElement;
  if (el && (el.tagName === 'TEXTAREA' || el.tagName === 'INPUT')) {
    const field = el as HTMLTextAreaElement;
    const s = field.selectionStart ?? 0;
    const e = field.selectionEnd ?? 0;
    if (e > s) return field.value.slice(s, e);
  }
  return document.getSelection()?.toString() ?? '';
}
