/**
 * Day boundaries of the quiz. A quiz day starts at LOCAL midnight: an agent in Shanghai who finishes at
 * 23:50 and opens the popup at 00:10 gets a new set. The time zone is a parameter so tests can pin it;
 * `undefined` means the runtime's own zone.
 */

/** A calendar day written `YYYY-MM-DD`. */
export type DayKey = string;

const DAY_MS = 86_400_000;

interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Wall-clock parts of `now` in `timeZone` (or the runtime's zone). */
function wallClock(now: Date, timeZone?: string): Parts {
  if (timeZone === undefined) {
    return {
      year: now.getFullYear(),
      month: now.getMonth() + 1,
      day: now.getDate(),
      hour: now.getHours(),
      minute: now.getMinutes(),
      second: now.getSeconds(),
    };
  }
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, format);
  }
  const out: Record<string, number> = {};
  for (const part of format.formatToParts(now)) if (part.type !== 'literal') out[part.type] = Number(part.value);
  return out as unknown as Parts;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function dayKey(now: Date = new Date(), timeZone?: string): DayKey {
  const p = wallClock(now, timeZone);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

/** Days are counted on the calendar (UTC arithmetic on the date only), so DST never makes a day 23 h long. */
function dayNumber(day: DayKey): number {
  const [y, m, d] = day.split('-').map(Number);
  return Math.round(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) / DAY_MS);
}

export function addDays(day: DayKey, days: number): DayKey {
  const date = new Date((dayNumber(day) + days) * DAY_MS);
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** `to − from` in calendar days (1 for consecutive days). */
export function daysBetween(from: DayKey, to: DayKey): number {
  return dayNumber(to) - dayNumber(from);
}

/** The instant the next local day starts, for the midnight alarm. */
export function nextMidnight(now: Date = new Date(), timeZone?: string): Date {
  if (timeZone === undefined) {
    return new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 0, 0, 0, 0);
  }
  // Guess from the wall clock, then correct once for a UTC-offset change (DST) between now and the guess.
  const p = wallClock(now, timeZone);
  const msIntoDay = ((p.hour * 60 + p.minute) * 60 + p.second) * 1000 + now.getMilliseconds();
  let guess = new Date(now.getTime() - msIntoDay + DAY_MS);
  const g = wallClock(guess, timeZone);
  const drift = ((g.hour * 60 + g.minute) * 60 + g.second) * 1000;
  if (dayKey(guess, timeZone) !== dayKey(now, timeZone))
    guess = new Date(guess.getTime() - (drift > DAY_MS / 2 ? drift - DAY_MS : drift));
  else guess = new Date(guess.getTime() + (DAY_MS - drift));
  return guess;
}
