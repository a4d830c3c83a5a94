import { afterEach, describe, expect, it } from 'vitest';
import { checkDesign } from '../../../electron/core/rounds/design';
import { frameAggregateQuery, frameQuery, readFrame } from '../../../electron/core/rounds/frameRepo';
import { joinStratumParts, stratumPart } from '../../../electron/core/rounds/stratumKey';
import type { RoundDesignInput, StratumField } from '../../../shared/ipc/rounds';
import { frameIncidents } from '../../../shared/sampling/frame';
import { addIncident, addOctober, makeLibrary, type Library } from './library';

let lib: Library;
afterEach(() => lib?.db.close());

function design(d: Partial<RoundDesignInput>) {
  const r = checkDesign({ size: { method: 'fixed', n: 1 }, ...d });
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('; '));
  return r.value;
}

/** The frame one row at a time, each key spelled by stratumKey.ts: what readFrame must return. */
function rowByRow(d: ReturnType<typeof design>) {
  const q = frameQuery(d.filters, d.strata, Number.MAX_SAFE_INTEGER);
  const rows = lib.db.prepare(q.sql).raw().all(...q.params) as [number, ...(string | null)[]][];
  return rows.map(([id, ...values]) => ({ id, stratum: joinStratumParts(d.strata.map((f, i) => stratumPart(f, values[i] ?? null))) }));
}

const STRATA: StratumField[][] = [[], ['team'], ['shift'], ['category', 'officer'], ['team', 'shift', 'category', 'officer']];

describe('reading a frame', () => {
  it('gives, for every design, the frame a row-by-row read gives, in id order', () => {
    lib = makeLibrary();
    addOctober(lib.db, 120, ['Team B', 'Team A', 'Team C']);
    addIncident(lib.db, { team: null, startedAt: null, categories: [], officers: [] });
    addIncident(lib.db, { team: '  ', startedAt: '2026-10-25T00:30:00.000Z', categories: ['neglect'], officers: ['PC Ünal | 2'] });
    addIncident(lib.db, { bcu: 'North West', team: 'Team A' });
    for (const strata of STRATA) {
      for (const filters of [{}, { bcu: 'Central East', from: '2026-10-01', to: '2026-10-31' }, { categories: ['domestic abuse'] }]) {
        const d = design({ strata, filters: { ...filters, includePreviouslySampled: true } });
        const frame = readFrame(lib.db, d.filters, d.strata, Number.MAX_SAFE_INTEGER);
        expect(frameIncidents(frame), `${strata.join(',')} ${JSON.stringify(filters)}`).toEqual(rowByRow(d));
      }
    }
  });

  it('reads a team name holding the aggregate separator correctly (row by row)', () => {
    lib = makeLibrary();
    addOctober(lib.db, 30);
    const odd = addIncident(lib.db, { team: 'Team\x1fD' });
    const d = design({ strata: ['team'], filters: { includePreviouslySampled: true } });
    const frame = readFrame(lib.db, d.filters, d.strata, Number.MAX_SAFE_INTEGER);
    expect(frame.ids).toHaveLength(31);
    expect(frame.strata).toEqual(['Team\x1fD', 'Team A', 'Team B', 'Team C']);
    expect(frameIncidents(frame).find((f) => f.id === odd)).toEqual({ id: odd, stratum: 'Team\x1fD' });
    expect(frameIncidents(frame)).toEqual(rowByRow(d));
  });

  it('gives an empty frame when nothing matches', () => {
    lib = makeLibrary();
    addOctober(lib.db, 5);
    const d = design({ strata: ['team', 'shift'], filters: { bcu: 'Nowhere' } });
    expect(readFrame(lib.db, d.filters, d.strata, Number.MAX_SAFE_INTEGER)).toEqual({ ids: new Float64Array(0), strata: [], stratumOf: new Uint32Array(0) });
  });

  it('reads a whole-library team frame from the covering index, never the wide incident rows', () => {
    lib = makeLibrary();
    const d = design({ strata: ['team'], filters: { includePreviouslySampled: true } });
    const q = frameAggregateQuery(d.filters, d.strata, Number.MAX_SAFE_INTEGER);
    const plan = (lib.db.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...q.params) as { detail: string }[]).map((r) => r.detail).join('\n');
    expect(plan).toMatch(/SCAN i USING COVERING INDEX incidents_frame/);
  });
});
