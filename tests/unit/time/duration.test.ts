import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseDuration } from '../../../shared/time/duration';

describe('parseDuration', () => {
  it('reads HH:MM:SS as the sample export writes it', () => {
    expect(parseDuration('00:27:42')).toEqual({ ok: true, seconds: 1662 });
    expect(parseDuration('00:06:37')).toEqual({ ok: true, seconds: 397 });
    expect(parseDuration(' 1:02:03 ')).toEqual({ ok: true, seconds: 3723 });
    expect(parseDuration('100:00:00')).toEqual({ ok: true, seconds: 360000 });
    expect(parseDuration('00:00:01.5')).toEqual({ ok: true, seconds: 1.5 });
  });

  it('refuses out-of-range fields and ambiguous two-part text, quoting it', () => {
    expect(parseDuration('00:60:00')).toEqual({ ok: false, error: '"00:60:00": minutes 60 is not 0–59' });
    expect(parseDuration('00:00:75')).toEqual({ ok: false, error: '"00:00:75": seconds 75 is not 0–59' });
    expect(parseDuration('06:37')).toEqual({ ok: false, error: '"06:37" is not a duration in the form HH:MM:SS' });
    expect(parseDuration('-00:01:00')).toMatchObject({ ok: false });
    expect(parseDuration('')).toEqual({ ok: false, error: 'empty duration' });
  });

  it('inverts formatting for any whole number of seconds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 * 3600 }), (s) => {
        const text = `${Math.floor(s / 3600)}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
        const r = parseDuration(text);
        return r.ok && r.seconds === s;
      }),
    );
  });
});
