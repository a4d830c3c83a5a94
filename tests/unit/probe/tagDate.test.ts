import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTagDate } from '../../../electron/core/library/probe/tagDate';

describe('parseTagDate', () => {
  // com.apple.quicktime.creationdate is an ISO 8601 date-time (Apple QuickTime File Format Specification, "QuickTime
  // Metadata Keys"); iPhones write the offset as ±HHMM. ISO 8601 offsets: local time minus offset = UTC.
  it.each([
    ['2026-10-25T01:30:00+0100', '2026-10-25T00:30:00.000Z'],
    ['2026-10-25T01:30:00+01:00', '2026-10-25T00:30:00.000Z'],
    ['2026-10-25T00:30:00Z', '2026-10-25T00:30:00.000Z'],
    ['2026-10-24 19:30:00.250-05', '2026-10-25T00:30:00.250Z'],
    ['2024-02-29T23:59:59+0000', '2024-02-29T23:59:59.000Z'],
  ])('%s → %s', (text, iso) => {
    expect(parseTagDate(text)).toBe(iso);
  });

  it.each(['2026-10-25T01:30:00', '2026-02-30T10:00:00Z', '2026-10-25T24:00:00Z', '25/10/2026 01:30', ''])(
    'gives null for %j (no offset, or not a real instant)',
    (text) => {
      expect(parseTagDate(text)).toBeNull();
    },
  );

  it('recovers the instant whatever offset it was written with (property)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1971-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: -12 * 4, max: 14 * 4 }),
        (when, quarterHours) => {
          const instant = Math.floor(when.getTime() / 1000) * 1000;
          const offset = quarterHours * 15;
          const local = new Date(instant + offset * 60_000).toISOString().slice(0, 19);
          const abs = Math.abs(offset);
          const zone = `${offset < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
          expect(parseTagDate(`${local}${zone}`)).toBe(new Date(instant).toISOString());
        },
      ),
    );
  });
});
