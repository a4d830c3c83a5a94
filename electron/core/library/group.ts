/**
 * How clips become incidents (the unit that is sampled and scored), as pure functions over clip facts.
 *
 * The rule:
 * 1. Clips sharing a CAD or CRIS reference are one incident; references chain (a clip citing CAD A and CRIS B joins
 *    the clips of A with those of B). Only recognised, normalised references group: free text in a Cases cell
 *    ("N/A", "see notes") would otherwise merge unrelated calls.
 * 2. A clip without a reference is an incident on its own, unless the time-proximity rule is switched on
 *    (`proximityMinutes`, off by default): then clips without a reference of the same team whose recordings overlap
 *    or start within N minutes of the end of the previous one chain into one incident. Clips with no team or no time
 *    stay single.
 * 3. Manual incidents (a person merged or split them) are outside this function: the caller keeps their clips where
 *    they are, and gives them only new clips that cite one of their references.
 *
 * Ids stay stable across re-grouping (scores hang off them): each group keeps the incident most of its clips already
 * belong to; see assignIncidentIds.
 *
 * groupClips and assignIncidentIds state the rule over clip objects; regrouping a whole library applies the same rule
 * with the compact equivalents in clipTable.ts (tests hold the two to the same results).
 */
export interface ClipFacts {
  id: number;
  /** Recognised, normalised CAD/CRIS references (from the export row and sidecars). */
  refs: readonly string[];
  team: string | null;
  bcu: string | null;
  officer: string | null;
  officerId: string | null;
  categories: readonly string[];
  flags: readonly string[];
  startMs: number | null;
  endMs: number | null;
  missing: boolean;
  playable: boolean;
}

export type GroupSource = 'reference' | 'single' | 'proximity';

export interface ClipGroup {
  /** Deterministic name of the group: 'ref:<smallest reference>', 'near:<first clip id>' or 'clip:<id>'. */
  key: string;
  source: GroupSource;
  /** Ascending. */
  clipIds: number[];
}

export function groupClips(clips: readonly ClipFacts[], proximityMinutes: number | null): ClipGroup[] {
  const parent = new Int32Array(clips.length);
  for (let i = 0; i < clips.length; i++) parent[i] = i;
  const findRoot = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const firstWithRef = new Map<string, number>();
  for (let i = 0; i < clips.length; i++) {
    for (const ref of clips[i]!.refs) {
      const j = firstWithRef.get(ref);
      if (j === undefined) firstWithRef.set(ref, i);
      else {
        const a = findRoot(i);
        const b = findRoot(j);
        if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
      }
    }
  }
  // One pass in input order: each group appears where its first clip is, its clips in input order.
  const groups: ClipGroup[] = [];
  const groupOfRoot = new Int32Array(clips.length).fill(-1);
  const smallest: string[] = [];
  const loose: ClipFacts[] = [];
  let sorted = true;
  for (let i = 0; i < clips.length; i++) {
    const c = clips[i]!;
    if (i > 0 && c.id < clips[i - 1]!.id) sorted = false;
    if (c.refs.length === 0) {
      if (proximityMinutes === null) groups.push({ key: `clip:${c.id}`, source: 'single', clipIds: [c.id] });
      else loose.push(c);
      continue;
    }
    const root = findRoot(i);
    let at = groupOfRoot[root]!;
    if (at < 0) {
      at = groupOfRoot[root] = groups.length;
      groups.push({ key: '', source: 'reference', clipIds: [] });
      smallest[at] = c.refs[0]!;
    }
    groups[at]!.clipIds.push(c.id);
    for (const ref of c.refs) if (ref < smallest[at]!) smallest[at] = ref;
  }
  smallest.forEach((ref, at) => {
    if (ref !== undefined) groups[at]!.key = `ref:${ref}`;
  });
  if (loose.length > 0) groups.push(...groupLoose(loose, proximityMinutes));
  if (!sorted) for (const g of groups) g.clipIds.sort(ascending);
  if (!sorted || loose.length > 0) groups.sort((a, b) => a.clipIds[0]! - b.clipIds[0]!);
  return groups;
}

const ascending = (a: number, b: number) => a - b;

function groupLoose(clips: readonly ClipFacts[], proximityMinutes: number | null): ClipGroup[] {
  const single = (c: ClipFacts): ClipGroup => ({ key: `clip:${c.id}`, source: 'single', clipIds: [c.id] });
  if (proximityMinutes === null) return clips.map(single);
  const gapMs = proximityMinutes * 60_000;
  const timed = clips.filter((c) => c.team !== null && c.startMs !== null);
  const groups = clips.filter((c) => c.team === null || c.startMs === null).map(single);
  timed.sort((a, b) => (a.team! < b.team! ? -1 : a.team! > b.team! ? 1 : a.startMs! - b.startMs! || a.id - b.id));
  let current: { team: string; endMs: number; ids: number[] } | null = null;
  const close = () => {
    if (!current) return;
    const ids = current.ids.sort(ascending);
    groups.push(ids.length === 1 ? { key: `clip:${ids[0]}`, source: 'single', clipIds: ids } : { key: `near:${ids[0]}`, source: 'proximity', clipIds: ids });
  };
  for (const c of timed) {
    const end = Math.max(c.startMs!, c.endMs ?? c.startMs!);
    if (current && current.team === c.team && c.startMs! <= current.endMs + gapMs) {
      current.ids.push(c.id);
      current.endMs = Math.max(current.endMs, end);
    } else {
      close();
      current = { team: c.team!, endMs: end, ids: [c.id] };
    }
  }
  close();
  return groups;
}

/**
 * The incident id each group keeps: the (group, incident) pairs with the most clips in common are settled first, so
 * a group keeps the incident most of its clips are already in, and a group identical to an existing incident always
 * keeps that incident's id. Ties go to the older (smaller) incident id, then the group key. null: a new incident.
 */
export function assignIncidentIds(
  groups: readonly Pick<ClipGroup, 'key' | 'clipIds'>[],
  currentIncidentOf: ReadonlyMap<number, number>,
): (number | null)[] {
  const result: (number | null)[] = groups.map(() => null);
  // Votes per group; most groups are unanimous (every clip already in one incident), kept without a Map.
  const votes: (Map<number, number> | number | null)[] = groups.map((group) => {
    let only: number | null = null;
    let onlyVotes = 0;
    let map: Map<number, number> | null = null;
    for (const clipId of group.clipIds) {
      const incident = currentIncidentOf.get(clipId);
      if (incident === undefined) continue;
      if (map) map.set(incident, (map.get(incident) ?? 0) + 1);
      else if (only === null || only === incident) {
        only = incident;
        onlyVotes++;
      } else map = new Map([[only, onlyVotes], [incident, 1]]);
    }
    return map ?? only;
  });
  const wanted = new Map<number, number>();
  for (const v of votes) {
    if (v === null) continue;
    for (const incident of typeof v === 'number' ? [v] : v.keys()) wanted.set(incident, (wanted.get(incident) ?? 0) + 1);
  }
  // A unanimous group is the only one wanting its incident: nothing to settle (the general rule gives the same).
  const pairs: { g: number; incident: number; votes: number }[] = [];
  votes.forEach((v, g) => {
    if (typeof v === 'number' && wanted.get(v) === 1) result[g] = v;
    else if (typeof v === 'number') pairs.push({ g, incident: v, votes: groups[g]!.clipIds.filter((id) => currentIncidentOf.get(id) === v).length });
    else if (v) for (const [incident, n] of v) pairs.push({ g, incident, votes: n });
  });
  pairs.sort((a, b) => b.votes - a.votes || a.incident - b.incident || (groups[a.g]!.key < groups[b.g]!.key ? -1 : 1));
  const taken = new Set<number>(result.filter((x): x is number => x !== null));
  for (const p of pairs) {
    if (result[p.g] !== null || taken.has(p.incident)) continue;
    result[p.g] = p.incident;
    taken.add(p.incident);
  }
  return result;
}

export interface DerivedIncident {
  reference: string | null;
  refs: string[];
  bcu: string | null;
  team: string | null;
  officers: string[];
  officerIds: string[];
  startedAt: string | null;
  endedAt: string | null;
  categories: string[];
  flags: string[];
  clipCount: number;
  missingCount: number;
  unplayableCount: number;
}

/**
 * An incident's fields from its clips: references, officers, categories and flags are unions (sorted); BCU and team
 * are the value most clips carry (ties: alphabetical), since one call is one BCU and one attending team; start is
 * the earliest clip start, end the latest clip end.
 */
export function deriveIncident(members: readonly ClipFacts[]): DerivedIncident {
  const refs = sortedUnion(members.map((m) => m.refs));
  let start: number | null = null;
  let end: number | null = null;
  for (const m of members) {
    if (m.startMs !== null && (start === null || m.startMs < start)) start = m.startMs;
    const e = m.endMs ?? m.startMs;
    if (e !== null && (end === null || e > end)) end = e;
  }
  return {
    reference: refs[0] ?? null,
    refs,
    bcu: mostCommon(members.map((m) => m.bcu)),
    team: mostCommon(members.map((m) => m.team)),
    officers: sortedUnion(members.map((m) => (m.officer ? [m.officer] : []))),
    officerIds: sortedUnion(members.map((m) => (m.officerId ? [m.officerId] : []))),
    startedAt: start === null ? null : new Date(start).toISOString(),
    endedAt: end === null ? null : new Date(end).toISOString(),
    categories: sortedUnion(members.map((m) => m.categories)),
    flags: sortedUnion(members.map((m) => m.flags)),
    clipCount: members.length,
    missingCount: members.filter((m) => m.missing).length,
    unplayableCount: members.filter((m) => !m.playable).length,
  };
}

function sortedUnion(lists: readonly (readonly string[])[]): string[] {
  const all = new Set<string>();
  for (const l of lists) for (const v of l) all.add(v);
  return [...all].sort();
}

function mostCommon(values: readonly (string | null)[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | null = null;
  let bestCount = 0;
  for (const [v, n] of counts) {
    if (n > bestCount || (n === bestCount && best !== null && v < best)) {
      best = v;
      bestCount = n;
    }
  }
  return best;
}
