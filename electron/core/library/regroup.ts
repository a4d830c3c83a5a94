import type { Database } from 'better-sqlite3';
import { normaliseReference } from '../../../shared/library/reference';
import { assignIncidentIds, deriveIncident, groupClips, type ClipFacts, type DerivedIncident } from './group';
import { derivedKey, incidentWriter, loadIncidents, type IncidentSource } from './incidentsRepo';
import { PAGE_ROWS, pause } from './paging';

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
 */
const REGROUP_KEY = 'library.regroupNeeded';
const RULE_KEY = 'library.groupingRule';
/** Row writes per transaction: big enough to amortise the commit, small enough to keep the core answering (~10 ms). */
const WRITES_PER_CHUNK = 1000;
const UNITS_PER_PAUSE = 2000;

export function markRegroupNeeded(db: Database): void {
  db.prepare("INSERT INTO settings (key, value) VALUES (?, '1') ON CONFLICT(key) DO UPDATE SET value = '1'").run(REGROUP_KEY);
}

const setting = (db: Database, key: string) =>
  (db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined)?.value;

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

interface FactRow {
  id: number;
  incident_id: number | null;
  status: string;
  playable: number;
  probe_error: string | null;
  recorded_at: string | null;
  duration_sec: number | null;
  officer: string | null;
  officer_id: string | null;
  side_refs: string;
  e_refs: string | null;
  team: string | null;
  bcu: string | null;
  categories: string | null;
  flags: string | null;
  e_duration: number | null;
}

const recognised = (ref: string) => normaliseReference(ref) === ref;

const FACTS_SELECT = `SELECT c.id, c.incident_id, c.status, c.playable, c.probe_error, c.recorded_at, c.duration_sec,
    c.officer, c.officer_id, c.side_refs, e.refs AS e_refs, e.team, e.bcu, e.categories, e.flags,
    e.duration_sec AS e_duration
  FROM clips c LEFT JOIN evidence e ON e.id = c.evidence_id`;

const NONE: readonly string[] = Object.freeze([]);

/**
 * Row to facts, sharing one array per distinct list: a library has few distinct category, flag and reference lists
 * and many clips, so this saves both the parsing and most of the memory of a 100k-clip regroup.
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
    const key = `${fromExport ?? '[]'}\u0000${fromSidecar}`;
    let l = refLists.get(key);
    if (!l) {
      const all = [...list(fromExport), ...list(fromSidecar)].filter(recognised);
      refLists.set(key, (l = all.length === 0 ? NONE : Object.freeze([...new Set(all)].sort())));
    }
    return l;
  };
  return (r) => {
    const startMs = r.recorded_at === null ? null : Date.parse(r.recorded_at);
    const duration = r.duration_sec ?? r.e_duration;
    return {
      id: r.id,
      refs: refsOf(r.e_refs, r.side_refs),
      team: r.team,
      bcu: r.bcu,
      officer: r.officer,
      officerId: r.officer_id,
      categories: list(r.categories),
      flags: list(r.flags),
      startMs,
      endMs: startMs === null || duration === null ? null : startMs + duration * 1000,
      missing: r.status === 'missing',
      playable: r.playable === 1 && r.probe_error === null,
    };
  };
}

/** Every clip's grouping facts (export row and sidecar joined in), and the incident each is in now; read in pages. */
async function loadClipFacts(db: Database): Promise<{ facts: ClipFacts[]; incidentOf: Map<number, number | null> }> {
  const facts: ClipFacts[] = [];
  const incidentOf = new Map<number, number | null>();
  const toFacts = factsReader();
  const page = db.prepare(`${FACTS_SELECT} WHERE c.id > ? ORDER BY c.id LIMIT ?`);
  for (let after = 0; ; ) {
    const rows = page.all(after, PAGE_ROWS) as FactRow[];
    for (const r of rows) {
      facts.push(toFacts(r));
      incidentOf.set(r.id, r.incident_id);
    }
    if (rows.length < PAGE_ROWS) return { facts, incidentOf };
    after = rows[rows.length - 1]!.id;
    await pause();
  }
}

/** The grouping facts of one incident's clips. */
export function incidentClipFacts(db: Database, incidentId: number): ClipFacts[] {
  return (db.prepare(`${FACTS_SELECT} WHERE c.incident_id = ? ORDER BY c.id`).all(incidentId) as FactRow[]).map(factsReader());
}

interface Unit {
  /** Existing incident to keep, or null for a new one. */
  incidentId: number | null;
  source: IncidentSource;
  manual: boolean;
  members: ClipFacts[];
}

export async function regroup(db: Database, proximityMinutes: number | null, now: string): Promise<RegroupResult> {
  const { facts, incidentOf } = await loadClipFacts(db);
  const stored = await loadIncidents(db);
  const manualIds = [...stored.values()].filter((i) => i.manual && i.status === 'active').map((i) => i.id).sort((a, b) => a - b);
  const manualMembers = new Map<number, ClipFacts[]>(manualIds.map((id) => [id, []]));
  const auto: ClipFacts[] = [];
  for (const f of facts) {
    const current = incidentOf.get(f.id) ?? null;
    const manual = current === null ? undefined : manualMembers.get(current);
    if (manual) manual.push(f);
    else auto.push(f);
  }
  // A clip grouped for the first time joins a manual incident that already holds its reference.
  const manualByRef = new Map<string, number>();
  for (const id of manualIds) for (const f of manualMembers.get(id)!) for (const ref of f.refs) if (!manualByRef.has(ref)) manualByRef.set(ref, id);
  const pool: ClipFacts[] = [];
  for (const f of auto) {
    const target = incidentOf.get(f.id) === null ? f.refs.map((r) => manualByRef.get(r)).find((id) => id !== undefined) : undefined;
    if (target !== undefined) manualMembers.get(target)!.push(f);
    else pool.push(f);
  }

  await pause();
  const groups = groupClips(pool, proximityMinutes);
  await pause();
  const currentAuto = new Map<number, number>();
  for (const f of pool) {
    const id = incidentOf.get(f.id);
    if (id !== null && id !== undefined && !manualMembers.has(id)) currentAuto.set(f.id, id);
  }
  const assigned = assignIncidentIds(groups, currentAuto);
  await pause();
  const byId = new Map(pool.map((f) => [f.id, f]));
  const units: Unit[] = [
    ...manualIds.map((id) => ({ incidentId: id, source: 'manual' as const, manual: true, members: manualMembers.get(id)! })),
    ...groups.map((g, i) => ({ incidentId: assigned[i] ?? null, source: g.source, manual: false, members: g.clipIds.map((c) => byId.get(c)!) })),
  ];

  const result: RegroupResult = { created: 0, changed: 0, superseded: 0, removed: 0 };
  const writer = incidentWriter(db);
  const setIncident = db.prepare('UPDATE clips SET incident_id = ?, updated_at = ? WHERE id = ?');
  const kept = new Set<number>();
  const takenBy = new Map<number, number>();
  let pending: (() => void)[] = [];
  let weight = 0;
  const commit = async () => {
    const work = pending;
    pending = [];
    weight = 0;
    if (work.length > 0) db.transaction(() => work.forEach((w) => w()))();
    await pause();
  };
  let sincePause = 0;
  for (const u of units) {
    // Deriving is cheap but there may be 100k incidents: pause now and then even when there is nothing to write.
    if (++sincePause === UNITS_PER_PAUSE) {
      sincePause = 0;
      await commit();
    }
    if (u.members.length === 0) continue;
    const d: DerivedIncident = deriveIncident(u.members);
    const before = u.incidentId === null ? undefined : stored.get(u.incidentId);
    if (u.incidentId !== null) kept.add(u.incidentId);
    const moves = u.members.filter((m) => incidentOf.get(m.id) !== u.incidentId || u.incidentId === null);
    const needsWrite = !before || before.key !== derivedKey(d, u.source) || before.status !== 'active';
    if (!needsWrite && moves.length === 0) continue;
    pending.push(() => {
      let id = u.incidentId;
      if (id === null) {
        id = writer.insert(d, u.source, u.manual, now);
        result.created++;
      } else if (needsWrite) {
        writer.update(id, d, u.source, now);
        result.changed++;
      }
      for (const m of moves) {
        const from = incidentOf.get(m.id);
        if (from !== null && from !== undefined && !takenBy.has(from)) takenBy.set(from, id);
        setIncident.run(id, now, m.id);
      }
    });
    weight += 1 + moves.length + (needsWrite ? 5 : 0);
    if (weight >= WRITES_PER_CHUNK) await commit();
  }
  pending.push(() => {
    for (const inc of stored.values()) {
      if (kept.has(inc.id) || inc.status !== 'active' || inc.manual) continue;
      if (writer.retire(inc.id, takenBy.get(inc.id) ?? null, now) === 'deleted') result.removed++;
      else result.superseded++;
    }
    const save = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
    save.run(REGROUP_KEY, '0');
    save.run(RULE_KEY, ruleText(proximityMinutes));
  });
  await commit();
  return result;
}
