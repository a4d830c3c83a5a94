import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignIncidentIds, deriveIncident, groupClips, type ClipFacts } from '../../../electron/core/library/group';

const T0 = Date.parse('2026-10-24T01:00:00Z');
const MIN = 60_000;

function clip(id: number, over: Partial<ClipFacts> = {}): ClipFacts {
  return {
    id, refs: [], team: null, bcu: null, officer: null, officerId: null, categories: [], flags: [],
    startMs: null, endMs: null, missing: false, playable: true, ...over,
  };
}

const REFS = ['CAD 1/01OCT26', 'CAD 2/01OCT26', 'CAD 3/01OCT26', 'CRIS 1234567/26', 'CRIS 7654321/26'];
const arbClips = fc
  .array(fc.subarray(REFS, { maxLength: 2 }), { maxLength: 40 })
  .map((refLists) => refLists.map((refs, i) => clip(i + 1, { refs })));

describe('groupClips', () => {
  it('puts every clip in exactly one group', () => {
    fc.assert(
      fc.property(arbClips, fc.option(fc.integer({ min: 0, max: 120 })), (clips, prox) => {
        const ids = groupClips(clips, prox).flatMap((g) => g.clipIds);
        expect(ids.sort((a, b) => a - b)).toEqual(clips.map((c) => c.id));
      }),
    );
  });

  it('groups clips that share a reference, and never joins groups that share none', () => {
    fc.assert(
      fc.property(arbClips, (clips) => {
        const groups = groupClips(clips, null);
        const groupOf = new Map(groups.flatMap((g, i) => g.clipIds.map((id) => [id, i] as const)));
        for (const a of clips) for (const b of clips) {
          if (a.refs.some((r) => b.refs.includes(r))) expect(groupOf.get(a.id)).toBe(groupOf.get(b.id));
        }
        const refsOf = groups.map((g) => new Set(g.clipIds.flatMap((id) => clips[id - 1]!.refs)));
        for (let i = 0; i < refsOf.length; i++) for (let j = i + 1; j < refsOf.length; j++) {
          for (const r of refsOf[i]!) expect(refsOf[j]!.has(r)).toBe(false);
        }
      }),
    );
  });

  it('gives the same groups whatever the order of its input', () => {
    fc.assert(
      fc.property(arbClips.chain((clips) => fc.tuple(fc.constant(clips), fc.shuffledSubarray(clips, { minLength: clips.length, maxLength: clips.length }))), fc.option(fc.integer({ min: 0, max: 60 })), ([clips, shuffled], prox) => {
        expect(groupClips(shuffled, prox)).toEqual(groupClips(clips, prox));
      }),
    );
  });

  it('chains references transitively and names the group by its smallest reference', () => {
    const groups = groupClips([clip(1, { refs: ['CAD 2/01OCT26'] }), clip(2, { refs: ['CAD 2/01OCT26', 'CRIS 1234567/26'] }), clip(3, { refs: ['CRIS 1234567/26'] }), clip(4)], null);
    expect(groups).toEqual([
      { key: 'ref:CAD 2/01OCT26', source: 'reference', clipIds: [1, 2, 3] },
      { key: 'clip:4', source: 'single', clipIds: [4] },
    ]);
  });

  it('keeps clips without a reference single unless the proximity rule is on', () => {
    const clips = [
      clip(1, { team: 'A', startMs: T0, endMs: T0 + 5 * MIN }),
      clip(2, { team: 'A', startMs: T0 + 12 * MIN, endMs: T0 + 14 * MIN }),
      clip(3, { team: 'A', startMs: T0 + 40 * MIN }),
      clip(4, { team: 'B', startMs: T0 + 1 * MIN }),
      clip(5, { team: null, startMs: T0 }),
    ];
    expect(groupClips(clips, null).every((g) => g.source === 'single' && g.clipIds.length === 1)).toBe(true);
    // Within 10 minutes of the previous clip's end (12 - 5 = 7): chained; 40 - 14 = 26: not; other team: never.
    expect(groupClips(clips, 10).map((g) => g.clipIds)).toEqual([[1, 2], [3], [4], [5]]);
    expect(groupClips(clips, 10)[0]!.source).toBe('proximity');
    // Overlap only (N = 0): 12 > 5, so nothing chains.
    expect(groupClips(clips, 0).map((g) => g.clipIds.length)).toEqual([1, 1, 1, 1, 1]);
  });
});

describe('assignIncidentIds', () => {
  it('gives every group identical to an existing incident that incident id (stable re-grouping)', () => {
    fc.assert(
      fc.property(arbClips, fc.integer({ min: 1, max: 1000 }), (clips, base) => {
        const groups = groupClips(clips, null);
        // Existing incidents exactly as the grouping: incident ids in any order.
        const current = new Map(groups.flatMap((g, i) => g.clipIds.map((id) => [id, base + groups.length - i] as const)));
        const ids = assignIncidentIds(groups, current);
        groups.forEach((g, i) => expect(ids[i]).toBe(current.get(g.clipIds[0]!)));
      }),
    );
  });

  it('never hands one incident id to two groups, and only ids the clips already had', () => {
    fc.assert(
      fc.property(arbClips, fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 40, maxLength: 40 }), (clips, incidentOf) => {
        const groups = groupClips(clips, null);
        const current = new Map(clips.map((c, i) => [c.id, incidentOf[i]!] as const));
        const ids = assignIncidentIds(groups, current).filter((x): x is number => x !== null);
        expect(new Set(ids).size).toBe(ids.length);
        for (const id of ids) expect([...current.values()]).toContain(id);
      }),
    );
  });

  it('settles every (group, incident) pair greedily, most clips in common first (reference implementation)', () => {
    // The rule written the plain way: all pairs, sorted by votes, then incident id, then group key.
    const reference = (groups: { key: string; clipIds: number[] }[], current: Map<number, number>) => {
      const pairs = groups.flatMap((g, i) => {
        const votes = new Map<number, number>();
        for (const id of g.clipIds) if (current.has(id)) votes.set(current.get(id)!, (votes.get(current.get(id)!) ?? 0) + 1);
        return [...votes].map(([incident, n]) => ({ i, incident, n }));
      });
      pairs.sort((a, b) => b.n - a.n || a.incident - b.incident || (groups[a.i]!.key < groups[b.i]!.key ? -1 : 1));
      const out: (number | null)[] = groups.map(() => null);
      const taken = new Set<number>();
      for (const p of pairs) {
        if (out[p.i] !== null || taken.has(p.incident)) continue;
        out[p.i] = p.incident;
        taken.add(p.incident);
      }
      return out;
    };
    fc.assert(
      fc.property(arbClips, fc.array(fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }), { minLength: 40, maxLength: 40 }), (clips, incidentOf) => {
        const groups = groupClips(clips, null);
        const current = new Map<number, number>();
        clips.forEach((c, i) => {
          if (incidentOf[i] !== undefined) current.set(c.id, incidentOf[i]!);
        });
        expect(assignIncidentIds(groups, current)).toEqual(reference(groups, current));
      }),
      { numRuns: 500 },
    );
  });

  it('lets the group holding most of an incident keep it when the incident is split', () => {
    // Incident 7 held clips 1-3; clip 3 now joins clips 4-5 (incident 9) by a new reference.
    const current = new Map([[1, 7], [2, 7], [3, 7], [4, 9], [5, 9]]);
    const ids = assignIncidentIds([{ key: 'a', clipIds: [1, 2] }, { key: 'b', clipIds: [3, 4, 5] }], current);
    expect(ids).toEqual([7, 9]);
    expect(assignIncidentIds([{ key: 'x', clipIds: [6] }], current)).toEqual([null]);
  });
});

describe('deriveIncident', () => {
  it('unions references, officers, categories and flags, and takes the commonest BCU and team', () => {
    const d = deriveIncident([
      clip(1, { refs: ['CAD 2/01OCT26'], team: 'CE-ERT-A', bcu: 'Central East', officer: 'PC 1', officerId: '1', categories: ['Domestic Abuse'], flags: ['domestic-abuse'], startMs: T0 + MIN, endMs: T0 + 3 * MIN }),
      clip(2, { refs: ['CAD 1/01OCT26'], team: 'CE-ERT-B', officer: 'PC 2', officerId: '2', categories: ['Child Present'], flags: ['child-present'], startMs: T0, endMs: T0 + 2 * MIN, missing: true }),
      clip(3, { team: 'CE-ERT-B', officer: 'PC 1', playable: false }),
    ]);
    expect(d).toEqual({
      reference: 'CAD 1/01OCT26',
      refs: ['CAD 1/01OCT26', 'CAD 2/01OCT26'],
      bcu: 'Central East',
      team: 'CE-ERT-B',
      officers: ['PC 1', 'PC 2'],
      officerIds: ['1', '2'],
      startedAt: new Date(T0).toISOString(),
      endedAt: new Date(T0 + 3 * MIN).toISOString(),
      categories: ['Child Present', 'Domestic Abuse'],
      flags: ['child-present', 'domestic-abuse'],
      clipCount: 3,
      missingCount: 1,
      unplayableCount: 1,
    });
  });

  it('breaks a tie for team alphabetically and leaves unknowns null', () => {
    const d = deriveIncident([clip(1, { team: 'B' }), clip(2, { team: 'A' })]);
    expect(d.team).toBe('A');
    expect(d.bcu).toBeNull();
    expect(d.startedAt).toBeNull();
    expect(d.reference).toBeNull();
  });
});
