import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deviationFigure, direction, reviewerDeviations } from '../../../electron/core/calibration/deviation';
import { roundTables } from '../../../electron/core/calibration/tables';
import type { RatingTable } from '../../../shared/agreement/table';
import { allItems, answers, childFocus, data, incident, submitted } from './fixtures';

const rubric = childFocus();

describe('reviewer deviation', () => {
  it('names the reviewer who answers a step lower harsher, and the other more lenient, in steps with n', () => {
    const d = data(
      rubric,
      [
        incident(1, [
          submitted('ash', answers(rubric, { items: allItems(rubric, 'partly'), overall: 'requires_improvement' })),
          submitted('bell', answers(rubric, { items: allItems(rubric, 'yes'), overall: 'good' })),
        ]),
        incident(2, [
          submitted('ash', answers(rubric, { items: allItems(rubric, 'no'), overall: 'inadequate' })),
          submitted('bell', answers(rubric, { items: allItems(rubric, 'partly'), overall: 'inadequate' })),
        ]),
      ],
      { ash: 'Sgt Ash', bell: 'Sgt Bell' },
    );
    const [ash, bell] = reviewerDeviations(d, roundTables(d));
    expect(ash).toMatchObject({ reviewerId: 'ash', displayName: 'Sgt Ash', incidents: 2 });
    expect(ash!.items).toEqual({ n: 34, reviewerMean: 1.5, othersMean: 2.5, difference: -1, direction: 'harsher' });
    expect(bell!.items).toEqual({ n: 34, reviewerMean: 2.5, othersMean: 1.5, difference: 1, direction: 'more lenient' });
    // Overall: ash 2 and 1 against bell 3 and 1 → −0.5 on n = 2.
    expect(ash!.overall).toEqual({ n: 2, reviewerMean: 1.5, othersMean: 2, difference: -0.5, direction: 'harsher' });
  });

  it("averages the others on each unit first, and skips units with no other usable answer", () => {
    // Unit 1: me 3, others 1 and 2 (mean 1.5). Unit 2: me 1, other missing → skipped. Unit 3: me 2, other 2.
    const table: RatingTable<number> = {
      units: ['1', '2', '3'],
      raters: ['me', 'x', 'y'],
      values: [
        [3, 1, 2],
        [1, null, null],
        [2, 2, null],
      ],
    };
    expect(deviationFigure([table], 'me')).toEqual({ n: 2, reviewerMean: 2.5, othersMean: 1.75, difference: 0.75, direction: 'more lenient' });
    expect(deviationFigure([table], 'nobody')).toEqual({ n: 0, reviewerMean: null, othersMean: null, difference: null, direction: null });
  });

  it('calls differences under a tenth of a step "in line"', () => {
    expect(direction(0)).toBe('in line');
    expect(direction(-0.099)).toBe('in line');
    expect(direction(-0.1)).toBe('harsher');
    expect(direction(0.1)).toBe('more lenient');
  });

  it('between two reviewers on the same units, one deviation is the negative of the other (property)', () => {
    const score = fc.option(fc.integer({ min: 1, max: 3 }), { nil: null });
    fc.assert(
      fc.property(fc.array(fc.tuple(score, score), { minLength: 1, maxLength: 40 }), (pairs) => {
        const table: RatingTable<number> = { units: pairs.map((_, i) => String(i)), raters: ['a', 'b'], values: pairs.map(([a, b]) => [a, b]) };
        const a = deviationFigure([table], 'a');
        const b = deviationFigure([table], 'b');
        expect(a.n).toBe(b.n);
        expect(a.n).toBe(pairs.filter(([x, y]) => x !== null && y !== null).length);
        if (a.difference === null) expect(b.difference).toBeNull();
        else expect(a.difference + b.difference!).toBeCloseTo(0, 12);
      }),
    );
  });
});
