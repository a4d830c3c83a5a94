import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatClock, secondForSameMoment } from '../../../shared/review/wallclock';

describe('secondForSameMoment', () => {
  const a = { recordedAt: '2026-10-03T21:14:00.000Z', durationSec: 600 };
  const b = { recordedAt: '2026-10-03T21:15:30.000Z', durationSec: 300 };
  it('maps the same instant onto the other camera', () => {
    expect(secondForSameMoment(a, 120, b)).toEqual({ second: 30, aligned: true });
    expect(secondForSameMoment(b, 30, a)).toEqual({ second: 120, aligned: true });
  });
  it('clamps before the other camera started and after it stopped', () => {
    expect(secondForSameMoment(a, 10, b)).toEqual({ second: 0, aligned: false });
    expect(secondForSameMoment(a, 500, b)).toEqual({ second: 300, aligned: false });
  });
  it('starts at 0 when a recorded time is unknown', () => {
    expect(secondForSameMoment({ recordedAt: null, durationSec: 10 }, 5, b)).toEqual({ second: 0, aligned: false });
    expect(secondForSameMoment(a, 5, { recordedAt: 'garbage', durationSec: 10 })).toEqual({ second: 0, aligned: false });
  });
  it('round-trips between overlapping clips (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3600 }), fc.integer({ min: -1800, max: 1800 }), (t, offset) => {
        const x = { recordedAt: '2026-01-01T00:00:00.000Z', durationSec: 7200 };
        const y = { recordedAt: new Date(Date.parse(x.recordedAt) + offset * 1000).toISOString(), durationSec: 7200 };
        const there = secondForSameMoment(x, t, y);
        if (!there.aligned) return;
        expect(secondForSameMoment(y, there.second, x).second).toBeCloseTo(t, 6);
      }),
    );
  });
});

describe('formatClock', () => {
  it.each([
    [0, '00:00'],
    [252, '04:12'],
    [3723, '1:02:03'],
    [59.9, '00:59'],
    [-3, '00:00'],
  ])('%s → %s', (s, out) => expect(formatClock(s)).toBe(out));
});
