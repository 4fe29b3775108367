/**
 * Reads the page's selected text, including a selection inside a text field (which `getSelection()`
 * does not report). Injected into the page with `scripting.executeScript`, so SELF-CONTAINED: no imports and
 * nothing from outside its body.
 *
 * Nothing is read while a sensitive field has focus (a password, a card number or code, a one-time code,
 * a field the page masks): its text would become a search query, and must never leave the page.
 */
export function readPageSelection(): string {
  let el = document.activeElement;
  // Focus inside web components: the focused field is the shadow root's active element.
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  if (el && (el.tagName === 'TEXTAREA' || el.tagName === 'INPUT')) {
    const field = el as HTMLInputElement | HTMLTextAreaElement;
    const type = (el.getAttribute('type') ?? '').toLowerCase();
    const autocomplete = (el.getAttribute('autocomplete') ?? '').toLowerCase().split(/\s+/);
    const sensitiveToken = autocomplete.some(
      (token) =>
        token.startsWith('cc-') ||
        token === 'current-password' ||
        token === 'new-password' ||
        token === 'one-time-code',
    );
    const masked = getComputedStyle(el).getPropertyValue('-webkit-text-security');
    if (type === 'password' || sensitiveToken || (masked && masked !== 'none')) return '';
    const s = field.selectionStart ?? 0;
    const e = field.selectionEnd ?? 0;
    if (e > s) return field.value.slice(s, e);
  }
  return document.getSelection()?.toString() ?? '';
}
