import { describe, expect, it } from 'vitest';
import { calibrationSummary, rankByDisagreement } from '../../../electron/core/calibration/summary';
import type { QuestionStats } from '../../../shared/ipc/calibration';
import { allItems, answers, childFocus, data, incident, pending, submitted } from './fixtures';

const rubric = childFocus();

function stat(number: number, alpha: number | null, percent: number | null): QuestionStats {
  const figure = (value: number | null) => ({ value, band: null, reason: value === null ? 'no variation' : null, units: 4, raters: 2, excludedUnits: 0 });
  return {
    key: `item:${number}`,
    kind: 'item',
    number,
    label: `Item ${number}`,
    text: '',
    level: 'ordinal',
    units: 4,
    raters: 2,
    compared: 4,
    disagreements: 0,
    figures: { percent: figure(percent), cohen: figure(null), fleiss: figure(null), krippendorff: figure(alpha), ac1: figure(null) },
    krippendorffInterval: null,
  };
}

describe('ranking items by disagreement', () => {
  it('puts the lowest alpha first, breaks ties on percent agreement then item number, and undefined alphas last', () => {
    const ranked = rankByDisagreement([stat(1, 0.9, 0.9), stat(2, null, 1), stat(3, 0.2, 0.6), stat(4, 0.2, 0.5), stat(5, -0.1, 0.4), stat(6, 0.2, 0.5)]);
    expect(ranked.map((s) => s.number)).toEqual([5, 4, 6, 3, 1, 2]);
  });
});

describe('calibration summary of a round', () => {
  // Items 1–8 always agree; item 9 splits on every incident; overall agrees.
  const spec = (reviewer: 'ash' | 'bell', k: number) => {
    const items = allItems(rubric, k % 2 === 0 ? 'yes' : 'no');
    items['9'] = reviewer === 'ash' ? 'no' : 'yes';
    return answers(rubric, { items, overall: k % 2 === 0 ? 'good' : 'inadequate' });
  };
  const incidents = [1, 2, 3, 4].map((k) => incident(k, [submitted('ash', spec('ash', k)), submitted('bell', spec('bell', k))]));
  incidents.push(incident(5, [submitted('ash', spec('ash', 5)), pending('bell', 'draft')]));
  incidents.push(incident(6, [pending('ash', 'not_started'), pending('bell', 'not_started')]));
  const d = data(rubric, incidents, { ash: 'Sgt Ash', bell: 'Sgt Bell' });
  d.excluded.push({ incidentId: 6, reviewerId: 'carr', reason: 'made with rubric child-focus v2, not the round\'s child-focus v1' });
  const s = calibrationSummary(d, 'none');

  it('counts calibration incidents, double-scored ones and reviewers', () => {
    expect(s.incidents).toEqual({ calibration: 6, doubleScored: 4 });
    expect(s.reviewers).toBe(2);
    expect(s.round).toEqual({ id: 1, name: 'October 2026', status: 'drawn', rubricId: 'child-focus', rubricVersion: 1 });
    expect(s.excludedReviews).toHaveLength(1);
  });

  it('ranks the split item first, with its band in words, and the single-review incident counted then excluded', () => {
    const top = s.items[0]!;
    expect(top.number).toBe(9);
    expect(top.figures.krippendorff.band).toBe('unreliable');
    expect(top.figures.percent.value).toBe(0);
    expect(top).toMatchObject({ units: 5, raters: 2, compared: 4, disagreements: 4 });
    expect(top.figures.krippendorff.excludedUnits).toBe(1);
    expect(s.items[1]!.figures.krippendorff.value).toBe(1);
    expect(s.items[1]!.figures.krippendorff.band).toBe('reliable');
    expect(s.items).toHaveLength(17);
  });

  it('reports scope (undefined: every answer yes, and says so), the overall judgement and all items pooled', () => {
    expect(s.scope.figures.krippendorff.value).toBeNull();
    expect(s.scope.figures.krippendorff.reason).toMatch(/no variation/);
    expect(s.overall.figures.krippendorff.value).toBe(1);
    expect(s.allItems.units).toBe(5 * 17);
    expect(s.allItems.figures.percent.value).toBeCloseTo(16 / 17, 10);
  });

  it('lists each reviewer with their deviation', () => {
    // Only item 9 differs: ash is 2 steps lower on 4 of the 4 × 17 = 68 answers compared → −8/68 ≈ −0.118 steps.
    expect(s.deviation.map((r) => [r.displayName, r.items.direction, r.overall.direction])).toEqual([
      ['Sgt Ash', 'harsher', 'in line'],
      ['Sgt Bell', 'more lenient', 'in line'],
    ]);
    expect(s.deviation[0]!.items.difference).toBeCloseTo(-8 / 68, 10);
    expect(s.deviation[0]!.items.n).toBe(68);
    expect(s.deviation[0]!.incidents).toBe(4);
  });
});
