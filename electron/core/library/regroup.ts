import type { Database } from 'better-sqlite3';
import { normaliseReference } from '../../../shared/library/reference';
import type { ClipRecord } from './clipsRepo';
import { assignTableIds, ClipTableBuilder, groupSource, groupTable, NONE as NO_INCIDENT, refsOf, type ClipTable } from './clipTable';
import { deriveIncident, type ClipFacts } from './group';
import { derivedKey, incidentWriter, loadIncidents, type IncidentSource, type IncidentWriter } from './incidentsRepo';
import { PAGE_ROWS, pause } from './paging';
import { transactionSizer } from './transactionSizer';

/**
 * Applies the grouping rule (group.ts) to the whole library and writes only what changed. Manual incidents (merged
 * or split by a person) are never regrouped or dropped: their clips stay put, and a clip grouped for the first time
 * that cites one of their references joins them (the lowest such incident), so a later export does not undo the
 * person's decision. An automatic incident whose clips all went elsewhere is deleted when nothing refers to it, and
 * otherwise kept as 'superseded' (a sample or score still points at it).
 *
 * Regrouping runs when something it depends on changed since the last complete grouping: a clip written by a scan,
 * an export row added or changed, a clip gone missing, or the grouping rule itself (proximity on/off, N). Writes are
 * committed in chunks with a pause between them, so the core keeps answering while a large library is regrouped;
 * the "regroup needed" mark is cleared only with the last chunk, so a run killed half-way is finished by the next.
 *
 * Memory stays flat in the size of the library: the whole library is held only as a compact table (clipTable.ts, a
 * few tens of bytes per clip) from which the groups and the ids they keep are worked out; the incidents are then
 * derived and written a chunk at a time, each chunk reading just its clips' facts and its incidents' stored state.
 */
const REGROUP_KEY = 'library.regroupNeeded';
const RULE_KEY = 'library.groupingRule';
/**
 * Writes per transaction (transactionSizer.ts). Measured at 100k clips: a fixed 1,000 spent a third of regrouping in
 * commits; ~6 ms transactions regroup 100k single clips in 2.2 s instead of 2.7, and the 68k incidents of a 100k-row
 * export in 3.9 s instead of 4.5, the longest stall 26 ms instead of 42.
 */
const FIRST_WRITES_PER_CHUNK = 1000;
const MIN_WRITES_PER_CHUNK = 200;
const MAX_WRITES_PER_CHUNK = 20_000;
/** Incidents derived per chunk, and about how many clips' facts a chunk reads. */
const UNITS_PER_CHUNK = 500;
const CLIPS_PER_CHUNK = 2000;

export function markRegroupNeeded(db: Database): void {
  saveSetting(db, REGROUP_KEY, '1');
}

const setting = (db: Database, key: string) =>
  (db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined)?.value;

const saveSetting = (db: Database, key: string, value: string) =>
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);

/** Something changed since the last complete grouping, or the grouping rule itself is different this time. */
export function regroupNeeded(db: Database, proximityMinutes: number | null): boolean {
  if (setting(db, REGROUP_KEY) === '1') return true;
  if (setting(db, RULE_KEY) !== ruleText(proximityMinutes)) return true;
  return db.prepare('SELECT 1 FROM clips WHERE incident_id IS NULL LIMIT 1').get() !== undefined;
}

const ruleText = (proximityMinutes: number | null) => JSON.stringify({ proximityMinutes });

export interface RegroupResult {
  created: number;
  changed: number;
  superseded: number;
  removed: number;
}

/** A clip's row as FACTS_SELECT gives it, read as an array (rows as objects cost twice the time for a large library). */
type FactRow = [
  id: number,
  status: string,
  playable: number,
  probeError: string | null,
  recordedAt: string | null,
  durationSec: number | null,
  officer: string | null,
  officerId: string | null,
  sideRefs: string,
  exportRefs: string | null,
  team: string | null,
  bcu: string | null,
  categories: string | null,
  flags: string | null,
  exportDuration: number | null,
];

const recognised = (ref: string) => normaliseReference(ref) === ref;

const FACTS_SELECT = `SELECT c.id, c.status, c.playable, c.probe_error, c.recorded_at, c.duration_sec, c.officer,
    c.officer_id, c.side_refs, e.refs, e.team, e.bcu, e.categories, e.flags, e.duration_sec
  FROM clips c LEFT JOIN evidence e ON e.id = c.evidence_id`;

const NONE: readonly string[] = Object.freeze([]);

/** A clip's recognised references, from its export row and its sidecars: distinct, sorted. */
function references(fromExport: string | null, fromSidecar: string | null): string[] {
  const parse = (json: string | null) => (json === null || json === '[]' ? [] : (JSON.parse(json) as string[]));
  return [...new Set([...parse(fromExport), ...parse(fromSidecar)].filter(recognised))].sort();
}

const refsKey = (fromExport: string | null, fromSidecar: string | null) => `${fromExport ?? '[]'}\u0000${fromSidecar ?? '[]'}`;

/**
 * Row to facts, sharing one array per distinct list: there are few distinct category, flag and reference lists and
 * many clips (an incident's clips mostly cite the same references), so each list is parsed once per reader.
 */
function factsReader(): (r: FactRow) => ClipFacts {
  const lists = new Map<string, readonly string[]>();
  const list = (json: string | null) => {
    if (json === null || json === '[]') return NONE;
    let l = lists.get(json);
    if (!l) lists.set(json, (l = Object.freeze(JSON.parse(json) as string[])));
    return l;
  };
  const refLists = new Map<string, readonly string[]>();
  const refsOf = (fromExport: string | null, fromSidecar: string) => {
    const key = refsKey(fromExport, fromSidecar);
    let l = refLists.get(key);
    if (!l) {
      const all = references(fromExport, fromSidecar);
      refLists.set(key, (l = all.length === 0 ? NONE : Object.freeze(all)));
    }
    return l;
  };
  return ([id, status, playable, probeError, recordedAt, durationSec, officer, officerId, sideRefs, exportRefs, team, bcu, categories, flags, exportDuration]) => {
    const startMs = recordedAt === null ? null : Date.parse(recordedAt);
    const duration = durationSec ?? exportDuration;
    return {
      id,
      refs: refsOf(exportRefs, sideRefs),
      team,
      bcu,
      officer,
      officerId,
      categories: list(categories),
      flags: list(flags),
      startMs,
      endMs: startMs === null || duration === null ? null : startMs + duration * 1000,
      missing: status === 'missing',
      playable: playable === 1 && probeError === null,
    };
  };
}

/**
 * Gives a new clip its own incident as it is written, where the grouping rule could give it nothing else: it cites
 * no recognised reference, the proximity rule is off and the library holds no export rows (so no link pass can give
 * it a reference, a team or a BCU). Such a clip is a single-clip incident whatever else the library holds, and
 * writing the incident with the clip spares a first index of footage a regrouping pass over every clip (at 100k new
 * clips: 2.7 s of the core's time, the probe workers idle). The incident is derived from the same facts, through the
 * same reader, that regrouping would read back from the rows, so a later regroup finds nothing to change.
 *
 * Null when this run cannot: its new clips wait for regrouping as before. Regrouping's rule mark must already say
 * "reference only" (set here for a library without clips, which is trivially grouped under any rule), or the next
 * check would regroup everything anyway.
 */
export interface OwnIncidents {
  /** Whether this record gets its own incident from write(). */
  takes(rec: ClipRecord): boolean;
  /** Writes the record's incident (in the caller's transaction); returns its id. */
  write(rec: ClipRecord): number;
  /** Incidents written so far. */
  readonly written: number;
}

export function ownIncidents(db: Database, proximityMinutes: number | null): OwnIncidents | null {
  if (proximityMinutes !== null) return null;
  if (db.prepare('SELECT 1 FROM evidence LIMIT 1').get() !== undefined) return null;
  if (setting(db, RULE_KEY) !== ruleText(null)) {
    if (db.prepare('SELECT 1 FROM clips LIMIT 1').get() !== undefined) return null;
    saveSetting(db, RULE_KEY, ruleText(null));
  }
  const toFacts = factsReader();
  // Prepared when the first new clip turns up: an unchanged library never writes one.
  let writer: IncidentWriter | null = null;
  let written = 0;
  return {
    takes: (rec) => references(null, rec.sideRefs).length === 0,
    write(rec) {
      const row: FactRow = [0, 'present', rec.playable, rec.probeError, rec.recordedAt, rec.durationSec, rec.officer, rec.officerId, rec.sideRefs, null, null, null, null, null, null];
      const id = (writer ??= incidentWriter(db)).insert(deriveIncident([toFacts(row)]), 'single', false, rec.now);
      written++;
      return id;
    },
    get written() {
      return written;
    },
  };
}

/** The grouping facts of one incident's clips. */
export function incidentClipFacts(db: Database, incidentId: number): ClipFacts[] {
  return (db.prepare(`${FACTS_SELECT} WHERE c.incident_id = ? ORDER BY c.id`).raw(true).all(incidentId) as FactRow[]).map(factsReader());
}


/**
 * What grouping needs of every clip, in a compact table (clipTable.ts): id, current incident, references, team and
 * times. Read a page at a time; nothing per clip is kept but the table's typed arrays.
 */
async function loadClipTable(db: Database): Promise<ClipTable> {
  const table = new ClipTableBuilder();
  // Rows as arrays, and no text for the commonest list (none): this reads every clip, so every allocation counts.
  const page = db
    .prepare(
      `SELECT c.id, c.incident_id, c.recorded_at, c.duration_sec, NULLIF(c.side_refs, '[]'), NULLIF(e.refs, '[]'), e.team,
         e.duration_sec
       FROM clips c LEFT JOIN evidence e ON e.id = c.evidence_id WHERE c.id > ? ORDER BY c.id LIMIT ?`,
    )
    .raw(true);
  type Row = [number, number | null, string | null, number | null, string | null, string | null, string | null, number | null];
  for (let after = 0; ; ) {
    const rows = page.all(after, PAGE_ROWS) as Row[];
    for (const [id, incident, recordedAt, durationSec, sideRefs, exportRefs, team, exportDuration] of rows) {
      const startMs = recordedAt === null ? null : Date.parse(recordedAt);
      const duration = durationSec ?? exportDuration;
      table.add(
        { id, incident, team, startMs, endMs: startMs === null || duration === null ? null : startMs + duration * 1000 },
        refsKey(exportRefs, sideRefs),
        () => references(exportRefs, sideRefs),
      );
    }
    if (rows.length < PAGE_ROWS) return table.finish();
    after = rows[rows.length - 1]![0];
    await pause();
  }
}

/** The ids of every active automatic incident, ascending (those that regrouping may retire). */
async function loadActiveAutomaticIds(db: Database): Promise<Float64Array> {
  const page = db.prepare("SELECT id FROM incidents WHERE status = 'active' AND manual = 0 AND id > ? ORDER BY id LIMIT ?").pluck();
  let ids = new Float64Array(1024);
  let n = 0;
  for (let after = 0; ; ) {
    const rows = page.all(after, PAGE_ROWS) as number[];
    if (n + rows.length > ids.length) {
      const more = new Float64Array(Math.max(n + rows.length, ids.length * 2));
      more.set(ids);
      ids = more;
    }
    for (const id of rows) ids[n++] = id;
    if (rows.length < PAGE_ROWS) return ids.slice(0, n);
    after = rows[rows.length - 1]!;
    await pause();
  }
}

/**
 * What regrouping writes, one unit per incident: the active manual incidents first (ascending id), then the groups
 * of the other clips in order of their first clip. Unit u's clips (table indexes, ascending) are
 * members[start[u]..start[u+1]); incident[u] is the incident it keeps (NO_INCIDENT: a new one).
 */
interface Units {
  count: number;
  start: Int32Array;
  members: Int32Array;
  incident: Float64Array;
  source: (u: number) => IncidentSource;
}

/**
 * Manual incidents keep their clips; a clip grouped for the first time that cites a reference held by a manual
 * incident joins the lowest such incident (for its first such reference); every other clip is grouped by the rule and
 * its group keeps the incident most of its clips are in (assignIncidentIds).
 */
function planUnits(t: ClipTable, manualIds: readonly number[], proximityMinutes: number | null): Units {
  const n = t.count;
  const manualCount = manualIds.length;
  const manualOf = new Map(manualIds.map((id, k) => [id, k]));
  const unitOf = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) unitOf[i] = manualOf.get(t.incident[i]!) ?? -1;
  if (manualCount > 0) {
    // Each reference the manual incidents' clips cite, to the lowest manual incident citing it.
    const manualOfRef = new Int32Array(t.refNames.length).fill(-1);
    for (let i = 0; i < n; i++) {
      const k = unitOf[i]!;
      if (k >= 0) for (const r of refsOf(t, i)) if (manualOfRef[r]! < 0 || k < manualOfRef[r]!) manualOfRef[r] = k;
    }
    for (let i = 0; i < n; i++) {
      if (t.incident[i] !== NO_INCIDENT) continue;
      for (const r of refsOf(t, i)) {
        if (manualOfRef[r]! >= 0) {
          unitOf[i] = manualOfRef[r]!;
          break;
        }
      }
    }
  }
  let poolSize = 0;
  for (let i = 0; i < n; i++) if (unitOf[i]! < 0) poolSize++;
  const pool = new Int32Array(poolSize);
  for (let i = 0, p = 0; i < n; i++) if (unitOf[i]! < 0) pool[p++] = i;
  const groups = groupTable(t, pool, proximityMinutes);
  // The pool's clips are in no manual incident: each votes for the incident it is in now.
  const assigned = assignTableIds(t, groups);

  const count = manualCount + groups.count;
  const start = new Int32Array(count + 1);
  for (let i = 0; i < n; i++) if (unitOf[i]! >= 0) start[unitOf[i]! + 1]!++;
  for (let k = 0; k < manualCount; k++) start[k + 1]! += start[k]!;
  const inManual = start[manualCount]!;
  const members = new Int32Array(n);
  const fill = start.slice(0, manualCount);
  for (let i = 0; i < n; i++) if (unitOf[i]! >= 0) members[fill[unitOf[i]!]!++] = i;
  for (let g = 1; g <= groups.count; g++) start[manualCount + g] = inManual + groups.start[g]!;
  members.set(groups.members, inManual);
  const incident = new Float64Array(count);
  incident.set(manualIds);
  incident.set(assigned, manualCount);
  return {
    count, start, members, incident,
    source: (u) => (u < manualCount ? 'manual' : groupSource(groups, u - manualCount)),
  };
}

/** The ids in a (ascending) that are not in b (ascending). */
function without(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length);
  let n = 0;
  for (let i = 0, j = 0; i < a.length; i++) {
    while (j < b.length && b[j]! < a[i]!) j++;
    if (j === b.length || b[j] !== a[i]) out[n++] = a[i]!;
  }
  return out.slice(0, n);
}

/** Index of id in the ascending ids, or -1. */
function indexOf(ids: Float64Array, id: number): number {
  let lo = 0;
  let hi = ids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ids[mid]! < id) lo = mid + 1;
    else if (ids[mid]! > id) hi = mid - 1;
    else return mid;
  }
  return -1;
}

export async function regroup(db: Database, proximityMinutes: number | null, now: string): Promise<RegroupResult> {
  const table = await loadClipTable(db);
  const manualIds = db.prepare("SELECT id FROM incidents WHERE manual = 1 AND status = 'active' ORDER BY id").pluck().all() as number[];
  const activeAutomatic = await loadActiveAutomaticIds(db);
  await pause();
  const units = planUnits(table, manualIds, proximityMinutes);
  await pause();
  // Automatic incidents no unit keeps are retired at the end; each points at the first unit that took one of its clips.
  const retiring = without(activeAutomatic, units.incident.filter((id) => id !== NO_INCIDENT).sort());
  const takenBy = new Float64Array(retiring.length);

  const result: RegroupResult = { created: 0, changed: 0, superseded: 0, removed: 0 };
  const writer = incidentWriter(db);
  const setIncident = db.prepare('UPDATE clips SET incident_id = ?, updated_at = ? WHERE id = ?');
  const factsOf = db.prepare(`${FACTS_SELECT} WHERE c.id IN (SELECT value FROM json_each(?))`).raw(true);
  let pending: (() => void)[] = [];
  let weight = 0;
  const sizer = transactionSizer(FIRST_WRITES_PER_CHUNK, MIN_WRITES_PER_CHUNK, MAX_WRITES_PER_CHUNK);
  const commit = async () => {
    const work = pending;
    const done = weight;
    pending = [];
    weight = 0;
    if (work.length > 0) {
      // The deriving that queued these writes had the core too: let waiting requests in before the transaction.
      await pause();
      const t = performance.now();
      db.transaction(() => work.forEach((w) => w()))();
      sizer.took(done, performance.now() - t);
    }
    await pause();
  };
  const size = (u: number) => units.start[u + 1]! - units.start[u]!;
  for (let first = 0; first < units.count; ) {
    // A chunk of units: read their clips' facts and their incidents' stored state, derive, write what changed.
    let end = first;
    for (let clips = 0; end < units.count && end - first < UNITS_PER_CHUNK && (end === first || clips + size(end) <= CLIPS_PER_CHUNK); end++) {
      clips += size(end);
    }
    const clipIds = Array.from(units.members.subarray(units.start[first]!, units.start[end]!), (i) => table.id[i]!);
    const toFacts = factsReader();
    const facts = new Map((factsOf.all(JSON.stringify(clipIds)) as FactRow[]).map((r) => [r[0], toFacts(r)]));
    const stored = loadIncidents(db, Array.from(units.incident.subarray(first, end)).filter((id) => id !== NO_INCIDENT));
    for (let u = first; u < end; u++) {
      if (size(u) === 0) continue;
      const kept = units.incident[u]!;
      const source = units.source(u);
      const clips = units.members.subarray(units.start[u]!, units.start[u + 1]!);
      const d = deriveIncident(Array.from(clips, (i) => facts.get(table.id[i]!)!));
      const before = kept === NO_INCIDENT ? undefined : stored.get(kept);
      const moves = kept === NO_INCIDENT ? clips : clips.filter((i) => table.incident[i] !== kept);
      const needsWrite = !before || before.key !== derivedKey(d, source) || before.status !== 'active';
      if (!needsWrite && moves.length === 0) continue;
      pending.push(() => {
        let id = kept;
        if (id === NO_INCIDENT) {
          id = writer.insert(d, source, false, now);
          result.created++;
        } else if (needsWrite) {
          writer.update(id, d, source, now);
          result.changed++;
        }
        for (const i of moves) {
          const at = indexOf(retiring, table.incident[i]!);
          if (at >= 0 && takenBy[at] === NO_INCIDENT) takenBy[at] = id;
          setIncident.run(id, now, table.id[i]!);
        }
      });
      weight += 1 + moves.length + (needsWrite ? 5 : 0);
      if (weight >= sizer.size) await commit();
    }
    // Writes not yet due go on with the next chunk's; the core still gets a turn between chunks.
    await pause();
    first = end;
  }
  for (let at = 0; at < retiring.length; at++) {
    pending.push(() => {
      if (writer.retire(retiring[at]!, takenBy[at] === NO_INCIDENT ? null : takenBy[at]!, now) === 'deleted') result.removed++;
      else result.superseded++;
    });
    weight += 5;
    if (weight >= sizer.size && at + 1 < retiring.length) await commit();
  }
  pending.push(() => {
    saveSetting(db, REGROUP_KEY, '0');
    saveSetting(db, RULE_KEY, ruleText(proximityMinutes));
  });
  await commit();
  return result;
}
