/** Splits text into plain and marked segments from search match ranges (rendered as text, never as HTML). */
import type { FieldMatch, Range } from '../search/types';

export interface Segment {
  text: string;
  mark: boolean;
}

/** Ranges of one field (e.g. `phrasings.0`) from a hit's matches; empty when that field did not match. */
export function rangesFor(matches: readonly FieldMatch[] | undefined, field: string): Range[] {
  return matches?.filter((m) => m.field === field).flatMap((m) => m.ranges) ?? [];
}

/** Clamps, sorts and merges overlapping or touching ranges, so malformed input never breaks rendering. */
export function normalizeRanges(ranges: readonly Range[], length: number): [number, number][] {
  const clamped = ranges
    .map(([s, e]): [number, number] => [Math.max(0, Math.min(s, length)), Math.max(0, Math.min(e, length))])
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const r of clamped) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

export function segments(text: string, ranges: readonly Range[]): Segment[] {
  const out: Segment[] = [];
  let at = 0;
  for (const [s, e] of normalizeRanges(ranges, text.length)) {
    if (s > at) out.push({ text: text.slice(at, s), mark: false });
    out.push({ text: text.slice(s, e), mark: true });
    at = e;
  }
  if (at < text.length || out.length === 0) out.push({ text: text.slice(at), mark: false });
  return out;
}
