/**
 * The grouping rule of group.ts over a compact table of the whole library: what grouping needs of each clip (id,
 * current incident, references, team, times) in typed arrays, a few tens of bytes per clip, so that regrouping a
 * 100k-clip library holds no object per clip. Reference lists and teams are interned to small integers: a library
 * has many clips per reference and few teams. groupClips and assignIncidentIds (group.ts) are the plain statement
 * of the rule; the functions here give the same groups and ids (tests compare them).
 */

/** A clip's current incident id, or NONE (incident ids are SQLite rowids, always positive). */
export const NONE = 0;

export interface ClipTable {
  count: number;
  /** Clip ids, ascending. */
  id: Float64Array;
  /** The incident each clip is in now, NONE when it has none yet. */
  incident: Float64Array;
  /** The clip's reference list (0: no reference); list k is listRefs[listStart[k]..listStart[k+1]). */
  list: Int32Array;
  listStart: Int32Array;
  /** Reference numbers, ascending within a list; reference numbers are in the references' string order. */
  listRefs: Int32Array;
  /** Reference number to reference, ascending. */
  refNames: readonly string[];
  /** Team number (teams in string order), -1 for none. */
  team: Int32Array;
  /** Recording start and end in ms since the epoch, NaN when unknown. */
  startMs: Float64Array;
  endMs: Float64Array;
}

export interface TableClip {
  id: number;
  incident: number | null;
  team: string | null;
  startMs: number | null;
  endMs: number | null;
}

/** Grows a typed array by doubling (the number of clips is known only once they are all read). */
function grown<T extends Float64Array | Int32Array>(a: T, need: number, make: (n: number) => T): T {
  if (need <= a.length) return a;
  const b = make(Math.max(need, a.length * 2));
  b.set(a);
  return b;
}

/**
 * Builds a ClipTable from clips added in ascending id order. A clip's references come with a key naming the list
 * (e.g. its JSON text): a list seen before costs no parsing, and every clip with it shares one entry.
 */
export class ClipTableBuilder {
  private n = 0;
  private id = new Float64Array(1024);
  private incident = new Float64Array(1024);
  private list = new Int32Array(1024);
  private team = new Int32Array(1024);
  private startMs = new Float64Array(1024);
  private endMs = new Float64Array(1024);
  private listOfKey = new Map<string, number>();
  /** Provisional reference numbers, in order of first sight; finish() renumbers them in string order. */
  private refOf = new Map<string, number>();
  private listStart: number[] = [0, 0];
  private listRefs: number[] = [];
  private teamOf = new Map<string, number>();

  add(clip: TableClip, listKey: string, refs: () => readonly string[]): void {
    if (this.n > 0 && clip.id <= this.id[this.n - 1]!) throw new Error('clips must be added in ascending id order');
    const i = this.n++;
    if (i === this.id.length) {
      const f64 = (n: number) => new Float64Array(n);
      const i32 = (n: number) => new Int32Array(n);
      this.id = grown(this.id, i + 1, f64);
      this.incident = grown(this.incident, i + 1, f64);
      this.list = grown(this.list, i + 1, i32);
      this.team = grown(this.team, i + 1, i32);
      this.startMs = grown(this.startMs, i + 1, f64);
      this.endMs = grown(this.endMs, i + 1, f64);
    }
    this.id[i] = clip.id;
    this.incident[i] = clip.incident ?? NONE;
    this.list[i] = this.listNumber(listKey, refs);
    let team = -1;
    if (clip.team !== null) {
      team = this.teamOf.get(clip.team) ?? this.teamOf.size;
      if (team === this.teamOf.size) this.teamOf.set(clip.team, team);
    }
    this.team[i] = team;
    this.startMs[i] = clip.startMs ?? NaN;
    this.endMs[i] = clip.endMs ?? NaN;
  }

  private listNumber(key: string, refs: () => readonly string[]): number {
    let k = this.listOfKey.get(key);
    if (k !== undefined) return k;
    const distinct = [...new Set(refs())];
    if (distinct.length === 0) k = 0;
    else {
      for (const ref of distinct) {
        let r = this.refOf.get(ref);
        if (r === undefined) this.refOf.set(ref, (r = this.refOf.size));
        this.listRefs.push(r);
      }
      k = this.listStart.length - 1;
      this.listStart.push(this.listRefs.length);
    }
    this.listOfKey.set(key, k);
    return k;
  }

  finish(): ClipTable {
    const n = this.n;
    // Reference and team numbers in string order, so comparing numbers compares the strings.
    const refNames = [...this.refOf.keys()].sort();
    const refRank = new Int32Array(refNames.length);
    refNames.forEach((name, rank) => (refRank[this.refOf.get(name)!] = rank));
    const listRefs = Int32Array.from(this.listRefs, (r) => refRank[r]!);
    const listStart = Int32Array.from(this.listStart);
    for (let k = 1; k + 1 < listStart.length; k++) listRefs.subarray(listStart[k]!, listStart[k + 1]!).sort();
    const teams = [...this.teamOf.keys()].sort();
    const teamRank = new Int32Array(teams.length);
    teams.forEach((name, rank) => (teamRank[this.teamOf.get(name)!] = rank));
    const team = this.team.slice(0, n);
    for (let i = 0; i < n; i++) if (team[i]! >= 0) team[i] = teamRank[team[i]!]!;
    this.listOfKey.clear();
    this.refOf.clear();
    this.teamOf.clear();
    return {
      count: n,
      id: this.id.slice(0, n),
      incident: this.incident.slice(0, n),
      list: this.list.slice(0, n),
      listStart,
      listRefs,
      refNames,
      team,
      startMs: this.startMs.slice(0, n),
      endMs: this.endMs.slice(0, n),
    };
  }
}

/** Reference numbers of clip i, ascending (string order). */
export function refsOf(t: ClipTable, i: number): Int32Array {
  const k = t.list[i]!;
  return t.listRefs.subarray(t.listStart[k]!, t.listStart[k + 1]!);
}

export const SOURCE_REFERENCE = 0;
export const SOURCE_SINGLE = 1;
export const SOURCE_PROXIMITY = 2;
const SOURCES = ['reference', 'single', 'proximity'] as const;

/**
 * Groups as in group.ts, in compressed rows: group g's clips (table indexes, ascending) are
 * members[start[g]..start[g+1]); groups are in order of their first clip.
 */
export interface TableGroups {
  count: number;
  start: Int32Array;
  members: Int32Array;
  /** SOURCE_REFERENCE, SOURCE_SINGLE or SOURCE_PROXIMITY. */
  source: Uint8Array;
  /** A reference group's smallest reference number, -1 for the others. */
  smallestRef: Int32Array;
}

export const groupSource = (g: TableGroups, at: number) => SOURCES[g.source[at]!]!;

/** The group's key as groupClips names it: 'ref:<smallest reference>', 'near:<first clip id>' or 'clip:<id>'. */
export function groupKey(t: ClipTable, g: TableGroups, at: number): string {
  const s = g.source[at]!;
  if (s === SOURCE_REFERENCE) return `ref:${t.refNames[g.smallestRef[at]!]}`;
  return `${s === SOURCE_PROXIMITY ? 'near' : 'clip'}:${t.id[g.members[g.start[at]!]!]}`;
}

/**
 * groupClips over the table's clips at the given indexes (ascending): clips sharing a reference chain into one group;
 * clips without one are single, or chained by team and time when proximityMinutes is set.
 */
export function groupTable(t: ClipTable, pool: Int32Array, proximityMinutes: number | null): TableGroups {
  const n = pool.length;
  // Union-find over positions in the pool; a set's root is its smallest position, i.e. its first clip.
  const parent = new Int32Array(n);
  for (let p = 0; p < n; p++) parent[p] = p;
  const findRoot = (p: number): number => {
    while (parent[p] !== p) {
      parent[p] = parent[parent[p]!]!;
      p = parent[p]!;
    }
    return p;
  };
  const firstWithRef = new Int32Array(t.refNames.length).fill(-1);
  let loose = 0;
  // References are walked by index into the shared lists, not through refsOf: a view per clip, twice over 100k
  // clips, was most of this function's time (and garbage) in a regroup that holds the core in one piece.
  for (let p = 0; p < n; p++) {
    const list = t.list[pool[p]!]!;
    const from = t.listStart[list]!;
    const to = t.listStart[list + 1]!;
    if (from === to) loose++;
    for (let x = from; x < to; x++) {
      const r = t.listRefs[x]!;
      const q = firstWithRef[r]!;
      if (q < 0) firstWithRef[r] = p;
      else {
        const a = findRoot(p);
        const b = findRoot(q);
        if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
      }
    }
  }
  if (proximityMinutes !== null && loose > 0) chainByTime(t, pool, parent, proximityMinutes * 60_000);

  // Number the groups in order of their first clip, then lay their members out by counting.
  const groupOf = new Int32Array(n);
  let count = 0;
  for (let p = 0; p < n; p++) {
    const root = findRoot(p);
    groupOf[p] = root === p ? count++ : groupOf[root]!;
  }
  const start = new Int32Array(count + 1);
  for (let p = 0; p < n; p++) start[groupOf[p]! + 1]!++;
  for (let g = 0; g < count; g++) start[g + 1]! += start[g]!;
  const members = new Int32Array(n);
  const fill = start.slice(0, count);
  const source = new Uint8Array(count);
  const smallestRef = new Int32Array(count).fill(-1);
  for (let p = 0; p < n; p++) {
    const g = groupOf[p]!;
    const i = pool[p]!;
    members[fill[g]!++] = i;
    const list = t.list[i]!;
    if (t.listStart[list + 1]! > t.listStart[list]!) {
      // A list is ascending: its first reference is its smallest.
      const first = t.listRefs[t.listStart[list]!]!;
      source[g] = SOURCE_REFERENCE;
      if (smallestRef[g]! < 0 || first < smallestRef[g]!) smallestRef[g] = first;
    } else source[g] = start[g + 1]! - start[g]! > 1 ? SOURCE_PROXIMITY : SOURCE_SINGLE;
  }
  return { count, start, members, source, smallestRef };
}

/**
 * The proximity rule: clips without a reference, of one team, whose recordings overlap or start within gapMs of the
 * end of the previous one chain into one group (the parent of each is set to the chain's first position). Clips with
 * no team or no start stay single.
 */
function chainByTime(t: ClipTable, pool: Int32Array, parent: Int32Array, gapMs: number): void {
  const timed: number[] = [];
  for (let p = 0; p < pool.length; p++) {
    const i = pool[p]!;
    if (t.list[i] === 0 && t.team[i]! >= 0 && !Number.isNaN(t.startMs[i]!)) timed.push(p);
  }
  const order = Int32Array.from(timed);
  order.sort((a, b) => {
    const i = pool[a]!;
    const j = pool[b]!;
    return t.team[i]! - t.team[j]! || t.startMs[i]! - t.startMs[j]! || t.id[i]! - t.id[j]!;
  });
  const endOf = (i: number) => (Number.isNaN(t.endMs[i]!) ? t.startMs[i]! : Math.max(t.startMs[i]!, t.endMs[i]!));
  for (let a = 0; a < order.length; ) {
    // One chain: order[a..b), its first position the smallest.
    let end = endOf(pool[order[a]!]!);
    let first = order[a]!;
    let b = a + 1;
    for (; b < order.length; b++) {
      const i = pool[order[b]!]!;
      if (t.team[i] !== t.team[pool[order[a]!]!] || t.startMs[i]! > end + gapMs) break;
      end = Math.max(end, endOf(i));
      first = Math.min(first, order[b]!);
    }
    for (let c = a; c < b; c++) parent[order[c]!] = first;
    a = b;
  }
}

/**
 * assignIncidentIds over table groups: the incident id each group keeps (NONE: a new incident). The (group,
 * incident) pairs with the most clips in common are settled first; ties go to the older (smaller) incident id, then
 * the group key. A clip votes for the incident it is in now (table.incident).
 */
export function assignTableIds(t: ClipTable, groups: TableGroups): Float64Array {
  const result = new Float64Array(groups.count);
  // Pairs (group, incident, votes); most groups are unanimous and give one pair.
  let pairs = 0;
  let pg = new Int32Array(1024);
  let pi = new Float64Array(1024);
  let pv = new Int32Array(1024);
  const unanimous = new Uint8Array(groups.count);
  const push = (g: number, incident: number, votes: number) => {
    if (pairs === pg.length) {
      pg = grown(pg, pairs + 1, (n) => new Int32Array(n));
      pi = grown(pi, pairs + 1, (n) => new Float64Array(n));
      pv = grown(pv, pairs + 1, (n) => new Int32Array(n));
    }
    pg[pairs] = g;
    pi[pairs] = incident;
    pv[pairs++] = votes;
  };
  for (let g = 0; g < groups.count; g++) {
    let only = NONE;
    let onlyVotes = 0;
    let mixed: Map<number, number> | null = null;
    for (let m = groups.start[g]!; m < groups.start[g + 1]!; m++) {
      const incident = t.incident[groups.members[m]!]!;
      if (incident === NONE) continue;
      if (mixed) mixed.set(incident, (mixed.get(incident) ?? 0) + 1);
      else if (only === NONE || only === incident) {
        only = incident;
        onlyVotes++;
      } else mixed = new Map([[only, onlyVotes], [incident, 1]]);
    }
    if (mixed) for (const [incident, votes] of mixed) push(g, incident, votes);
    else if (only !== NONE) {
      push(g, only, onlyVotes);
      unanimous[g] = 1;
    }
  }
  if (pairs === 0) return result;
  // Each wanted incident as a number 0..k-1 (sorted ids), and how many groups want it.
  const incidents = pi.slice(0, pairs).sort();
  let k = 0;
  for (let a = 0; a < pairs; a++) if (a === 0 || incidents[a] !== incidents[a - 1]) incidents[k++] = incidents[a]!;
  const numberOf = (incident: number) => {
    let lo = 0;
    let hi = k - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (incidents[mid]! < incident) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const pairIncident = new Int32Array(pairs);
  const wanted = new Int32Array(k);
  for (let a = 0; a < pairs; a++) wanted[(pairIncident[a] = numberOf(pi[a]!))]!++;
  // A unanimous group is the only one wanting its incident: nothing to settle (the general rule gives the same).
  const taken = new Uint8Array(k);
  const contested: number[] = [];
  for (let a = 0; a < pairs; a++) {
    if (unanimous[pg[a]!] && wanted[pairIncident[a]!] === 1) {
      result[pg[a]!] = pi[a]!;
      taken[pairIncident[a]!] = 1;
    } else contested.push(a);
  }
  const order = Int32Array.from(contested);
  order.sort((a, b) => pv[b]! - pv[a]! || pi[a]! - pi[b]! || (groupKey(t, groups, pg[a]!) < groupKey(t, groups, pg[b]!) ? -1 : 1));
  for (const a of order) {
    const g = pg[a]!;
    if (result[g] !== NONE || taken[pairIncident[a]!]) continue;
    result[g] = pi[a]!;
    taken[pairIncident[a]!] = 1;
  }
  return result;
}
