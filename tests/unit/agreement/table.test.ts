import { describe, expect, it } from 'vitest';
import { definedStatistic, pairableUnits, tableFromRecords } from '../../../shared/agreement/table';
import { tableFromRows } from './tables';

describe('tableFromRecords', () => {
  it('builds the grid in first-appearance order, with null for absent ratings', () => {
    const built = tableFromRecords([
      { unit: 'clip-2', rater: 'Ann', value: 'yes' },
      { unit: 'clip-1', rater: 'Bob', value: 'no' },
      { unit: 'clip-2', rater: 'Bob', value: null },
    ]);
    expect(built).toEqual({
      ok: true,
      table: {
        units: ['clip-2', 'clip-1'],
        raters: ['Ann', 'Bob'],
        values: [
          ['yes', null],
          [null, 'no'],
        ],
      },
    });
  });

  it('reports every repeated unit/rater pair with both record indexes, blank ratings included', () => {
    const built = tableFromRecords([
      { unit: 'u', rater: 'A', value: 1 },
      { unit: 'u', rater: 'B', value: 2 },
      { unit: 'u', rater: 'A', value: null },
      { unit: 'u', rater: 'A', value: 3 },
    ]);
    expect(built).toEqual({
      ok: false,
      duplicates: [
        { unit: 'u', rater: 'A', firstIndex: 0, secondIndex: 2 },
        { unit: 'u', rater: 'A', firstIndex: 0, secondIndex: 3 },
      ],
    });
  });

  it('gives an empty table for no records', () => {
    expect(tableFromRecords([])).toEqual({ ok: true, table: { units: [], raters: [], values: [] } });
  });
});

describe('pairableUnits', () => {
  it('keeps units with two or more ratings and counts the rest, the raters and the ratings used', () => {
    const p = pairableUnits(tableFromRows([[1, 1, null], [null, 2, null], [3, null, 4], [null, null, null]]));
    expect(p.units.map((u) => [u.unitIndex, u.values, u.raterIndexes])).toEqual([
      [0, [1, 1], [0, 1]],
      [2, [3, 4], [0, 2]],
    ]);
    expect(p).toMatchObject({ excludedUnits: 2, raters: 3, pairable: 4 });
  });

  it('reads a row shorter than the rater list as missing ratings', () => {
    const p = pairableUnits({ units: ['a', 'b'], raters: ['x', 'y', 'z'], values: [[1, 2]] });
    expect(p.units).toHaveLength(1);
    expect(p.excludedUnits).toBe(1);
  });
});

describe('definedStatistic', () => {
  it('turns a non-finite figure into an explained null', () => {
    const s = definedStatistic(Number.NaN, { units: 3, raters: 2, excludedUnits: 0 });
    expect(s).toMatchObject({ value: null, units: 3, raters: 2 });
    expect(s.value === null && s.reason).toMatch(/overflow/);
  });
});
