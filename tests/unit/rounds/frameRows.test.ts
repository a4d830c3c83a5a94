import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { frameFromJoined, frameFromRows } from '../../../electron/core/rounds/frameRows';
import { joinStratumParts, stratumPart } from '../../../electron/core/rounds/stratumKey';
import type { StratumField } from '../../../shared/ipc/rounds';
import { frameIncidents } from '../../../shared/sampling/frame';

type Row = [number, ...(string | null)[]];

/** What the frame must be: each row's key from stratumKey.ts, sorted by id. */
function expected(fields: readonly StratumField[], rows: Row[]) {
  return [...rows]
    .sort((a, b) => a[0] - b[0])
    .map(([id, ...values]) => ({ id, stratum: joinStratumParts(fields.map((f, i) => stratumPart(f, values[i] ?? null))) }));
}

/** The aggregate query's row for the same rows: ids comma-joined, each field's values (NULL as '') joined by U+001F. */
function joined(fields: readonly StratumField[], rows: Row[]) {
  return frameFromJoined(
    fields,
    rows.length,
    rows.map((r) => r[0]).join(','),
    fields.map((_, f) => rows.map((r) => r[f + 1] ?? '').join('\x1f')),
  );
}

const FIELDS: StratumField[][] = [[], ['team'], ['shift'], ['team', 'shift'], ['team', 'shift', 'category', 'officer']];
const value = fc.constantFrom(null, '', '  ', 'Team A', 'Team B', 'A | B', 'none', '2026-03-29T00:59:59.000Z', '2026-03-29T01:00:00.000Z', '2026-07-01T14:30:00+01:00', 'x');

describe('frames from what SQLite returns', () => {
  it('give every incident the key stratumKey.ts spells, in id order, read joined or row by row', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...FIELDS),
        fc.uniqueArray(fc.nat({ max: 100_000 }), { maxLength: 60 }),
        fc.array(fc.array(value, { minLength: 4, maxLength: 4 }), { minLength: 60, maxLength: 60 }),
        (fields, ids, values) => {
          const rows = ids.map((id, i) => [id, ...values[i]!.slice(0, fields.length)] as Row);
          const want = expected(fields, rows);
          expect(frameIncidents(frameFromRows(fields, rows))).toEqual(want);
          const viaJoined = joined(fields, rows);
          expect(viaJoined && frameIncidents(viaJoined)).toEqual(want);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('count strata by key, so different values that spell the same key are one stratum', () => {
    // Team 'A | B' with category 'C', and team 'A' with category 'B | C': both spell 'A | B | C'.
    const rows: Row[] = [
      [3, 'A | B', 'C'],
      [1, 'A', 'B | C'],
      [2, 'Z', null],
    ];
    const f = frameFromRows(['team', 'category'], rows);
    expect(f.strata).toEqual(['A | B | C', 'Z | none']);
    expect(Array.from(f.ids)).toEqual([1, 2, 3]);
    expect(Array.from(f.stratumOf)).toEqual([0, 1, 0]);
  });

  it('refuse joined text that does not split into exactly one piece per incident', () => {
    // A value holding the separator makes an extra piece: the caller must read row by row.
    expect(frameFromJoined(['team'], 2, '1,2', ['Team\x1fA\x1fTeam B'])).toBeNull();
    expect(frameFromJoined(['team'], 3, '1,2,3', ['A\x1fB'])).toBeNull();
    expect(frameFromJoined([], 2, '1,2,3', [])).toBeNull();
    expect(frameFromJoined([], 2, '1,,2', [])).toBeNull();
    expect(frameFromJoined([], 1, '1x', [])).toBeNull();
    expect(frameFromJoined([], 0, '', [])).toEqual({ ids: new Float64Array(0), strata: [], stratumOf: new Uint32Array(0) });
    expect(frameFromJoined(['team'], 1, '7', [''])).toEqual({ ids: Float64Array.of(7), strata: ['none'], stratumOf: Uint32Array.of(0) });
  });
});
