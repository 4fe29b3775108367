/**
 * `{客户称呼}`-style fields in phrasings: found, then filled from a small form before copy or insert.
 * A field name is 1–20 characters without braces or spaces, so JSON-like text (`{"a": 1}`) is not a field.
 * A name is pack text: `{constructor}` or `{__proto__}` are fields like any other, so values are looked up
 * as own properties only and stored in objects without a prototype.
 */
const FIELD = /\{([^{}\s]{1,20})\}/g;

/** Distinct field names in order of first appearance. */
export function placeholderNames(text: string): string[] {
  const names = new Set<string>();
  for (const m of text.matchAll(FIELD)) names.add(m[1] as string);
  return [...names];
}

/** The value of field `name`, if `values` has one of its own (never one inherited from Object.prototype). */
export function fieldValue(values: Readonly<Record<string, string>>, name: string): string | undefined {
  if (!Object.hasOwn(values, name)) return undefined;
  const value: unknown = values[name];
  return typeof value === 'string' ? value : undefined;
}

/** A field-name → value record without a prototype, so any name is an own key (`__proto__` included). */
export function fieldRecord(entries: Iterable<readonly [string, string]> = []): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  for (const [name, value] of entries) out[name] = value;
  return out;
}

/** Replaces each field that has a non-blank value; a blank field stays as `{name}` so the agent sees it. */
export function fillPlaceholders(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(FIELD, (whole, name: string) => {
    const value = fieldValue(values, name)?.trim();
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
    out[tab] = fieldRecord(
      Object.entries(fields as Record<string, unknown>).filter(
        (kv): kv is [string, string] => typeof kv[1] === 'string' && kv[1].length <= MAX_VALUE,
      ),
    );
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
  const merged = fieldRecord(previous ? Object.entries(previous) : []);
  for (const [name, value] of Object.entries(values)) {
    if (value.trim()) merged[name] = value.slice(0, MAX_VALUE);
  }
  const next: TabFieldValues = { ...rest, [key]: merged };
  const keys = Object.keys(next);
  for (const old of keys.slice(0, Math.max(0, keys.length - MAX_TABS))) delete next[old];
  return next;
}
