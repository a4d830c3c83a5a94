import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignTableIds, ClipTableBuilder, groupKey, groupSource, groupTable, type ClipTable } from '../../../electron/core/library/clipTable';
import { assignIncidentIds, groupClips, type ClipFacts } from '../../../electron/core/library/group';

const T0 = Date.parse('2026-10-24T01:00:00Z');
const MIN = 60_000;
const REFS = ['CAD 1/01OCT26', 'CAD 2/01OCT26', 'CAD 3/01OCT26', 'CRIS 1234567/26', 'CRIS 7654321/26', 'CAD 10/01OCT26'];
const TEAMS = ['B', 'A', 'a', 'C-2'];

interface Clip extends ClipFacts {
  incident: number | null;
}

/**
 * Clips with gaps in their ids, references in any order (and repeated), teams, times on a 5-minute grid (so gaps equal
 * to N minutes occur), current incidents.
 */
const arbClips = fc
  .array(
    fc.record({
      gap: fc.integer({ min: 1, max: 3 }),
      refs: fc.oneof(fc.constant([]), fc.array(fc.constantFrom(...REFS), { maxLength: 3 })),
      team: fc.option(fc.constantFrom(...TEAMS), { nil: null }),
      start: fc.option(fc.integer({ min: 0, max: 36 }).map((n) => n * 5), { nil: null }),
      length: fc.option(fc.integer({ min: -1, max: 8 }).map((n) => n * 5), { nil: null }),
      incident: fc.option(fc.integer({ min: 1, max: 8 }), { nil: null }),
      pooled: fc.boolean(),
    }),
    { maxLength: 50, size: 'medium' },
  )
  .map((rows) => {
    let id = 0;
    return rows.map((r) => {
      id += r.gap;
      const startMs = r.start === null ? null : T0 + r.start * MIN;
      const clip: Clip = {
        id, refs: r.refs, team: r.team, bcu: null, officer: null, officerId: null, categories: [], flags: [], startMs,
        endMs: startMs === null || r.length === null ? null : startMs + r.length * MIN, missing: false, playable: true,
        incident: r.incident,
      };
      return { clip, pooled: r.pooled };
    });
  });

function tableOf(clips: readonly Clip[]): ClipTable {
  const b = new ClipTableBuilder();
  for (const c of clips) b.add(c, JSON.stringify(c.refs), () => c.refs);
  return b.finish();
}

/** groupClips takes each clip's references sorted and distinct, as the library reads them. */
const asFacts = (c: Clip): ClipFacts => ({ ...c, refs: [...new Set(c.refs)].sort() });

describe('the compact clip table', () => {
  it('groups a subset of the library exactly as groupClips does, and keeps the ids assignIncidentIds gives', () => {
    fc.assert(
      fc.property(arbClips, fc.option(fc.constantFrom(0, 5, 10, 15, 30), { nil: null }), (rows, prox) => {
        const clips = rows.map((r) => r.clip);
        const t = tableOf(clips);
        const pool = Int32Array.from(rows.flatMap((r, i) => (r.pooled ? [i] : [])));
        const pooled = rows.filter((r) => r.pooled).map((r) => asFacts(r.clip));
        const expected = groupClips(pooled, prox);
        const g = groupTable(t, pool, prox);
        const got = Array.from({ length: g.count }, (_, at) => ({
          key: groupKey(t, g, at),
          source: groupSource(g, at),
          clipIds: Array.from(g.members.subarray(g.start[at]!, g.start[at + 1]!), (i) => t.id[i]!),
        }));
        expect(got).toEqual(expected);
        const current = new Map(rows.filter((r) => r.pooled && r.clip.incident !== null).map((r) => [r.clip.id, r.clip.incident!] as const));
        expect(Array.from(assignTableIds(t, g), (id) => (id === 0 ? null : id))).toEqual(assignIncidentIds(expected, current));
      }),
      { numRuns: 500 },
    );
  });

  it('interns reference lists and teams in string order, and refuses clips out of id order', () => {
    const b = new ClipTableBuilder();
    const clip = (id: number, team: string | null) => ({ id, incident: null, team, startMs: null, endMs: null });
    b.add(clip(1, 'b'), 'x', () => ['CRIS 1234567/26', 'CAD 1/01OCT26', 'CAD 1/01OCT26']);
    b.add(clip(2, 'a'), 'y', () => ['CAD 10/01OCT26']);
    b.add(clip(5, null), 'x', () => {
      throw new Error('a list seen before is not read again');
    });
    b.add(clip(7, 'b'), '[]', () => []);
    expect(() => b.add(clip(7, null), '[]', () => [])).toThrow(/ascending id order/);
    const t = b.finish();
    expect(t.refNames).toEqual(['CAD 1/01OCT26', 'CAD 10/01OCT26', 'CRIS 1234567/26']);
    expect(Array.from(t.list)).toEqual([1, 2, 1, 0]);
    expect(Array.from(t.listRefs.subarray(t.listStart[1]!, t.listStart[2]!))).toEqual([0, 2]);
    expect(Array.from(t.team)).toEqual([1, 0, -1, 1]);
    expect(Array.from(t.id)).toEqual([1, 2, 5, 7]);
    expect(t.count).toBe(4);
  });
});
