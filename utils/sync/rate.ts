/**
 * storage.sync's write-rate limits (Chrome: 120 write operations a minute, 1,800 an hour; each set or
 * remove call is one operation). Writes are batched (one set and at most one remove per sync) and
 * debounced by the caller; this keeps a margin below the limits for bursts.
 */
export const WRITE_LIMITS = { perMinute: 120, perHour: 1800 } as const;
const ALLOWED = { perMinute: 60, perHour: 900 } as const;
const MINUTE = 60_000;
const HOUR = 3_600_000;

/** How long to wait before `ops` more write operations, given the times of earlier ones (ms); 0 = now. */
export function writeDelay(
  history: readonly number[],
  now: number,
  ops = 2,
  allowed: { perMinute: number; perHour: number } = ALLOWED,
): number {
  const waitFor = (window: number, limit: number) => {
    const recent = history.filter((t) => t > now - window).sort((a, b) => a - b);
    const over = recent.length + ops - limit;
    // The oldest writes that must leave the window first.
    return over > 0 ? (recent[over - 1] as number) + window - now + 1 : 0;
  };
  return Math.max(0, waitFor(MINUTE, allowed.perMinute), waitFor(HOUR, allowed.perHour));
}

/** Write times still inside the hour (what is worth remembering). */
export const recentWrites = (history: readonly number[], now: number) => history.filter((t) => t > now - HOUR);
