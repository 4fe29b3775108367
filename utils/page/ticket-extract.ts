/**
 * Reading the open ticket's subject and latest customer message for "suggested for this ticket".
 * Runs only on sites the agent enabled; the text stays in the browser (it is only searched locally).
 */
import type { TicketSelectors } from '../panel/ticket-selectors';

export interface TicketText {
  subject: string;
  message: string;
}

/**
 * Injected into the ticket page with `scripting.executeScript`, so SELF-CONTAINED (no outside references).
 * Tries the given selectors, then generic heuristics: a subject field or the main heading, and the last
 * message-like block that is not inside an editor (the agent's own draft).
 */
export function readTicket(selectors: readonly TicketSelectors[], doc: Document = document): TicketText {
  const MAX = 600;
  const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX);
  const textOf = (el: Element): string =>
    el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement ? clean(el.value) : clean(el.textContent);
  const inEditor = (el: Element) => !!el.closest('[contenteditable=""], [contenteditable="true"], textarea, input');
  const query = (sel: string): Element[] => {
    try {
      return Array.from(doc.querySelectorAll(sel));
    } catch {
      return []; // a mistyped user selector must not break the rest
    }
  };
  const first = (sel: string) =>
    query(sel)
      .map(textOf)
      .find((t) => t.length > 0) ?? '';
  const last = (sel: string) =>
    query(sel)
      .filter((el) => !inEditor(el))
      .map(textOf)
      .filter((t) => t.length > 0)
      .pop() ?? '';

  let subject = '';
  let message = '';
  for (const s of selectors) {
    subject ||= first(s.subject);
    message ||= last(s.message);
  }
  subject ||= first('[name="subject" i], [id*="subject" i], [class*="subject" i], [data-test-id*="subject" i]');
  subject ||= first('main h1, h1');
  message ||= last(
    '[class*="customer" i][class*="message" i], [data-role="customer-message"], [class*="message" i], [class*="comment" i], article',
  );
  return { subject, message };
}
