import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/db/open';
import { incidentListSql } from '../../../electron/core/library/incidentsRepo';
import { incidentListInputSchema } from '../../../shared/ipc/library';

const dir = mkdtempSync(join(tmpdir(), 'bwc-schema-'));
const db = openDatabase(join(dir, 'x.sqlite'));
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});
const plan = (sql: string, params: unknown[]) =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join('\n');
const listPlan = (input: object) => {
  const q = incidentListSql(incidentListInputSchema.parse(input));
  return plan(q.sql, [...q.params, 100, 0]);
};
const countPlan = (input: object) => {
  const q = incidentListSql(incidentListInputSchema.parse(input));
  return plan(q.countSql, q.countParams);
};

describe('migration 002 (library)', () => {
  it('creates STRICT tables for roots, clips, evidence, incidents, runs and problems', () => {
    const tables = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string; sql: string }[];
    const names = tables.map((t) => t.name);
    for (const t of ['roots', 'clips', 'skipped_files', 'manifests', 'evidence', 'incidents', 'incident_officers', 'incident_categories', 'incident_flags', 'incident_refs', 'index_runs', 'problems']) {
      expect(names).toContain(t);
    }
    for (const t of tables) expect(t.sql, t.name).toMatch(/\)\s*STRICT(,\s*WITHOUT ROWID)?\s*$/);
  });

  it('refuses a clip status or run status outside the allowed values', () => {
    expect(() => db.prepare("INSERT INTO index_runs (status, actor, pid, host, started_at, heartbeat_at, roots) VALUES ('odd', 'a', 1, 'h', 't', 't', '[]')").run()).toThrow(/CHECK/);
  });
});

describe('incident list queries use the intended indexes (EXPLAIN QUERY PLAN)', () => {
  it('walks incidents_started in order for the default newest-first list, with no sort step', () => {
    const p = listPlan({});
    expect(p).toMatch(/SCAN incidents USING INDEX incidents_started/);
    expect(p).not.toMatch(/TEMP B-TREE/);
    expect(listPlan({ dir: 'asc' })).not.toMatch(/TEMP B-TREE/);
  });

  it('searches incidents_bcu / incidents_team (with the date range) and still needs no sort step', () => {
    const bcu = listPlan({ bcu: 'Central East' });
    expect(bcu).toMatch(/SEARCH incidents USING INDEX incidents_bcu \(bcu=\?\)/);
    expect(bcu).not.toMatch(/TEMP B-TREE/);
    const team = listPlan({ team: 'CE-ERT-A', from: '2026-10-01', to: '2026-10-31' });
    expect(team).toMatch(/SEARCH incidents USING INDEX incidents_team \(team=\? AND started_at>\? AND started_at<\?\)/);
    expect(team).not.toMatch(/TEMP B-TREE/);
  });

  it('sorts by reference through incidents_reference', () => {
    expect(listPlan({ sort: 'reference' })).toMatch(/USING INDEX incidents_reference/);
  });

  it('walks the start index for a window filtered by a broad value (flag, category), probing each incident by key', () => {
    const flag = listPlan({ flag: 'child-present' });
    expect(flag).toMatch(/SCAN incidents USING INDEX incidents_started/);
    expect(flag).toMatch(/SEARCH v USING PRIMARY KEY \(incident_id=\? AND flag=\?\)/);
    expect(flag).not.toMatch(/TEMP B-TREE/);
    expect(listPlan({ category: 'Domestic Abuse' })).toMatch(/SEARCH v USING PRIMARY KEY \(incident_id=\? AND category=\?\)/);
  });

  it('counts, and finds narrow values (officer, exact reference), through the value indexes', () => {
    expect(countPlan({ flag: 'child-present' })).toMatch(/SEARCH incident_flags USING COVERING INDEX incident_flags_value \(flag=\?\)/);
    expect(countPlan({ category: 'Domestic Abuse' })).toMatch(/incident_categories_value \(category=\?\)/);
    expect(listPlan({ officer: 'PC 1234CE' })).toMatch(/incident_officers_value \(officer=\?\)/);
    expect(listPlan({ reference: 'cad 4517/24oct26' })).toMatch(/incident_refs_value \(ref=\?\)/);
  });

  it('finds move candidates by id (the keys are read per run, not indexed), clips by incident, and clips by export row through their indexes', () => {
    const moves = plan("SELECT id FROM clips WHERE id IN (SELECT value FROM json_each(?)) AND fingerprint = ? AND status = 'missing' ORDER BY id LIMIT 20", ['[1,2]', 'x']);
    expect(moves).toMatch(/SEARCH clips USING INTEGER PRIMARY KEY \(rowid=\?\)/);
    expect(moves).not.toMatch(/SCAN clips/);
    expect(db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'clips'").pluck().all()).not.toContain('clips_fp_key');
    // The closing count of present clips: every clip less the missing ones, neither read from the table itself.
    const present = plan("SELECT (SELECT count(*) FROM clips) - (SELECT count(*) FROM clips WHERE status = 'missing')", []);
    expect(present).toMatch(/SCAN clips USING COVERING INDEX clips_missing/);
    expect(present).not.toMatch(/SCAN clips(?! USING)/);
    expect(plan('SELECT id FROM clips WHERE incident_id = ?', [1])).toMatch(/clips_incident \(incident_id=\?\)/);
    expect(plan('SELECT 1 FROM evidence e WHERE NOT EXISTS (SELECT 1 FROM clips c WHERE c.evidence_id = e.id)', [])).toMatch(/clips_evidence \(evidence_id=\?\)/);
  });
});
