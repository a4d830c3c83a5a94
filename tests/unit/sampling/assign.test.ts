import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createMt19937 } from '../../../shared/random/mt19937';
import { assignReviewers, type AssignInput } from '../../../shared/sampling/assign';

function assign(input: Omit<AssignInput, 'rng'>, seed = 1) {
  const r = assignReviewers({ ...input, rng: createMt19937([seed]) });
  if (!r.ok) throw new Error(r.error);
  return r.assignments;
}

function err(input: Omit<AssignInput, 'rng'>): string {
  const r = assignReviewers({ ...input, rng: createMt19937([1]) });
  if (r.ok) throw new Error('expected an error');
  return r.error;
}

function loads(assignments: { reviewerIds: string[] }[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const a of assignments) for (const r of a.reviewerIds) m.set(r, (m.get(r) ?? 0) + 1);
  return m;
}

const incidents = (n: number, officers: (i: number) => string[] = () => []) =>
  Array.from({ length: n }, (_, i) => ({ id: 100 + i, officers: officers(i) }));
const reviewers = (...ids: string[]) => ids.map((id) => ({ id, officerIds: [] as string[] }));

describe('assignReviewers', () => {
  it('double-assigns the first ceil(fraction·n) incidents in draw order for calibration', () => {
    const a = assign({ incidents: incidents(30), reviewers: reviewers('r1', 'r2', 'r3'), calibration: { fraction: 0.1 } });
    expect(a.map((x) => x.calibration)).toEqual([true, true, true, ...Array<boolean>(27).fill(false)]);
    for (const x of a) {
      expect(x.reviewerIds).toHaveLength(x.calibration ? 2 : 1);
      expect(new Set(x.reviewerIds).size).toBe(x.reviewerIds.length);
    }
    expect(a.map((x) => x.incidentId)).toEqual(incidents(30).map((i) => i.id));
    const calibrated = (n: number, fraction: number) =>
      assign({ incidents: incidents(n), reviewers: reviewers('a', 'b'), calibration: { fraction } }).filter(
        (x) => x.calibration,
      ).length;
    expect(calibrated(10, 0.25)).toBe(3);
    // 0.07 × 100 = 7.000000000000001 in floating point: still 7 incidents, not 8.
    expect(calibrated(100, 0.07)).toBe(7);
  });

  it('uses an exact calibration count when given one', () => {
    const a = assign({ incidents: incidents(10), reviewers: reviewers('a', 'b'), calibration: { count: 4 } });
    expect(a.filter((x) => x.calibration).map((x) => x.incidentId)).toEqual([100, 101, 102, 103]);
    const none = assign({ incidents: incidents(5), reviewers: reviewers('a'), calibration: {} });
    expect(none.every((x) => !x.calibration)).toBe(true);
  });

  it('keeps every reviewer within one incident of the others when nothing conflicts', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 80 }),
        fc.integer({ min: 2, max: 7 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.nat(),
        (n, r, fraction, seed) => {
          const ids = Array.from({ length: r }, (_, i) => `rev${i}`);
          const a = assign({ incidents: incidents(n), reviewers: reviewers(...ids), calibration: { fraction } }, seed);
          const counts = ids.map((id) => loads(a).get(id) ?? 0);
          expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
        },
      ),
    );
  });

  it('never gives reviewers an incident involving their own officer number, matched loosely', () => {
    const a = assign({
      incidents: incidents(40, (i) => (i % 2 === 0 ? ['AB123', 'CD9'] : ['EF7'])),
      reviewers: [
        { id: 'sgt-a', officerIds: [' ab123'] },
        { id: 'sgt-b', officerIds: ['ef7'] },
        { id: 'sgt-c', officerIds: [] },
      ],
      calibration: { count: 6 },
    });
    for (const x of a) {
      const even = (x.incidentId - 100) % 2 === 0;
      expect(x.reviewerIds).not.toContain(even ? 'sgt-a' : 'sgt-b');
    }
  });

  it('honours conflicts on random inputs', () => {
    const officer = fc.constantFrom('o1', 'o2', 'o3', 'o4', 'o5', 'o6');
    fc.assert(
      fc.property(
        fc.array(fc.array(officer, { maxLength: 2 }), { maxLength: 40 }),
        fc.array(fc.array(officer, { maxLength: 1 }), { minLength: 1, maxLength: 5 }),
        fc.nat(),
        (incidentOfficers, reviewerOfficers, seed) => {
          const input = {
            incidents: incidentOfficers.map((officers, i) => ({ id: i, officers })),
            reviewers: reviewerOfficers.map((officerIds, i) => ({ id: `r${i}`, officerIds })),
            calibration: { count: 0 },
            rng: createMt19937([seed]),
          };
          const r = assignReviewers(input);
          if (!r.ok) {
            expect(r.error).toMatch(/^Incident \d+ has no reviewer without a conflict of interest/);
            return;
          }
          for (const a of r.assignments) {
            const officers = input.incidents[a.incidentId]!.officers;
            const reviewer = input.reviewers.find((x) => x.id === a.reviewerIds[0])!;
            expect(reviewer.officerIds.some((o) => officers.includes(o))).toBe(false);
          }
        },
      ),
    );
  });

  it('is deterministic for a seed and independent of reviewer order', () => {
    const input = { incidents: incidents(25), reviewers: reviewers('c', 'a', 'b', 'd'), calibration: { fraction: 0.2 } };
    const first = assign(input, 9);
    expect(assign(input, 9)).toEqual(first);
    expect(assign({ ...input, reviewers: reviewers('d', 'b', 'a', 'c') }, 9)).toEqual(first);
  });

  it('names the incident when nobody can review it', () => {
    const base = { reviewers: [{ id: 'a', officerIds: ['X1'] }, { id: 'b', officerIds: [] }] };
    expect(err({ ...base, incidents: [{ id: 7, officers: ['X1'] }], calibration: { count: 1 } })).toBe(
      'Incident 7 needs 2 reviewers for calibration but 1 have no conflict of interest (its officers: X1)',
    );
    expect(err({ reviewers: [{ id: 'a', officerIds: ['X1'] }], incidents: [{ id: 8, officers: ['x1'] }], calibration: {} })).toBe(
      'Incident 8 has no reviewer without a conflict of interest (its officers: x1)',
    );
  });

  it('rejects malformed requests', () => {
    const base = { incidents: incidents(4), reviewers: reviewers('a', 'b') };
    expect(err({ ...base, reviewers: [], calibration: {} })).toMatch(/no reviewers/);
    expect(err({ ...base, reviewers: reviewers('a', 'a'), calibration: {} })).toMatch(/"a" is listed twice/);
    const twice = [
      { id: 1, officers: [] },
      { id: 1, officers: [] },
    ];
    expect(err({ ...base, incidents: twice, calibration: {} })).toMatch(/Incident 1 is listed twice/);
    expect(err({ ...base, calibration: { fraction: 0.5, count: 1 } })).toMatch(/not both/);
    expect(err({ ...base, calibration: { fraction: 1.5 } })).toMatch(/fraction 1.5/);
    expect(err({ ...base, calibration: { count: 5 } })).toMatch(/count 5 must be a whole number from 0 to the sample size \(4\)/);
  });
});
