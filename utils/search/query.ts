/**
 * Parsing what the agent typed: space-separated terms (all must match), `kind:` and `tag:` filters, and
 * long pasted text (a customer's message), which is ranked by the words it shares instead of term by term.
 */
import { ENTRY_KINDS, type EntryKind } from '../../knowledge/schema';
import { normalizeText } from '../text/normalize';

/** Longer input is cut: a query, even a pasted message, has said what it needs by then. */
export const MAX_QUERY = 1000;
/** A term this long (normalized) is a pasted sentence rather than something typed to find a title. */
export const LONG_TERM = 16;
/** More space-separated words than this is a pasted passage too (and keeps the per-term work bounded). */
const MAX_TERMS = 8;

export interface Term {
  /** Normalized text. */
  text: string;
  /** Contains latin letters: may be pinyin or initials. */
  letters: boolean;
}

export interface ParsedQuery {
  terms: Term[];
  /** Set for long text: its normalized clauses, ranked together instead of as required terms. */
  passage?: string[];
  /** Allowed kinds from `kind:` filters (undefined: any). Empty when a filter names no kind. */
  kinds?: EntryKind[];
  /** Normalized `tag:` filters; each must be contained in one of the entry's tags. */
  tags: string[];
}

const FILTER = /^(kind|tag|类型|標籤|标签):(.*)$/iu;
const CLAUSE = /[\s\p{P}\p{S}]+/u;

function term(text: string): Term {
  return { text, letters: /[a-z]/.test(text) };
}

export function parseQuery(raw: string): ParsedQuery {
  const input = raw.slice(0, MAX_QUERY);
  const parsed: ParsedQuery = { terms: [], tags: [] };
  const rest: string[] = [];
  for (const token of input.split(/\s+/u)) {
    if (!token) continue;
    const filter = FILTER.exec(token);
    if (!filter) {
      rest.push(token);
      continue;
    }
    const name = (filter[1] as string).toLowerCase();
    const value = normalizeText(filter[2] as string);
    if (!value) continue; // `kind:` being typed: no filter yet
    if (name === 'kind' || name === '类型') {
      // A prefix is enough (`kind:g`), so the filter already works while it is being typed.
      const kinds = ENTRY_KINDS.filter((k) => k.startsWith(value));
      parsed.kinds = parsed.kinds ? parsed.kinds.filter((k) => kinds.includes(k)) : kinds;
    } else parsed.tags.push(value);
  }
  const terms = rest.map(normalizeText).filter(Boolean);
  const total = terms.reduce((n, t) => n + t.length, 0);
  // Long runs of letters are pinyin being typed, not a pasted sentence.
  const sentence = (t: string) => t.length > LONG_TERM / 2 && /[^a-z0-9]/.test(t);
  if ((total > LONG_TERM && terms.some(sentence)) || terms.length > MAX_TERMS) {
    parsed.passage = rest
      .join(' ')
      .split(CLAUSE)
      .map(normalizeText)
      .filter((c) => c.length > 0);
    return parsed;
  }
  parsed.terms = terms.map(term);
  return parsed;
}
