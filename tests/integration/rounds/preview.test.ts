import { afterEach, describe, expect, it } from 'vitest';
import { createRound } from '../../../electron/core/rounds/create';
import { previewRound } from '../../../electron/core/rounds/preview';
import { addOctober, counts, makeLibrary, RESOURCES, type Library } from './library';

let lib: Library;
afterEach(() => lib?.db.close());

const design = {
  filters: { bcu: 'Central East', from: '2026-10-01', to: '2026-10-31' },
  size: { method: 'confidence', confidence: 0.95, margin: 0.1 },
  strata: ['team'],
};

describe('previewing a round design', () => {
  it('gives the frame size, n with its reasons and the allocation the draw will use, writing nothing', () => {
    lib = makeLibrary();
    addOctober(lib.db, 300);
    const before = counts(lib.db);
    const p = previewRound(lib.db, design);
    expect(p.problems).toEqual([]);
    expect(p.frameSize).toBe(300);
    expect(p.size).toMatchObject({ n: 73, takeAll: false });
    expect(p.size!.n0).toBeCloseTo(96.0365, 3);
    expect(p.allocation).toEqual([
      { stratum: 'Team A', population: 100, sample: 25, weight: 4 },
      { stratum: 'Team B', population: 100, sample: 24, weight: 100 / 24 },
      { stratum: 'Team C', population: 100, sample: 24, weight: 100 / 24 },
    ]);
    expect(counts(lib.db)).toEqual(before);
    const drawn = createRound(lib.db, { ...design, name: 'x', seed: '1' }, { actor: 'a', resourcesDir: RESOURCES });
    expect(drawn.statement.allocation).toEqual(p.allocation);
  });

  it('still counts the frame while the size is incomplete, and names the field', () => {
    lib = makeLibrary();
    addOctober(lib.db, 30);
    const p = previewRound(lib.db, { ...design, size: { method: 'confidence', confidence: 0.95 } });
    expect(p.frameSize).toBe(30);
    expect(p.size).toBeNull();
    expect(p.problems).toEqual([{ field: 'size.margin', message: 'Margin of error is needed for the confidence method' }]);
  });

  it('reports each problem against its field', () => {
    lib = makeLibrary();
    addOctober(lib.db, 30);
    const fields = (d: unknown) => previewRound(lib.db, d).problems.map((p) => p.field);
    expect(fields({ ...design, filters: { from: '2026-10-31', to: '2026-10-01' } })).toEqual(['filters.to']);
    expect(fields({ ...design, filters: { bcu: 'Nowhere' } })).toEqual(['filters']);
    expect(fields({ ...design, size: { method: 'fixed', n: 31 } })).toEqual(['size.n']);
    expect(fields({ ...design, strata: ['team', 'mood'] })).toEqual(['strata']);
    expect(fields({ ...design, minPerStratum: -1 })).toEqual(['minPerStratum']);
    expect(fields({ ...design, size: { method: 'fixed', n: 2 }, minPerStratum: 1 })).toEqual(['minPerStratum']);
    const dates = previewRound(lib.db, { ...design, filters: { from: 'October' } });
    expect(dates.frameSize).toBeNull();
  });
});
