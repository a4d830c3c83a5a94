import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  localDateRangeToUtc, localToUtc, parseUkDateTime, summerTimeBounds, utcToLocal, type LocalDateTime,
} from '../../../shared/time/london';

// Oracle for cross-checks: the IANA tz database as compiled into Node's ICU (tests may use Intl; shared/ may not).
const londonFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric',
  second: 'numeric', hourCycle: 'h23',
});
function tzdbLocal(epochMs: number): Omit<Required<LocalDateTime>, 'ms'> {
  const p = Object.fromEntries(londonFormat.formatToParts(new Date(epochMs)).map((x) => [x.type, Number(x.value)]));
  return { y: p.year!, m: p.month!, d: p.day!, hh: p.hour!, mm: p.minute!, ss: p.second! };
}

const local = (y: number, m: number, d: number, hh: number, mm: number, ss = 0): LocalDateTime => ({ y, m, d, hh, mm, ss });
const FROM_MS = Date.UTC(1996, 0, 1);
const TO_MS = Date.UTC(2100, 0, 1);

describe('summer time transitions', () => {
  it.each([
    // gov.uk "When do the clocks change?" (https://www.gov.uk/when-do-the-clocks-change): 2024 31 March / 27 October,
    // 2025 30 March / 26 October, 2026 29 March / 25 October.
    [2024, '2024-03-31T01:00:00.000Z', '2024-10-27T01:00:00.000Z'],
    [2025, '2025-03-30T01:00:00.000Z', '2025-10-26T01:00:00.000Z'],
    [2026, '2026-03-29T01:00:00.000Z', '2026-10-25T01:00:00.000Z'],
    // timeanddate.com, "Time Zone & Clock Changes in London, United Kingdom, 1996" and "... 2000": 31 March /
    // 27 October 1996; 26 March / 29 October 2000.
    [1996, '1996-03-31T01:00:00.000Z', '1996-10-27T01:00:00.000Z'],
    [2000, '2000-03-26T01:00:00.000Z', '2000-10-29T01:00:00.000Z'],
  ])('%i: BST from %s to %s', (year, start, end) => {
    const b = summerTimeBounds(year);
    expect(new Date(b.startMs).toISOString()).toBe(start);
    expect(new Date(b.endMs).toISOString()).toBe(end);
  });

  it('agrees with the tz database minute by minute around every change from 1996 to 2040', () => {
    for (let year = 1996; year <= 2040; year++) {
      const { startMs, endMs } = summerTimeBounds(year);
      for (const edge of [startMs, endMs]) {
        for (let ms = edge - 90 * 60_000; ms <= edge + 90 * 60_000; ms += 60_000) {
          const r = utcToLocal(new Date(ms).toISOString());
          if (!r.ok) throw new Error(r.error);
          const { ms: _ms, ...parts } = r.local;
          expect(parts).toEqual(tzdbLocal(ms));
        }
      }
    }
  });
});

describe('localToUtc', () => {
  it('reads GMT in winter and BST in summer', () => {
    expect(localToUtc(local(2026, 1, 15, 12, 0))).toEqual({ ok: true, utc: '2026-01-15T12:00:00.000Z', flag: null });
    expect(localToUtc(local(2026, 7, 1, 12, 0))).toEqual({ ok: true, utc: '2026-07-01T11:00:00.000Z', flag: null });
  });

  it('takes the first (BST) occurrence of the repeated hour on 25/10/2026 and flags it', () => {
    expect(localToUtc(local(2026, 10, 25, 0, 59, 59))).toEqual({ ok: true, utc: '2026-10-24T23:59:59.000Z', flag: null });
    expect(localToUtc(local(2026, 10, 25, 1, 0))).toEqual({ ok: true, utc: '2026-10-25T00:00:00.000Z', flag: 'ambiguous' });
    expect(localToUtc(local(2026, 10, 25, 1, 30))).toEqual({ ok: true, utc: '2026-10-25T00:30:00.000Z', flag: 'ambiguous' });
    expect(localToUtc(local(2026, 10, 25, 1, 59, 59))).toEqual({ ok: true, utc: '2026-10-25T00:59:59.000Z', flag: 'ambiguous' });
    expect(localToUtc(local(2026, 10, 25, 2, 0))).toEqual({ ok: true, utc: '2026-10-25T02:00:00.000Z', flag: null });
  });

  it('maps the skipped hour on 29/03/2026 with the GMT offset and flags it', () => {
    expect(localToUtc(local(2026, 3, 29, 0, 59, 59))).toEqual({ ok: true, utc: '2026-03-29T00:59:59.000Z', flag: null });
    expect(localToUtc(local(2026, 3, 29, 1, 0))).toEqual({ ok: true, utc: '2026-03-29T01:00:00.000Z', flag: 'nonexistent' });
    expect(localToUtc(local(2026, 3, 29, 1, 30))).toEqual({ ok: true, utc: '2026-03-29T01:30:00.000Z', flag: 'nonexistent' });
    expect(localToUtc(local(2026, 3, 29, 2, 0))).toEqual({ ok: true, utc: '2026-03-29T01:00:00.000Z', flag: null });
  });

  it('handles leap days and year boundaries', () => {
    expect(localToUtc(local(2024, 2, 29, 23, 59, 59))).toEqual({ ok: true, utc: '2024-02-29T23:59:59.000Z', flag: null });
    expect(localToUtc(local(2000, 2, 29, 0, 0))).toMatchObject({ ok: true, utc: '2000-02-29T00:00:00.000Z' });
    expect(localToUtc(local(2026, 12, 31, 23, 59, 59))).toEqual({ ok: true, utc: '2026-12-31T23:59:59.000Z', flag: null });
    expect(localToUtc(local(2027, 1, 1, 0, 0))).toEqual({ ok: true, utc: '2027-01-01T00:00:00.000Z', flag: null });
    // A summer local midnight is the previous UTC day.
    expect(localToUtc(local(2026, 7, 1, 0, 0))).toMatchObject({ utc: '2026-06-30T23:00:00.000Z' });
  });

  it('refuses dates that are not on the calendar, naming the field', () => {
    expect(localToUtc(local(2026, 2, 29, 12, 0))).toEqual({ ok: false, error: 'day 29 does not exist in February 2026 (it has 28 days)' });
    expect(localToUtc(local(1900, 2, 29, 12, 0))).toMatchObject({ ok: false, error: expect.stringContaining('day 29') });
    expect(localToUtc(local(2026, 13, 1, 12, 0))).toEqual({ ok: false, error: 'month 13 is not 1–12' });
    expect(localToUtc(local(2026, 1, 1, 24, 0))).toEqual({ ok: false, error: 'hour 24 is not 0–23' });
    expect(localToUtc(local(2026, 1, 1, 12, 60))).toEqual({ ok: false, error: 'minute 60 is not 0–59' });
    expect(localToUtc(local(2026, 1, 1, 12, 0, 60))).toEqual({ ok: false, error: 'second 60 is not 0–59' });
  });

  it('refuses years before 1996, whose rule it does not model', () => {
    const r = localToUtc(local(1995, 10, 22, 1, 30));
    expect(r).toMatchObject({ ok: false, error: expect.stringContaining('before 1996') });
    expect(localToUtc(local(1996, 1, 1, 0, 0))).toMatchObject({ ok: true, utc: '1996-01-01T00:00:00.000Z' });
  });

  it('round-trips utcToLocal for every non-ambiguous instant (1996–2099)', () => {
    fc.assert(
      fc.property(fc.integer({ min: FROM_MS / 1000, max: TO_MS / 1000 - 1 }), (seconds) => {
        const iso = new Date(seconds * 1000).toISOString();
        const l = utcToLocal(iso);
        if (!l.ok) return false;
        const back = localToUtc(l.local);
        if (!back.ok || back.flag === 'nonexistent') return false;
        if (back.flag === null) return back.utc === iso;
        // The second pass through the repeated hour reads back as the first, one hour earlier.
        return back.utc === iso || Date.parse(back.utc) === seconds * 1000 - 3_600_000;
      }),
      { numRuns: 5000 },
    );
  });

  it('keeps an unflagged local time through localToUtc and back', () => {
    fc.assert(
      fc.property(fc.integer({ min: FROM_MS / 60_000, max: TO_MS / 60_000 - 1 }), (minutes) => {
        const d = new Date(minutes * 60_000);
        const parts = local(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes());
        const r = localToUtc(parts);
        if (!r.ok) return false;
        const l = utcToLocal(r.utc);
        if (!l.ok) return false;
        const same = l.local.y === parts.y && l.local.m === parts.m && l.local.d === parts.d && l.local.hh === parts.hh &&
          l.local.mm === parts.mm;
        // Flagged times are exactly those that do not come back unchanged (the skipped hour).
        return r.flag === 'nonexistent' ? !same : same;
      }),
      { numRuns: 5000 },
    );
  });
});

describe('utcToLocal', () => {
  it('matches the tz database for random instants 1996–2099', () => {
    fc.assert(
      fc.property(fc.integer({ min: FROM_MS / 1000, max: TO_MS / 1000 - 1 }), (seconds) => {
        const r = utcToLocal(new Date(seconds * 1000).toISOString());
        if (!r.ok) return false;
        const { ms: _ms, ...parts } = r.local;
        expect(parts).toEqual(tzdbLocal(seconds * 1000));
        return r.offsetMinutes === (r.zone === 'BST' ? 60 : 0);
      }),
      { numRuns: 3000 },
    );
  });

  it('gives both passes through the repeated hour, with their offsets', () => {
    expect(utcToLocal('2026-10-25T00:30:00Z')).toEqual({
      ok: true, local: { y: 2026, m: 10, d: 25, hh: 1, mm: 30, ss: 0, ms: 0 }, offsetMinutes: 60, zone: 'BST',
    });
    expect(utcToLocal('2026-10-25T01:30:00Z')).toEqual({
      ok: true, local: { y: 2026, m: 10, d: 25, hh: 1, mm: 30, ss: 0, ms: 0 }, offsetMinutes: 0, zone: 'GMT',
    });
  });

  it('accepts offsets and keeps milliseconds', () => {
    expect(utcToLocal('2026-07-01T13:00:00.250+02:00')).toMatchObject({
      ok: true, local: { y: 2026, m: 7, d: 1, hh: 12, mm: 0, ss: 0, ms: 250 }, zone: 'BST',
    });
  });

  it('refuses text without a zone and instants before 1996', () => {
    expect(utcToLocal('2026-07-01 12:00')).toMatchObject({ ok: false, error: expect.stringContaining('"2026-07-01 12:00"') });
    expect(utcToLocal('1995-12-31T23:59:59Z')).toMatchObject({ ok: false, error: expect.stringContaining('before 1996') });
  });
});

describe('localDateRangeToUtc', () => {
  it('covers whole UK days, including a month with the clocks going back', () => {
    expect(localDateRangeToUtc('2026-10-01', '2026-10-31')).toEqual({
      ok: true, startUtc: '2026-09-30T23:00:00.000Z', endUtcExclusive: '2026-11-01T00:00:00.000Z',
    });
    const r = localDateRangeToUtc('2026-10-01', '2026-10-31');
    if (!r.ok) throw new Error(r.error);
    // 31 days, one of them 25 hours long.
    expect((Date.parse(r.endUtcExclusive) - Date.parse(r.startUtc)) / 3_600_000).toBe(31 * 24 + 1);
  });

  it('is one 23-hour day on the day the clocks go forward', () => {
    expect(localDateRangeToUtc('2026-03-29', '2026-03-29')).toEqual({
      ok: true, startUtc: '2026-03-29T00:00:00.000Z', endUtcExclusive: '2026-03-29T23:00:00.000Z',
    });
  });

  it('crosses year ends and leap days', () => {
    expect(localDateRangeToUtc('2024-02-29', '2024-12-31')).toEqual({
      ok: true, startUtc: '2024-02-29T00:00:00.000Z', endUtcExclusive: '2025-01-01T00:00:00.000Z',
    });
  });

  it('refuses reversed ranges and impossible dates, quoting them', () => {
    expect(localDateRangeToUtc('2026-10-31', '2026-10-01')).toMatchObject({ ok: false, error: expect.stringContaining('before it starts') });
    expect(localDateRangeToUtc('2026-02-30', '2026-03-01')).toMatchObject({ ok: false, error: expect.stringContaining('"2026-02-30"') });
    expect(localDateRangeToUtc('01/10/2026', '2026-10-31')).toMatchObject({ ok: false, error: expect.stringContaining('yyyy-mm-dd') });
  });
});

describe('parseUkDateTime', () => {
  it('reads the export form dd/mm/yyyy HH:MM[:SS] as UK local time', () => {
    expect(parseUkDateTime('15/10/2026 17:42')).toEqual({ ok: true, utc: '2026-10-15T16:42:00.000Z', flag: null });
    expect(parseUkDateTime('15/01/2026 17:42:09')).toEqual({ ok: true, utc: '2026-01-15T17:42:09.000Z', flag: null });
    expect(parseUkDateTime(' 5/1/2026 7:05 ')).toEqual({ ok: true, utc: '2026-01-05T07:05:00.000Z', flag: null });
  });

  it('reads yyyy-mm-dd local time and absolute ISO text', () => {
    expect(parseUkDateTime('2026-10-15 17:42')).toEqual({ ok: true, utc: '2026-10-15T16:42:00.000Z', flag: null });
    expect(parseUkDateTime('2026-10-15T17:42:00')).toEqual({ ok: true, utc: '2026-10-15T16:42:00.000Z', flag: null });
    expect(parseUkDateTime('2026-10-25T01:30:00Z')).toEqual({ ok: true, utc: '2026-10-25T01:30:00.000Z', flag: null });
    expect(parseUkDateTime('2026-10-25T01:30:00+01:00')).toEqual({ ok: true, utc: '2026-10-25T00:30:00.000Z', flag: null });
  });

  it('flags the repeated and skipped hours', () => {
    expect(parseUkDateTime('25/10/2026 01:30')).toEqual({ ok: true, utc: '2026-10-25T00:30:00.000Z', flag: 'ambiguous' });
    expect(parseUkDateTime('29/03/2026 01:30')).toEqual({ ok: true, utc: '2026-03-29T01:30:00.000Z', flag: 'nonexistent' });
  });

  it('catches dd/mm against mm/dd confusion instead of guessing', () => {
    // 10/13/2026 is a US-style date: month 13 under the UK reading.
    expect(parseUkDateTime('10/13/2026 09:00')).toEqual({ ok: false, error: '"10/13/2026 09:00": month 13 is not 1–12' });
    expect(parseUkDateTime('10/13/2026 09:00', 'mm/dd/yyyy HH:MM')).toEqual({ ok: true, utc: '2026-10-13T08:00:00.000Z', flag: null });
    expect(parseUkDateTime('13/10/2026 09:00', 'mm/dd/yyyy HH:MM')).toMatchObject({ ok: false, error: expect.stringContaining('month 13') });
    // Both readings valid: the configured order decides.
    expect(parseUkDateTime('03/10/2026 09:00')).toMatchObject({ utc: '2026-10-03T08:00:00.000Z' });
    expect(parseUkDateTime('03/10/2026 09:00', 'mm/dd/yyyy HH:MM')).toMatchObject({ utc: '2026-03-10T09:00:00.000Z' });
  });

  it('names the bad text in every error', () => {
    expect(parseUkDateTime('')).toEqual({ ok: false, error: 'empty date-time' });
    expect(parseUkDateTime('yesterday')).toMatchObject({ ok: false, error: expect.stringMatching(/^"yesterday" is not a date-time/) });
    expect(parseUkDateTime('31/04/2026 10:00')).toMatchObject({ ok: false, error: expect.stringContaining('"31/04/2026 10:00": day 31') });
    expect(parseUkDateTime('29/02/2026 10:00')).toMatchObject({ ok: false, error: expect.stringContaining('February 2026') });
    expect(parseUkDateTime('29/02/2028 10:00')).toMatchObject({ ok: true, utc: '2028-02-29T10:00:00.000Z' });
    expect(parseUkDateTime('15/10/1995 10:00')).toMatchObject({ ok: false, error: expect.stringContaining('before 1996') });
    expect(parseUkDateTime('15/10/2026')).toMatchObject({ ok: false, error: expect.stringContaining('"15/10/2026"') });
    expect(parseUkDateTime('2026-10-15T25:00:00Z')).toMatchObject({ ok: false, error: expect.stringContaining('hour 25') });
  });

  it("refuses slashed dates under the 'iso' format", () => {
    expect(parseUkDateTime('15/10/2026 17:42', 'iso')).toMatchObject({ ok: false, error: expect.stringContaining('yyyy-mm-dd') });
    expect(parseUkDateTime('2026-10-15 17:42', 'iso')).toMatchObject({ ok: true, utc: '2026-10-15T16:42:00.000Z' });
  });

  it('never throws on arbitrary text', () => {
    fc.assert(fc.property(fc.string(), (s) => typeof parseUkDateTime(s).ok === 'boolean'), { numRuns: 2000 });
  });
});
