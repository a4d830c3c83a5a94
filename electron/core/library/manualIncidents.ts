import type { Database } from 'better-sqlite3';
import { hostname } from 'node:os';
import type { CombinationResult } from '../../../shared/ipc/library';
import { appendAudit } from '../audit/log';
import { UserError } from '../errors';
import { deriveIncident } from './group';
import { incidentWriter } from './incidentsRepo';
import { incidentClipFacts } from './regroup';
import { liveRun } from './runsRepo';

/**
 * A person's corrections to the grouping: merge several incidents into one, or split clips off into a new one. Both
 * mark the incidents involved as manual, so re-indexing never undoes them (see regroup.ts), and both are recorded
 * in the audit log as 'combination' events in the same transaction. Merged-away incidents are kept as 'superseded'
 * (pointing at the survivor) so every id the audit log names still resolves.
 */

function refuseDuringIndex(db: Database): void {
  const live = liveRun(db, new Date(), hostname());
  if (live) throw new UserError('locked', `an index run (#${live.id}) is in progress; merge or split when it has finished`);
}

function activeIncident(db: Database, id: number): void {
  const r = db.prepare('SELECT status, superseded_by FROM incidents WHERE id = ?').get(id) as
    | { status: string; superseded_by: number | null }
    | undefined;
  if (!r) throw new UserError('not-found', `no incident ${id}`);
  if (r.status !== 'active') {
    throw new UserError('conflict', `incident ${id} was superseded${r.superseded_by ? ` by incident ${r.superseded_by}` : ''}; use that one`);
  }
}

const clipIdsOf = (db: Database, incidentId: number) =>
  db.prepare('SELECT id FROM clips WHERE incident_id = ? ORDER BY id').pluck().all(incidentId) as number[];

export function mergeIncidents(db: Database, actor: string, ids: readonly number[], reason: string | null, now = new Date()): CombinationResult {
  const distinct = [...new Set(ids)].sort((a, b) => a - b);
  if (distinct.length < 2) throw new UserError('bad-input', 'merge needs at least two different incidents');
  refuseDuringIndex(db);
  return db.transaction(() => {
    distinct.forEach((id) => activeIncident(db, id));
    const [target, ...others] = distinct as [number, ...number[]];
    const at = now.toISOString();
    const writer = incidentWriter(db);
    const move = db.prepare('UPDATE clips SET incident_id = ?, updated_at = ? WHERE incident_id = ?');
    const moved = others.flatMap((id) => clipIdsOf(db, id));
    for (const id of others) {
      move.run(target, at, id);
      writer.supersede(id, target, at);
    }
    writer.setManual(target, at);
    writer.update(target, deriveIncident(incidentClipFacts(db, target)), 'manual', at);
    appendAudit(db, actor, {
      action: 'combination',
      objectType: 'incident',
      objectId: target,
      detail: { operation: 'merge', merged: others, into: target, clipIds: moved },
      reason,
    }, now);
    return { incidentId: target, from: others, clipIds: moved };
  })();
}

export function splitIncident(
  db: Database,
  actor: string,
  incidentId: number,
  clipIds: readonly number[],
  reason: string | null,
  now = new Date(),
): CombinationResult {
  const chosen = [...new Set(clipIds)].sort((a, b) => a - b);
  if (chosen.length === 0) throw new UserError('bad-input', 'name the clips to split off');
  refuseDuringIndex(db);
  return db.transaction(() => {
    activeIncident(db, incidentId);
    const members = new Set(clipIdsOf(db, incidentId));
    const strangers = chosen.filter((id) => !members.has(id));
    if (strangers.length > 0) throw new UserError('bad-input', `clip(s) ${strangers.join(', ')} are not in incident ${incidentId}`);
    if (chosen.length === members.size) {
      throw new UserError('bad-input', `splitting off all ${members.size} clips of incident ${incidentId} would leave it empty; name fewer clips`);
    }
    const at = now.toISOString();
    const facts = incidentClipFacts(db, incidentId);
    const picked = new Set(chosen);
    const writer = incidentWriter(db);
    const newId = writer.insert(deriveIncident(facts.filter((f) => picked.has(f.id))), 'manual', true, at);
    const move = db.prepare('UPDATE clips SET incident_id = ?, updated_at = ? WHERE id = ?');
    for (const id of chosen) move.run(newId, at, id);
    writer.setManual(incidentId, at);
    writer.update(incidentId, deriveIncident(facts.filter((f) => !picked.has(f.id))), 'manual', at);
    appendAudit(db, actor, {
      action: 'combination',
      objectType: 'incident',
      objectId: incidentId,
      detail: { operation: 'split', from: incidentId, into: newId, clipIds: chosen },
      reason,
    }, now);
    return { incidentId: newId, from: [incidentId], clipIds: chosen };
  })();
}
