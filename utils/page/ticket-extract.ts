/**
 * Reading the open ticket's subject and latest customer message for "suggested for this ticket".
 * Runs only on sites the agent enabled; the text stays in the browser (it is only searched locally).
 */

export interface TicketSelectors {
  /** CSS selector(s) for the ticket subject; the first match with text wins. */
  subject: string;
  /** CSS selector(s) for customer messages; the LAST match with text is taken as the latest. */
  message: string;
}

export interface HostSelectors extends TicketSelectors {
  /** Host name or a `*.` suffix pattern, e.g. `*.zendesk.com`. */
  host: string;
}

/**
 * Best-effort selectors for common ticket systems (their markup changes; agents can override them per
 * host in the options page, and the generic heuristics below still apply when none match).
 */
export const BUILTIN_TICKET_SELECTORS: readonly HostSelectors[] = [
  {
    host: '*.zendesk.com',
    subject: '[data-test-id="omni-header-subject"], [data-test-id="ticket-pane-subject"], input[name="subject"]',
    message: '[data-test-id="omni-log-message-content"], .zd-comment, .event .comment .body',
  },
  {
    host: '*.freshdesk.com',
    subject: '[data-test-id="ticket-subject"], .ticket-subject-heading, .subject',
    message: '[data-test-id="conversation-content"], .thread-message .text__content, .ticket-description',
  },
  {
    host: '*.lightning.force.com',
    subject: 'records-highlights2 .slds-page-header__title, .slds-page-header__title',
    message: '.cuf-feedItem .feedBodyInner, .emailMessageBody, .slds-rich-text-editor__output',
  },
  {
    host: '*.salesforce.com',
    subject: '.slds-page-header__title, #cas14_ileinner',
    message: '.feeditemtext, .emailMessageBody',
  },
];

export function hostMatches(pattern: string, host: string): boolean {
  const p = pattern.trim().toLowerCase();
  const h = host.toLowerCase();
  if (p.startsWith('*.')) return h === p.slice(2) || h.endsWith(p.slice(1));
  return h === p;
}

/** The agent's own selectors for this host first, then the built-in ones. */
export function selectorsForHost(host: string, custom: readonly HostSelectors[]): TicketSelectors[] {
  return [...custom, ...BUILTIN_TICKET_SELECTORS]
    .filter((s) => hostMatches(s.host, host))
    .map(({ subject, message }) => ({ subject, message }));
}

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
