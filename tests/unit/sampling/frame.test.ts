import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { frameColumnsProblem, frameFromIncidents, frameIncidents, stratumPopulations, type FrameColumns } from '../../../shared/sampling/frame';

const frame = (ids: number[], strata: string[], stratumOf: number[]): FrameColumns => ({
  ids: Float64Array.from(ids),
  strata,
  stratumOf: Uint32Array.from(stratumOf),
});

describe('frames in column form', () => {
  it('are built from incidents in any order: ids ascending, strata in key order, each id with its own stratum', () => {
    const f = frameFromIncidents([
      { id: 30, stratum: 'b' },
      { id: 4, stratum: 'a' },
      { id: 12, stratum: 'B' },
      { id: 7, stratum: 'b' },
    ]);
    expect(f).toEqual(frame([4, 7, 12, 30], ['B', 'a', 'b'], [1, 2, 0, 2]));
    expect(frameColumnsProblem(f as FrameColumns)).toBeNull();
    expect(stratumPopulations(f as FrameColumns)).toEqual([
      { key: 'B', population: 1 },
      { key: 'a', population: 1 },
      { key: 'b', population: 2 },
    ]);
  });

  it('round-trip any valid incidents, and always satisfy their own invariants', () => {
    const incidents = fc
      .uniqueArray(fc.nat({ max: 10_000 }), { maxLength: 200 })
      .chain((ids) => fc.tuple(fc.constant(ids), fc.array(fc.string({ maxLength: 3 }), { minLength: ids.length, maxLength: ids.length })))
      .map(([ids, strata]) => ids.map((id, i) => ({ id, stratum: strata[i]! })));
    fc.assert(
      fc.property(incidents, (list) => {
        const f = frameFromIncidents(list);
        if (typeof f === 'string') throw new Error(f);
        expect(frameColumnsProblem(f)).toBeNull();
        expect(frameIncidents(f)).toEqual([...list].sort((a, b) => a.id - b.id));
        expect(stratumPopulations(f).reduce((n, s) => n + s.population, 0)).toBe(list.length);
      }),
    );
  });

  it('refuse incidents the draw could not use, naming the entry', () => {
    expect(frameFromIncidents([{ id: 1, stratum: 'a' }, { id: -2, stratum: 'a' }])).toMatch(/Frame entry 2 has id -2/);
    expect(frameFromIncidents([{ id: 1, stratum: 3 as unknown as string }])).toMatch(/Incident 1 has no stratum/);
    expect(frameFromIncidents([{ id: 8, stratum: 'a' }, { id: 8, stratum: 'a' }])).toMatch(/Incident 8 appears twice/);
    expect(frameFromIncidents({} as never)).toMatch(/not a list/);
  });

  it('name what breaks the column invariants', () => {
    expect(frameColumnsProblem(frame([1, 5, 5], ['a'], [0, 0, 0]))).toMatch(/Incident 5 appears twice/);
    expect(frameColumnsProblem(frame([1, 5, 3], ['a'], [0, 0, 0]))).toMatch(/entry 3 \(id 3\) is out of ascending id order/);
    expect(frameColumnsProblem(frame([1, 2.5], ['a'], [0, 0]))).toMatch(/entry 2 has id 2.5/);
    expect(frameColumnsProblem(frame([1, 2], ['a'], [0, 1]))).toMatch(/Incident 2 names stratum 2 of 1/);
    expect(frameColumnsProblem(frame([1, 2], ['b', 'a'], [0, 1]))).toMatch(/not in ascending key order at "a"/);
    expect(frameColumnsProblem(frame([1, 2], ['a', 'a'], [0, 1]))).toMatch(/not in ascending key order/);
    expect(frameColumnsProblem(frame([1, 2], ['a', 'b', 'c'], [0, 2]))).toMatch(/Stratum "b" is listed for the frame but has no incidents/);
    expect(frameColumnsProblem(frame([1, 2], ['a'], [0]))).toMatch(/2 ids but 1 stratum indexes/);
    expect(frameColumnsProblem({ ids: [1], strata: ['a'], stratumOf: [0] } as never)).toMatch(/not in column form/);
    expect(frameColumnsProblem(frame([], [], []))).toBeNull();
  });
});
