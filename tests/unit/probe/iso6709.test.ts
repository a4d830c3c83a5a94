import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIso6709 } from '../../../electron/core/library/probe/iso6709';

describe('parseIso6709', () => {
  // Examples from the Wikipedia article "ISO 6709" (string form of ISO 6709:2008 Annex H) and its W3C Geo XG source.
  it.each([
    ['+40.6894-074.0447/', { lat: 40.6894, lon: -74.0447 }], // Statue of Liberty, degrees
    ['+27.5916+086.5640+8850CRSWGS_84/', { lat: 27.5916, lon: 86.564, alt: 8850 }], // Everest with CRS
    ['-90+000+2800/', { lat: -90, lon: 0, alt: 2800 }], // South Pole
    ['+4852+00220/', { lat: 48 + 52 / 60, lon: 2 + 20 / 60 }], // Paris, degrees and minutes
    ['+275916+0865640+8850/', { lat: 27 + 59 / 60 + 16 / 3600, lon: 86 + 56 / 60 + 40 / 3600, alt: 8850 }], // Everest, DMS
  ])('%s', (text, expected) => {
    const got = parseIso6709(text)!;
    expect(got.lat).toBeCloseTo(expected.lat, 9);
    expect(got.lon).toBeCloseTo(expected.lon, 9);
    expect(got.alt).toBe('alt' in expected ? expected.alt : undefined);
    expect('alt' in got).toBe('alt' in expected);
  });

  it('reads the brief example as QuickTime ©xyz and Apple ISO6709 keys carry it', () => {
    expect(parseIso6709('+51.5450-000.0553+010.000/')).toEqual({ lat: 51.545, lon: -0.0553, alt: 10 });
    expect(parseIso6709(' +51.5450-000.0553/ ')).toEqual({ lat: 51.545, lon: -0.0553 });
  });

  it.each([
    '',
    'hello',
    '51.5450-000.0553/', // latitude without a sign
    '+91.0000+000.0000/', // latitude out of range
    '+45.0000+181.0000/', // longitude out of range
    '+4860+00220/', // 60 minutes
    '+456.000+000.000/', // three latitude digits: no form has that
    '+51.5450-000.0553+10+5/',
  ])('rejects %j', (text) => {
    expect(parseIso6709(text)).toBeNull();
  });

  it('recovers any point written in the degrees form phones use (property)', () => {
    const pad = (v: number, int: number) => `${v < 0 ? '-' : '+'}${Math.abs(v).toFixed(4).padStart(int + 5, '0')}`;
    fc.assert(
      fc.property(
        fc.integer({ min: -900000, max: 900000 }),
        fc.integer({ min: -1800000, max: 1800000 }),
        fc.option(fc.integer({ min: -500, max: 9000 }), { nil: undefined }),
        (latE4, lonE4, alt) => {
          const lat = latE4 / 1e4;
          const lon = lonE4 / 1e4;
          const text = `${pad(lat, 2)}${pad(lon, 3)}${alt === undefined ? '' : `${alt < 0 ? '-' : '+'}${Math.abs(alt)}`}/`;
          const got = parseIso6709(text);
          expect(got?.lat).toBeCloseTo(lat, 9);
          expect(got?.lon).toBeCloseTo(lon, 9);
          expect(got?.alt).toBe(alt);
        },
      ),
    );
  });

  it('agrees between the degrees and degrees-minutes-seconds forms of the same point (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 89 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 59 }), (d, m, s) => {
        const dms = `+${String(d).padStart(2, '0')}${String(m).padStart(2, '0')}${String(s).padStart(2, '0')}-0010000/`;
        expect(parseIso6709(dms)!.lat).toBeCloseTo(d + m / 60 + s / 3600, 9);
        expect(parseIso6709(dms)!.lon).toBe(-1);
      }),
    );
  });
});
