import {
  civilDateError, civilDateTimeError, civilToEpochMs, daysInMonth, epochMsToCivil, type CivilDateTime,
} from './civil';
import { isAbsoluteIso, parseIsoInstant } from './isoInstant';

/**
 * Europe/London civil time <-> UTC, worked out from the statutory rule instead of the host's time-zone database, so
 * the same export gives the same instants on every workstation whatever its ICU/tzdata version or system zone.
 *
 * The rule (Summer Time Act 1972 as amended; Summer Time Order 2002, SI 2002/262, implementing Directive 2000/84/EC
 * arts. 2–3): British Summer Time (UTC+1) begins at 01:00 GMT on the last Sunday in March and ends at 01:00 GMT on
 * the last Sunday in October; GMT (UTC+0) the rest of the year. The October end date has been the last Sunday only
 * since 1996 (until 1995 it was the day after the fourth Saturday), so years before 1996 are refused rather than
 * guessed. Later years project the current rule forward: a future change in the law would need a new rule here.
 *
 * Local times the rule makes awkward:
 * - Clocks go forward (e.g. 29/03/2026): local 01:00–01:59 never happens. Such a time is read with the offset in force
 *   just before the change (GMT), so 01:30 becomes 01:30Z, and is flagged 'nonexistent'.
 * - Clocks go back (e.g. 25/10/2026): local 01:00–01:59 happens twice. The first occurrence (still BST) is chosen, so
 *   01:30 becomes 00:30Z, and is flagged 'ambiguous' (the other reading is 01:30Z).
 * Neither case is ever resolved silently: the flag travels with the time.
 */
export type LocalDateTime = CivilDateTime;
export type LocalTimeFlag = null | 'ambiguous' | 'nonexistent';

export const FIRST_RULE_YEAR = 1996;

export type LocalToUtcResult = { ok: true; utc: string; flag: LocalTimeFlag } | { ok: false; error: string };

export type UtcToLocalResult =
  | { ok: true; local: Required<LocalDateTime>; offsetMinutes: 0 | 60; zone: 'GMT' | 'BST' }
  | { ok: false; error: string };

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** The instants BST starts and ends in a year, as epoch milliseconds. */
export function summerTimeBounds(year: number): { startMs: number; endMs: number } {
  return { startMs: lastSundayAt0100Utc(year, 3), endMs: lastSundayAt0100Utc(year, 10) };
}

function lastSundayAt0100Utc(year: number, month: number): number {
  const lastDay = civilToEpochMs({ y: year, m: month, d: daysInMonth(year, month), hh: 1, mm: 0, ss: 0 });
  const weekday = new Date(lastDay).getUTCDay();
  return lastDay - weekday * DAY_MS;
}

function yearOutOfScope(year: number): string | null {
  return year < FIRST_RULE_YEAR
    ? `year ${year} is before ${FIRST_RULE_YEAR}; UK clock changes before then followed other rules and are not modelled`
    : null;
}

export function localToUtc(local: LocalDateTime): LocalToUtcResult {
  const bad = civilDateTimeError(local) ?? yearOutOfScope(local.y);
  if (bad) return { ok: false, error: bad };
  // The local wall-clock reading laid on the UTC axis; comparing it with the transition instants tells which offset
  // the wall clock showed.
  const wall = civilToEpochMs(local);
  const { startMs, endMs } = summerTimeBounds(local.y);
  let utcMs: number;
  let flag: LocalTimeFlag = null;
  if (wall < startMs) utcMs = wall;
  else if (wall < startMs + HOUR_MS) {
    utcMs = wall;
    flag = 'nonexistent';
  } else if (wall < endMs) utcMs = wall - HOUR_MS;
  else if (wall < endMs + HOUR_MS) {
    utcMs = wall - HOUR_MS;
    flag = 'ambiguous';
  } else utcMs = wall;
  return { ok: true, utc: new Date(utcMs).toISOString(), flag };
}

export function utcToLocal(iso: string): UtcToLocalResult {
  const instant = parseIsoInstant(iso);
  if (!instant.ok) return instant;
  const year = new Date(instant.epochMs).getUTCFullYear();
  const bad = yearOutOfScope(year);
  if (bad) return { ok: false, error: `"${iso.trim()}": ${bad}` };
  const { startMs, endMs } = summerTimeBounds(year);
  const bst = instant.epochMs >= startMs && instant.epochMs < endMs;
  const offsetMinutes = bst ? 60 : 0;
  return {
    ok: true,
    local: epochMsToCivil(instant.epochMs + offsetMinutes * 60_000),
    offsetMinutes,
    zone: bst ? 'BST' : 'GMT',
  };
}

export type DateRangeResult = { ok: true; startUtc: string; endUtcExclusive: string } | { ok: false; error: string };

/**
 * The UTC half-open interval covering whole UK local calendar days fromYmd..toYmd inclusive ("2026-10-01" to
 * "2026-10-31" ends at 1 November 00:00 local). Local midnight is never inside a clock change (changes happen at
 * 01:00/02:00 local), so the bounds need no flag; a month with a change is 743 or 745 hours long, not 744.
 */
export function localDateRangeToUtc(fromYmd: string, toYmd: string): DateRangeResult {
  const from = parseYmd(fromYmd);
  if (!from.ok) return from;
  const to = parseYmd(toYmd);
  if (!to.ok) return to;
  if (civilToEpochMs(to.date) < civilToEpochMs(from.date)) {
    return { ok: false, error: `date range ends (${toYmd.trim()}) before it starts (${fromYmd.trim()})` };
  }
  const dayAfter = epochMsToCivil(civilToEpochMs(to.date) + DAY_MS);
  const start = localToUtc(from.date);
  const end = localToUtc({ y: dayAfter.y, m: dayAfter.m, d: dayAfter.d, hh: 0, mm: 0, ss: 0 });
  if (!start.ok) return { ok: false, error: `"${fromYmd.trim()}": ${start.error}` };
  if (!end.ok) return { ok: false, error: `"${toYmd.trim()}": ${end.error}` };
  return { ok: true, startUtc: start.utc, endUtcExclusive: end.utc };
}

function parseYmd(text: string): { ok: true; date: LocalDateTime } | { ok: false; error: string } {
  const trimmed = text.trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed);
  if (!m) return { ok: false, error: `"${trimmed}" is not a date in the form yyyy-mm-dd` };
  const date = { y: +m[1]!, m: +m[2]!, d: +m[3]!, hh: 0, mm: 0, ss: 0 };
  const bad = civilDateError(date) ?? yearOutOfScope(date.y);
  return bad ? { ok: false, error: `"${trimmed}": ${bad}` } : { ok: true, date };
}

/**
 * How slashed dates in an export are ordered. UK forces export day first; an export from a US-configured tenant is
 * month first. yyyy-mm-dd and ISO with an offset are unambiguous and accepted under either; 'iso' refuses slashes.
 */
export const DATE_FORMATS = ['dd/mm/yyyy HH:MM', 'mm/dd/yyyy HH:MM', 'iso'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

const SLASHED = /^(\d{1,2})\/(\d{1,2})\/(\d{4})[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const DASHED_LOCAL = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,3}))?)?$/;

/**
 * A date-time as exports write it, to an instant. Local readings ("25/10/2026 01:30", "2026-10-25 01:30") are UK
 * local time through localToUtc, with its flags; ISO text with Z or an offset is already absolute (flag null).
 * Every error quotes the text it could not read.
 */
export function parseUkDateTime(text: string, format: DateFormat = 'dd/mm/yyyy HH:MM'): LocalToUtcResult {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, error: 'empty date-time' };
  if (isAbsoluteIso(trimmed)) {
    const instant = parseIsoInstant(trimmed);
    return instant.ok ? { ok: true, utc: instant.utc, flag: null } : instant;
  }
  let local: LocalDateTime | null = null;
  const dashed = DASHED_LOCAL.exec(trimmed);
  if (dashed) {
    local = {
      y: +dashed[1]!, m: +dashed[2]!, d: +dashed[3]!, hh: +dashed[4]!, mm: +dashed[5]!, ss: +(dashed[6] ?? 0),
      ms: dashed[7] ? Number(dashed[7].padEnd(3, '0')) : 0,
    };
  }
  const slashed = format === 'iso' ? null : SLASHED.exec(trimmed);
  if (slashed) {
    const [first, second] = [+slashed[1]!, +slashed[2]!];
    const [d, m] = format === 'mm/dd/yyyy HH:MM' ? [second, first] : [first, second];
    local = { y: +slashed[3]!, m, d, hh: +slashed[4]!, mm: +slashed[5]!, ss: +(slashed[6] ?? 0) };
  }
  if (!local) {
    const expected = format === 'iso' ? 'yyyy-mm-dd HH:MM[:SS]' : `${format}[:SS], yyyy-mm-dd HH:MM[:SS]`;
    return { ok: false, error: `"${trimmed}" is not a date-time in the form ${expected} or ISO 8601 with Z/offset` };
  }
  const result = localToUtc(local);
  return result.ok ? result : { ok: false, error: `"${trimmed}": ${result.error}` };
}
