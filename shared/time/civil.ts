/**
 * Checks on calendar fields before any arithmetic: Date.UTC silently rolls 31/04 into 1 May and hour 24 into the next
 * day, which would turn a typo in an export into a plausible but wrong recording time.
 */
export interface CivilDateTime {
  y: number;
  m: number;
  d: number;
  hh: number;
  mm: number;
  ss: number;
  /** Milliseconds, 0 when absent. */
  ms?: number;
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
  'November', 'December'];

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** The first field that is not a real calendar value, as a sentence; null when the date-time exists on the calendar. */
export function civilDateError(p: { y: number; m: number; d: number }): string | null {
  if (!Number.isInteger(p.y) || p.y < 1 || p.y > 9999) return `year ${p.y} is not 1–9999`;
  if (!Number.isInteger(p.m) || p.m < 1 || p.m > 12) return `month ${p.m} is not 1–12`;
  const max = daysInMonth(p.y, p.m);
  if (!Number.isInteger(p.d) || p.d < 1 || p.d > max) {
    return `day ${p.d} does not exist in ${MONTH_NAMES[p.m - 1]} ${p.y} (it has ${max} days)`;
  }
  return null;
}

export function civilDateTimeError(p: CivilDateTime): string | null {
  const dateError = civilDateError(p);
  if (dateError) return dateError;
  if (!Number.isInteger(p.hh) || p.hh < 0 || p.hh > 23) return `hour ${p.hh} is not 0–23`;
  if (!Number.isInteger(p.mm) || p.mm < 0 || p.mm > 59) return `minute ${p.mm} is not 0–59`;
  // A leap second (:60) cannot be placed on the POSIX time line the rest of the app uses.
  if (!Number.isInteger(p.ss) || p.ss < 0 || p.ss > 59) return `second ${p.ss} is not 0–59`;
  const ms = p.ms ?? 0;
  if (!Number.isInteger(ms) || ms < 0 || ms > 999) return `millisecond ${ms} is not 0–999`;
  return null;
}

/** Milliseconds since the epoch of these fields read as if they were UTC (no validation: call civilDateTimeError first). */
export function civilToEpochMs(p: CivilDateTime): number {
  // Date.UTC maps years 0–99 to 1900–1999; setting the year explicitly avoids that.
  const t = new Date(Date.UTC(2000, 0, 1, p.hh, p.mm, p.ss, p.ms ?? 0));
  t.setUTCFullYear(p.y, p.m - 1, p.d);
  return t.getTime();
}

export function epochMsToCivil(ms: number): Required<CivilDateTime> {
  const t = new Date(ms);
  return {
    y: t.getUTCFullYear(),
    m: t.getUTCMonth() + 1,
    d: t.getUTCDate(),
    hh: t.getUTCHours(),
    mm: t.getUTCMinutes(),
    ss: t.getUTCSeconds(),
    ms: t.getUTCMilliseconds(),
  };
}
