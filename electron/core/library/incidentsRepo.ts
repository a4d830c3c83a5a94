import type { Database } from 'better-sqlite3';
import { createHash } from 'node:crypto';
import type {
  Clip, Facets, IncidentDetail, IncidentFilter, IncidentListInput, IncidentPage, IncidentRow, IncidentSort,
} from '../../../shared/ipc/library';
import { normaliseReference } from '../../../shared/library/reference';
import { localDateRangeToUtc } from '../../../shared/time/london';
import { UserError } from '../errors';
import { evidenceOfIncident } from './evidenceRepo';
import type { DerivedIncident } from './group';
import { clipAbsPath } from './paths';

/** incidents and their one-row-per-value tables (officers, categories, flags, references). */

export type IncidentSource = 'reference' | 'single' | 'proximity' | 'manual';

export interface StoredIncident {
  id: number;
  manual: boolean;
  status: 'active' | 'superseded';
  source: IncidentSource;
  /** The derived fields as last written, as derivedKey gives them: equal keys mean nothing to write. */
  key: string;
}

/**
 * Everything re-grouping may change about an incident, as a short digest of the column values as they are stored
 * (lists as their JSON text): the stored side needs no parsing, and 100k incidents' keys take a few megabytes.
 */
function keyOf(values: readonly (string | number | null)[]): string {
  return createHash('sha1').update(values.map((v) => (v === null ? '\u0000' : String(v))).join('\u001f')).digest('base64');
}

/** The columns regrouping derives, in one order for the insert, the update and the key. */
const DERIVED_COLUMNS = [
  'source', 'reference', 'refs', 'bcu', 'team', 'officers', 'officer_ids', 'started_at', 'ended_at', 'categories', 'flags',
  'clip_count', 'missing_count', 'unplayable_count',
] as const;

/** An incident's derived values as stored (lists as JSON text), in DERIVED_COLUMNS order. */
function derivedValues(d: DerivedIncident, source: IncidentSource): (string | number | null)[] {
  return [
    source, d.reference, JSON.stringify(d.refs), d.bcu, d.team, JSON.stringify(d.officers), JSON.stringify(d.officerIds),
    d.startedAt, d.endedAt, JSON.stringify(d.categories), JSON.stringify(d.flags), d.clipCount, d.missingCount,
    d.unplayableCount,
  ];
}

export function derivedKey(d: DerivedIncident, source: IncidentSource): string {
  return keyOf(derivedValues(d, source));
}

/** An incidents row as stored (SELECT *). */
export interface IncidentDbRow {
  id: number;
  reference: string | null;
  refs: string;
  source: IncidentSource;
  manual: number;
  status: 'active' | 'superseded';
  superseded_by: number | null;
  bcu: string | null;
  team: string | null;
  officers: string;
  officer_ids: string;
  started_at: string | null;
  ended_at: string | null;
  categories: string;
  flags: string;
  clip_count: number;
  missing_count: number;
  unplayable_count: number;
}

/**
 * The stored state of the given incidents (ids not in the table are left out): regrouping reads only the incidents
 * of the groups it is writing, a chunk at a time, never the whole table.
 */
export function loadIncidents(db: Database, ids: readonly number[]): Map<number, StoredIncident> {
  const out = new Map<number, StoredIncident>();
  if (ids.length === 0) return out;
  const rows = db.prepare('SELECT * FROM incidents WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(ids)) as IncidentDbRow[];
  for (const r of rows) {
    const key = keyOf(DERIVED_COLUMNS.map((c) => r[c]));
    out.set(r.id, { id: r.id, manual: r.manual === 1, status: r.status, source: r.source, key });
  }
  return out;
}

export interface IncidentWriter {
  insert(d: DerivedIncident, source: IncidentSource, manual: boolean, now: string): number;
  /** Writes derived fields and makes the incident active again (a superseded one can regain clips). */
  update(id: number, d: DerivedIncident, source: IncidentSource, now: string): void;
  setManual(id: number, now: string): void;
  /**
   * An incident left without clips: deleted when nothing refers to it; otherwise (a sample, a score) kept as
   * 'superseded', pointing at the incident that took its clips. Returns what happened.
   */
  retire(id: number, supersededBy: number | null, now: string): 'deleted' | 'superseded';
  /** Kept, without clips, pointing at the incident that took them (a person's merge keeps every id resolvable). */
  supersede(id: number, supersededBy: number, now: string): void;
}

export function incidentWriter(db: Database): IncidentWriter {
  // Bound by position: binding named parameters from an object costs more than the insert itself.
  const insert = db.prepare(
    `INSERT INTO incidents (${DERIVED_COLUMNS.join(', ')}, manual, created_at, updated_at)
     VALUES (${DERIVED_COLUMNS.map(() => '?').join(', ')}, ?, ?, ?)`,
  );
  const update = db.prepare(
    `UPDATE incidents SET ${DERIVED_COLUMNS.map((c) => `${c} = ?`).join(', ')}, status = 'active', superseded_by = NULL,
       updated_at = ? WHERE id = ?`,
  );
  const setManual = db.prepare("UPDATE incidents SET manual = 1, source = 'manual', updated_at = ? WHERE id = ?");
  const junctions = [
    { clear: db.prepare('DELETE FROM incident_officers WHERE incident_id = ?'), add: db.prepare('INSERT INTO incident_officers (incident_id, officer) VALUES (?, ?)'), values: (d: DerivedIncident) => d.officers },
    { clear: db.prepare('DELETE FROM incident_categories WHERE incident_id = ?'), add: db.prepare('INSERT INTO incident_categories (incident_id, category) VALUES (?, ?)'), values: (d: DerivedIncident) => d.categories },
    { clear: db.prepare('DELETE FROM incident_flags WHERE incident_id = ?'), add: db.prepare('INSERT INTO incident_flags (incident_id, flag) VALUES (?, ?)'), values: (d: DerivedIncident) => d.flags },
    { clear: db.prepare('DELETE FROM incident_refs WHERE incident_id = ?'), add: db.prepare('INSERT INTO incident_refs (incident_id, ref) VALUES (?, ?)'), values: (d: DerivedIncident) => d.refs },
  ];
  const remove = db.prepare('DELETE FROM incidents WHERE id = ?');
  const supersede = db.prepare(
    `UPDATE incidents SET status = 'superseded', superseded_by = ?, clip_count = 0, missing_count = 0,
       unplayable_count = 0, updated_at = ? WHERE id = ?`,
  );
  const writeJunctions = (id: number, d: DerivedIncident | null, fresh = false) => {
    for (const j of junctions) {
      if (!fresh) j.clear.run(id);
      if (d) for (const v of j.values(d)) j.add.run(id, v);
    }
  };
  return {
    insert(d, source, manual, now) {
      const id = Number(insert.run(...derivedValues(d, source), manual ? 1 : 0, now, now).lastInsertRowid);
      writeJunctions(id, d, true);
      return id;
    },
    update(id, d, source, now) {
      update.run(...derivedValues(d, source), now, id);
      writeJunctions(id, d);
    },
    setManual(id, now) {
      setManual.run(now, id);
    },
    supersede(id, supersededBy, now) {
      writeJunctions(id, null);
      supersede.run(supersededBy, now, id);
    },
    retire(id, supersededBy, now) {
      writeJunctions(id, null);
      try {
        remove.run(id);
        return 'deleted';
      } catch (e) {
        if (!/FOREIGN KEY/i.test((e as Error).message)) throw e;
        supersede.run(supersededBy, now, id);
        return 'superseded';
      }
    },
  };
}

export function countActiveIncidents(db: Database): number {
  return (db.prepare("SELECT count(*) AS n FROM incidents WHERE status = 'active'").get() as { n: number }).n;
}

const SORT_COLUMNS: Record<IncidentSort, string[]> = {
  started: ['started_at'],
  reference: ['reference', 'started_at'],
  bcu: ['bcu', 'started_at'],
  team: ['team', 'started_at'],
  clips: ['clip_count', 'started_at'],
};

/**
 * The WHERE clause and its parameters for a filter; bad dates are the user's to fix. For a window of rows in start
 * order, broad multi-valued filters (category, flag: a third of all incidents may be "child present") are checked per
 * incident while walking the start index, which stops after the window; counting, and the narrow ones (an officer,
 * a reference), go from the value's own index instead.
 */
function incidentWhere(f: IncidentFilter, use: 'window' | 'count'): { sql: string; params: (string | number)[] } {
  const clauses = ["status = 'active'"];
  const params: (string | number)[] = [];
  if (f.from !== undefined) {
    const r = localDateRangeToUtc(f.from, f.from);
    if (!r.ok) throw new UserError('bad-input', `from: ${r.error}`);
    clauses.push('started_at >= ?');
    params.push(r.startUtc);
  }
  if (f.to !== undefined) {
    const r = localDateRangeToUtc(f.to, f.to);
    if (!r.ok) throw new UserError('bad-input', `to: ${r.error}`);
    clauses.push('started_at < ?');
    params.push(r.endUtcExclusive);
  }
  if (f.from !== undefined && f.to !== undefined && f.to < f.from) {
    throw new UserError('bad-input', `date range ends (${f.to}) before it starts (${f.from})`);
  }
  if (f.bcu !== undefined) {
    clauses.push('bcu = ?');
    params.push(f.bcu);
  }
  if (f.team !== undefined) {
    clauses.push('team = ?');
    params.push(f.team);
  }
  const member = (table: string, column: string, value: string | undefined, broad = false) => {
    if (value === undefined) return;
    clauses.push(
      broad && use === 'window'
        ? `EXISTS (SELECT 1 FROM ${table} v WHERE v.incident_id = incidents.id AND v.${column} = ?)`
        : `id IN (SELECT incident_id FROM ${table} WHERE ${column} = ?)`,
    );
    params.push(value);
  };
  member('incident_categories', 'category', f.category, true);
  member('incident_flags', 'flag', f.flag, true);
  member('incident_officers', 'officer', f.officer);
  if (f.reference !== undefined && f.reference.trim() !== '') {
    const exact = normaliseReference(f.reference);
    if (exact) member('incident_refs', 'ref', exact);
    else {
      clauses.push('id IN (SELECT incident_id FROM incident_refs WHERE instr(upper(ref), ?) > 0)');
      params.push(f.reference.trim().toUpperCase());
    }
  }
  return { sql: clauses.join(' AND '), params };
}

export function incidentListSql(input: IncidentListInput): {
  sql: string;
  params: (string | number)[];
  countSql: string;
  countParams: (string | number)[];
} {
  const where = incidentWhere(input, 'window');
  const count = incidentWhere(input, 'count');
  const dir = input.dir === 'asc' ? 'ASC' : 'DESC';
  const order = [...SORT_COLUMNS[input.sort], 'id'].map((c) => `${c} ${dir}`).join(', ');
  return {
    sql: `SELECT * FROM incidents WHERE ${where.sql} ORDER BY ${order} LIMIT ? OFFSET ?`,
    params: where.params,
    countSql: `SELECT count(*) AS n FROM incidents WHERE ${count.sql}`,
    countParams: count.params,
  };
}

function toIncidentRow(r: IncidentDbRow): IncidentRow {
  return {
    id: r.id, reference: r.reference, references: JSON.parse(r.refs) as string[], source: r.source, manual: r.manual === 1,
    status: r.status, bcu: r.bcu, team: r.team, officers: JSON.parse(r.officers) as string[],
    officerIds: JSON.parse(r.officer_ids) as string[], startedAt: r.started_at, endedAt: r.ended_at,
    categories: JSON.parse(r.categories) as string[], flags: JSON.parse(r.flags) as string[], clipCount: r.clip_count,
    missingCount: r.missing_count, unplayableCount: r.unplayable_count,
  };
}

export function listIncidents(db: Database, input: IncidentListInput): IncidentPage {
  const q = incidentListSql(input);
  const total = (db.prepare(q.countSql).get(...q.countParams) as { n: number }).n;
  const rows = (db.prepare(q.sql).all(...q.params, input.limit, input.offset) as IncidentDbRow[]).map(toIncidentRow);
  return { total, rows };
}

interface ClipDbRow {
  id: number;
  root: string;
  rel_path: string;
  status: 'present' | 'missing';
  size: number;
  container: string;
  duration_sec: number | null;
  recorded_at: string | null;
  recorded_at_source: Clip['recordedAtSource'];
  width: number | null;
  height: number | null;
  frame_rate: number | null;
  video_codec: string | null;
  audio_codec: string | null;
  make: string | null;
  model: string | null;
  serial: string | null;
  lat: number | null;
  lon: number | null;
  alt: number | null;
  playable: number;
  unplayable_reason: string | null;
  probe_error: string | null;
  officer: string | null;
  officer_id: string | null;
  evidence_ref: string | null;
  sha256: string | null;
  bookmarks: string;
  incident_id: number;
}

const CLIP_SELECT = `SELECT c.*, r.path AS root, e.evidence_id AS evidence_ref
  FROM clips c JOIN roots r ON r.id = c.root_id LEFT JOIN evidence e ON e.id = c.evidence_id`;
const CLIP_ORDER = 'ORDER BY c.recorded_at IS NULL, c.recorded_at, c.id';

function toClip(r: ClipDbRow): Clip {
  return {
    id: r.id, path: clipAbsPath(r.root, r.rel_path), root: r.root, relPath: r.rel_path, status: r.status, size: r.size,
    container: r.container, durationSec: r.duration_sec, recordedAt: r.recorded_at, recordedAtSource: r.recorded_at_source,
    width: r.width, height: r.height, frameRate: r.frame_rate, videoCodec: r.video_codec, audioCodec: r.audio_codec,
    make: r.make, model: r.model, serial: r.serial,
    location: r.lat === null || r.lon === null ? null : { lat: r.lat, lon: r.lon, alt: r.alt },
    playable: r.playable === 1, unplayableReason: r.probe_error ?? r.unplayable_reason, officer: r.officer,
    officerId: r.officer_id, evidenceId: r.evidence_ref, sha256: r.sha256,
    bookmarks: JSON.parse(r.bookmarks) as Clip['bookmarks'],
  };
}

export function getIncident(db: Database, id: number): IncidentDetail {
  const r = db.prepare('SELECT * FROM incidents WHERE id = ?').get(id) as IncidentDbRow | undefined;
  if (!r) throw new UserError('not-found', `no incident ${id}`);
  const clips = (db.prepare(`${CLIP_SELECT} WHERE c.incident_id = ? ${CLIP_ORDER}`).all(id) as ClipDbRow[]).map(toClip);
  return { ...toIncidentRow(r), clips, evidence: evidenceOfIncident(db, id), supersededBy: r.superseded_by };
}

/** The clips of several incidents at once (the CLI lists incidents with their clips). */
export function clipsOfIncidents(db: Database, ids: readonly number[]): Map<number, Clip[]> {
  const out = new Map<number, Clip[]>(ids.map((id) => [id, []]));
  const stmt = db.prepare(`${CLIP_SELECT} WHERE c.incident_id = ? ${CLIP_ORDER}`);
  for (const id of ids) out.set(id, (stmt.all(id) as ClipDbRow[]).map(toClip));
  return out;
}

export function incidentFacets(db: Database): Facets {
  const col = (sql: string) => db.prepare(sql).pluck().all() as string[];
  return {
    bcus: col("SELECT DISTINCT bcu FROM incidents WHERE bcu IS NOT NULL AND status = 'active' ORDER BY bcu"),
    teams: col("SELECT DISTINCT team FROM incidents WHERE team IS NOT NULL AND status = 'active' ORDER BY team"),
    categories: col('SELECT DISTINCT category FROM incident_categories ORDER BY category'),
    flags: col('SELECT DISTINCT flag FROM incident_flags ORDER BY flag'),
    officers: col('SELECT DISTINCT officer FROM incident_officers ORDER BY officer'),
  };
}
