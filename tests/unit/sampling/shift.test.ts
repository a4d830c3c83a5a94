import { describe, expect, it } from 'vitest';
import { shiftOf } from '../../../shared/sampling/shift';

describe('shiftOf', () => {
  it('splits the day at 07:00, 15:00 and 23:00', () => {
    const expected = [
      ...Array<string>(7).fill('night'), // 00–06
      ...Array<string>(8).fill('day'), // 07–14
      ...Array<string>(8).fill('late'), // 15–22
      'night', // 23
    ];
    expect(Array.from({ length: 24 }, (_, h) => shiftOf(h))).toEqual(expected);
  });

  it('throws a RangeError for anything but a whole hour 0..23', () => {
    for (const h of [-1, 24, 7.5, Number.NaN]) expect(() => shiftOf(h)).toThrow(RangeError);
  });
});
