import { describe, expect, it } from 'vitest';
import type { RoundRow } from '../../../electron/core/reports/read';
import { describe as describeValue, readAllocation, roundStatement } from '../../../electron/core/reports/statement';

/** A round row as the rounds feature stores it (electron/core/rounds/roundsRepo.ts insertRound). */
function row(over: Partial<RoundRow> = {}): RoundRow {
  return {
    id: 12,
    name: 'Central East — October 2026',
    status: 'drawn',
    filters: JSON.stringify({ bcu: 'Central East', from: '2026-10-01', to: '2026-10-31', categories: ['domestic abuse'], flags: [], teams: [], officers: [], includePreviouslySampled: false }),
    frame_size: 412,
    frame_hash: 'f'.repeat(64),
    size_spec: JSON.stringify({ method: 'confidence', confidence: 0.95, margin: 0.1 }),
    size_result: JSON.stringify({ n: 79, takeAll: false, explanation: 'n0 = 1.96² × 0.5 × 0.5 / 0.1² = 96.04; n = 79', n0: 96.04, z: 1.959964 }),
    n: 79,
    strata_fields: JSON.stringify(['team']),
    min_per_stratum: 2,
    allocation: JSON.stringify([
      { stratum: 'Team A', population: 300, sample: 57, weight: 300 / 57 },
      { stratum: 'Team B', population: 112, sample: 22, weight: 112 / 22 },
    ]),
    proportional: 1,
    algorithm_id: 'bwc-stratified-fy',
    algorithm_version: 1,
    prng: 'mt19937',
    seed: '8127364',
    seed_source: 'generated',
    calibration: JSON.stringify({ fraction: 0.1, count: null, incidents: 8 }),
    reviewers: JSON.stringify([{ id: 'sgt.one', officerIds: ['1234CE'] }, { id: 'sgt.two', officerIds: [] }]),
    rubric_id: 'child-focus',
    rubric_version: 1,
    drawn_by: 'lead.one',
    drawn_at: '2026-11-01T09:00:00.000Z',
    ...over,
  };
}

describe('a round statement for the method section', () => {
  it('reads every part of the stored statement', () => {
    const s = roundStatement(row(), 70, 79);
    expect(s.filters).toEqual([
      { label: 'bcu', value: 'Central East' },
      { label: 'from', value: '2026-10-01' },
      { label: 'to', value: '2026-10-31' },
      { label: 'categories', value: 'domestic abuse' },
      { label: 'flags', value: 'none' },
      { label: 'teams', value: 'none' },
      { label: 'officers', value: 'none' },
      { label: 'includePreviouslySampled', value: 'false' },
    ]);
    expect(s.sizeMethod).toBe('method: confidence; confidence: 0.95; margin: 0.1');
    expect(s.sizeExplanation).toBe('n0 = 1.96² × 0.5 × 0.5 / 0.1² = 96.04; n = 79');
    expect(s.strataFields).toEqual(['team']);
    expect(s.allocation).toEqual([
      { key: 'Team A', population: 300, sample: 57, weight: 300 / 57 },
      { key: 'Team B', population: 112, sample: 22, weight: 112 / 22 },
    ]);
    expect(s.algorithm).toBe('bwc-stratified-fy v1 (PRNG: mt19937)');
    expect(s.seed).toBe('8127364 (generated from a cryptographic source)');
    expect(s.calibration).toBe('fraction: 0.1; count: —; incidents: 8');
    expect(s).toMatchObject({ frameSize: 412, n: 79, minPerStratum: 2, proportional: true, incidentsInReport: 70, incidentsInRound: 79 });
  });

  it('accepts the key/N/n spelling of an allocation and works out a missing weight', () => {
    const allocation = readAllocation(row({ allocation: JSON.stringify([{ key: 'x', N: 10, n: 4 }, { key: 'y', N: 5, n: 0 }]) }));
    expect(allocation).toEqual([
      { key: 'x', population: 10, sample: 4, weight: 2.5 },
      { key: 'y', population: 5, sample: 0, weight: null },
    ]);
  });

  it('names the round and entry of an unreadable allocation', () => {
    expect(() => readAllocation(row({ allocation: '{' }))).toThrow(/round 12 \(Central East — October 2026\): its stored allocation is not a list/);
    expect(() => readAllocation(row({ allocation: JSON.stringify([{ stratum: 'A', population: -1, sample: 1 }]) }))).toThrow(
      /entry 1 \(A\) has no whole-number population and sample/,
    );
    expect(() => readAllocation(row({ allocation: JSON.stringify([{ population: 1, sample: 1 }]) }))).toThrow(/entry 1 has no stratum key/);
  });

  it('describes any stored value on one line', () => {
    expect(describeValue(null)).toBe('—');
    expect(describeValue([])).toBe('none');
    expect(describeValue({})).toBe('none');
    expect(describeValue({ a: [1, 2], b: { c: true } })).toBe('a: 1, 2; b: c: true');
    expect(roundStatement(row({ filters: '{}' }), 0, 0).filters).toEqual([{ label: 'filters', value: 'none (every incident in the library)' }]);
  });
});
