import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalStrata, joinStratumParts, localHourOf, stratumPart } from '../../../electron/core/rounds/stratumKey';
import type { StratumField } from '../../../shared/ipc/rounds';
import { utcToLocal } from '../../../shared/time/london';

// The values the frame query reads for each field (shift from the start time).
type Values = Record<StratumField, string | null>;
const facts: Values = { team: 'Team A', shift: '2026-10-20T06:30:00.000Z', category: 'domestic abuse', officer: 'PC Patel' };
const stratumKey = (fields: readonly StratumField[], values: Values) => joinStratumParts(fields.map((f) => stratumPart(f, values[f])));

describe('stratum keys', () => {
  it('joins the chosen fields in canonical order with " | "', () => {
    expect(stratumKey(canonicalStrata(['officer', 'team']), facts)).toBe('Team A | PC Patel');
    expect(stratumKey(canonicalStrata(['category', 'shift', 'team', 'officer']), facts)).toBe('Team A | day | domestic abuse | PC Patel');
    expect(stratumKey(['team'], facts)).toBe('Team A');
    expect(stratumKey([], facts)).toBe('all');
  });

  it("names a missing value 'none'", () => {
    const none = { team: null, shift: null, category: null, officer: '  ' };
    expect(stratumKey(['team', 'shift', 'category', 'officer'], none)).toBe('none | none | none | none');
    // The aggregate frame read gives NULL as '': the same part for every field.
    for (const field of ['team', 'shift', 'category', 'officer'] as const) expect(stratumPart(field, '')).toBe(stratumPart(field, null));
  });

  it('takes the shift from the UK local hour, across the clock changes', () => {
    const shift = (startedAt: string) => stratumKey(['shift'], { ...facts, shift: startedAt });
    // 29 March 2026: BST from 01:00 UTC. 05:59 UTC is 06:59 BST (night); 06:00 UTC is 07:00 BST (day).
    expect(shift('2026-03-29T05:59:59.000Z')).toBe('night');
    expect(shift('2026-03-29T06:00:00.000Z')).toBe('day');
    // 25 October 2026: GMT again from 01:00 UTC. 13:59 UTC is 14:59 GMT (day); 14:00 UTC is late; 22:59 UTC late.
    expect(shift('2026-10-25T13:59:00.000Z')).toBe('day');
    expect(shift('2026-10-24T14:00:00.000Z')).toBe('late');
    expect(shift('2026-10-25T22:59:00.000Z')).toBe('late');
    expect(shift('2026-10-25T23:00:00.000Z')).toBe('night');
    expect(shift('not a time')).toBe('none');
  });

  it('reads the local hour exactly as the full London conversion does', () => {
    const instant = fc.date({ min: new Date('1996-01-01T00:00:00Z'), max: new Date('2100-12-31T23:59:59Z'), noInvalidDate: true });
    fc.assert(
      fc.property(instant, (d) => {
        const iso = d.toISOString();
        const full = utcToLocal(iso);
        expect(full.ok).toBe(true);
        expect(localHourOf(iso)).toBe(full.ok ? full.local.hh : null);
      }),
      { numRuns: 2000 },
    );
    // Other spellings of an instant go the slow way and agree too.
    expect(localHourOf('2026-07-01T12:00:00+01:00')).toBe(12);
    expect(localHourOf('1990-07-01T12:00:00.000Z')).toBeNull();
  });
});
