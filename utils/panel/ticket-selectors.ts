/**
 * Where a ticket system shows the ticket subject and the customer's messages: built-in selectors for
 * common systems and the agent's own per host. Handed to readTicket (utils/page/ticket-extract.ts).
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
