import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseIsoInstant } from '../../../shared/time/isoInstant';
import { civilToEpochMs, epochMsToCivil } from '../../../shared/time/civil';

describe('parseIsoInstant', () => {
  it('normalises Z and offsets to toISOString form', () => {
    expect(parseIsoInstant('2026-10-12T18:04:51Z')).toEqual({ ok: true, utc: '2026-10-12T18:04:51.000Z', epochMs: Date.UTC(2026, 9, 12, 18, 4, 51) });
    expect(parseIsoInstant('2026-10-12T19:04:51+01:00')).toMatchObject({ utc: '2026-10-12T18:04:51.000Z' });
    expect(parseIsoInstant('2026-10-12T13:34:51-0430')).toMatchObject({ utc: '2026-10-12T18:04:51.000Z' });
    expect(parseIsoInstant('2026-10-12 18:04Z')).toMatchObject({ utc: '2026-10-12T18:04:00.000Z' });
    expect(parseIsoInstant('2026-10-12T18:04:51.123456Z')).toMatchObject({ utc: '2026-10-12T18:04:51.123Z' });
  });

  it('refuses local text, impossible dates and impossible offsets', () => {
    expect(parseIsoInstant('2026-10-12T18:04:51')).toEqual({ ok: false, error: '"2026-10-12T18:04:51" is not an ISO 8601 date-time with Z or an offset' });
    expect(parseIsoInstant('2026-02-30T00:00:00Z')).toMatchObject({ ok: false, error: expect.stringContaining('day 30') });
    expect(parseIsoInstant('2026-10-12T18:04:51+19:00')).toMatchObject({ ok: false, error: expect.stringContaining('offset +19:00') });
  });

  it('agrees with Date.parse on toISOString output', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1, 0, 1), max: Date.UTC(9999, 11, 31) }), (ms) => {
        const iso = new Date(ms).toISOString();
        const r = parseIsoInstant(iso);
        return r.ok && r.epochMs === ms && r.utc === iso;
      }),
    );
  });
});

describe('civil fields', () => {
  it('places years below 100 literally (Date.UTC would move them to 19xx)', () => {
    expect(new Date(civilToEpochMs({ y: 45, m: 3, d: 1, hh: 0, mm: 0, ss: 0 })).getUTCFullYear()).toBe(45);
    expect(epochMsToCivil(civilToEpochMs({ y: 2024, m: 2, d: 29, hh: 23, mm: 59, ss: 59, ms: 999 }))).toEqual({
      y: 2024, m: 2, d: 29, hh: 23, mm: 59, ss: 59, ms: 999,
    });
  });
});
