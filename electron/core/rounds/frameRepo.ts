import type { Database } from 'better-sqlite3';
import type { StratumField } from '../../../shared/ipc/rounds';
import type { FrameColumns } from '../../../shared/sampling/frame';
import type { CheckedFilters } from './design';
import { frameFromJoined, frameFromRows } from './frameRows';

/**
 * The sampling frame: active incidents matching a round's filters, ordered by incident id (the stable key), each with
 * the stratum fields the design needs and nothing more, so a frame of a million incidents is one index-driven read.
 * Multi-valued filters (categories, flags, officers) go through the one-row-per-value tables the library keeps.
 */
export interface FrameQuery {
  sql: string;
  params: (string | number)[];
  /** Which stratum field each selected column after the id holds. */
  columns: StratumField[];
}

const COLUMN: Record<StratumField, string> = {
  team: 'i.team',
  shift: 'i.started_at',
  // Categories and officers are stored as sorted JSON arrays; the first is the stratum value.
  category: "json_extract(i.categories, '$[0]')",
  officer: "json_extract(i.officers, '$[0]')",
};

const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/**
 * The frame's WHERE clause. `beforeRoundId`: incidents sampled by a round with a smaller id are left out unless the
 * filters include previously sampled ones; a new round passes Infinity-like MAX_SAFE_INTEGER (every round so far is
 * earlier), verify passes the round's own id so later rounds do not change its frame.
 */
function frameWhere(filters: CheckedFilters, beforeRoundId: number): { where: string; params: (string | number)[] } {
  const f = filters.stored;
  const where = ["i.status = 'active'"];
  const params: (string | number)[] = [];
  if (f.bcu !== undefined) {
    where.push('i.bcu = ?');
    params.push(f.bcu);
  }
  if (filters.startUtc !== null) {
    where.push('i.started_at >= ?');
    params.push(filters.startUtc);
  }
  if (filters.endUtcExclusive !== null) {
    where.push('i.started_at < ?');
    params.push(filters.endUtcExclusive);
  }
  if (f.teams.length > 0) {
    where.push(`i.team IN (${placeholders(f.teams.length)})`);
    params.push(...f.teams);
  }
  // With a BCU, date or team bound the incidents come off their own index, and each candidate's categories are
  // probed by primary key; with no such bound, the value lists are the narrower door and drive the read instead.
  const bounded = params.length > 0;
  const anyOf = (table: string, column: string, values: readonly string[]) => {
    if (values.length === 0) return;
    const list = `${column} IN (${placeholders(values.length)})`;
    where.push(
      bounded
        ? `EXISTS (SELECT 1 FROM ${table} v WHERE v.incident_id = i.id AND v.${list})`
        : `i.id IN (SELECT incident_id FROM ${table} WHERE ${list})`,
    );
    params.push(...values);
  };
  anyOf('incident_categories', 'category', f.categories);
  anyOf('incident_flags', 'flag', f.flags);
  anyOf('incident_officers', 'officer', f.officers);
  if (!f.includePreviouslySampled) {
    where.push('NOT EXISTS (SELECT 1 FROM round_incidents ri WHERE ri.incident_id = i.id AND ri.round_id < ?)');
    params.push(beforeRoundId);
  }
  return { where: where.join(' AND '), params };
}

/** SQL for the frame one incident per row, in id order, with the stratum fields the design needs. */
export function frameQuery(filters: CheckedFilters, strata: readonly StratumField[], beforeRoundId: number): FrameQuery {
  const { where, params } = frameWhere(filters, beforeRoundId);
  const columns = [...strata];
  const select = ['i.id', ...columns.map((c) => COLUMN[c])].join(', ');
  return { sql: `SELECT ${select} FROM incidents i WHERE ${where} ORDER BY i.id`, params, columns };
}

/**
 * SQL for the same frame as ONE row: the count, the ids joined by commas, and each stratum field's values joined by
 * U+001F (NULL as ''), all in the same row order. No ORDER BY: the rows come in the order of whichever index suits
 * the filters (for the whole library, the narrow incidents_frame index rather than the wide table).
 */
export function frameAggregateQuery(filters: CheckedFilters, strata: readonly StratumField[], beforeRoundId: number): FrameQuery {
  const { where, params } = frameWhere(filters, beforeRoundId);
  const columns = [...strata];
  const values = columns.map((c) => `, group_concat(ifnull(${COLUMN[c]}, ''), char(31))`).join('');
  return { sql: `SELECT count(*), group_concat(i.id)${values} FROM incidents i WHERE ${where}`, params, columns };
}

/**
 * The frame in id order, as columns. SQLite hands it over in a few long strings (frameAggregateQuery), because
 * turning a million rows into a million JS arrays and strings costs several times the query itself. Should a field
 * value contain the separator, the strings cannot be split safely, and the frame is read again row by row.
 */
export function readFrame(db: Database, filters: CheckedFilters, strata: readonly StratumField[], beforeRoundId: number): FrameColumns {
  const agg = frameAggregateQuery(filters, strata, beforeRoundId);
  const [count, ids, ...values] = db.prepare(agg.sql).raw().get(...agg.params) as [number, string | null, ...(string | null)[]];
  const frame = frameFromJoined(strata, count, ids ?? '', values.map((v) => v ?? ''));
  if (frame) return frame;
  const q = frameQuery(filters, strata, beforeRoundId);
  return frameFromRows(strata, db.prepare(q.sql).raw().all(...q.params) as (number | string | null)[][]);
}

/** How many incidents the same filters would give if previously sampled ones were kept (for the empty-frame message). */
export function countIncludingSampled(db: Database, filters: CheckedFilters): number {
  const q = frameQuery({ ...filters, stored: { ...filters.stored, includePreviouslySampled: true } }, [], 0);
  return (db.prepare(`SELECT count(*) FROM (${q.sql})`).pluck().get(...q.params) as number) ?? 0;
}
