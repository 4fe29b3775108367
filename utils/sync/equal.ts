/** Equality of JSON values regardless of the order of object keys (merges sort keys; stored values may not). */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

export const sameJson = (a: unknown, b: unknown) => stableJson(a) === stableJson(b);
