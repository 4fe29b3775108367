/**
 * `{客户称呼}`-style fields in phrasings: found, then filled from a small form before copy or insert.
 * A field name is 1–20 characters without braces or spaces, so JSON-like text (`{"a": 1}`) is not a field.
 */
const FIELD = /\{([^{}\s]{1,20})\}/g;

/** Distinct field names in order of first appearance. */
export function placeholderNames(text: string): string[] {
  const names: string[] = [];
  for (const m of text.matchAll(FIELD)) {
    const name = m[1] as string;
    if (!names.includes(name)) names.push(name);
  }
  return names;
}

/** Replaces each field that has a non-blank value; a blank field stays as `{name}` so the agent sees it. */
export function fillPlaceholders(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(FIELD, (whole, name: string) => {
    const value = values[name]?.trim();
    return value ? value : whole;
  });
}

/** Remembered values keyed by tab id; kept small because session storage has a quota. */
export type TabFieldValues = Record<string, Record<string, string>>;

const MAX_TABS = 50;
const MAX_VALUE = 200;

/** Keeps only string values of reasonable size; anything else in a stored value is dropped. */
export function repairTabFieldValues(stored: unknown): TabFieldValues {
  const out: TabFieldValues = {};
  if (!stored || typeof stored !== 'object' || Array.isArray(stored)) return out;
  for (const [tab, fields] of Object.entries(stored as Record<string, unknown>)) {
    if (!/^\d+$/.test(tab) || !fields || typeof fields !== 'object' || Array.isArray(fields)) continue;
    const clean: Record<string, string> = {};
    for (const [name, value] of Object.entries(fields as Record<string, unknown>)) {
      if (typeof value === 'string' && value.length <= MAX_VALUE) clean[name] = value;
    }
    out[tab] = clean;
  }
  return out;
}

/** Merges new values for one tab; the oldest tabs are dropped beyond MAX_TABS (object order = insertion order). */
export function rememberTabFieldValues(
  all: TabFieldValues,
  tabId: number,
  values: Readonly<Record<string, string>>,
): TabFieldValues {
  const key = String(tabId);
  const { [key]: previous, ...rest } = all;
  const merged: Record<string, string> = { ...previous };
  for (const [name, value] of Object.entries(values)) {
    if (value.trim()) merged[name] = value.slice(0, MAX_VALUE);
  }
  const next: TabFieldValues = { ...rest, [key]: merged };
  const keys = Object.keys(next);
  for (const old of keys.slice(0, Math.max(0, keys.length - MAX_TABS))) delete next[old];
  return next;
}
