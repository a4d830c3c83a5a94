import type { Database } from 'better-sqlite3';
import type { Evidence } from '../../../shared/ipc/library';
import type { EvidenceRecord } from '../../../shared/library/evidenceCsv';
import { pause } from './paging';

/** manifests (imported export files) and evidence (their rows). */

export function upsertManifest(db: Database, m: { path: string; sha256: string; mapping: string; rows: number }, now: string): number {
  db.prepare(
    `INSERT INTO manifests (path, sha256, mapping, rows, imported_at) VALUES (@path, @sha256, @mapping, @rows, @now)
     ON CONFLICT(path) DO UPDATE SET sha256 = excluded.sha256, mapping = excluded.mapping, rows = excluded.rows,
       imported_at = excluded.imported_at`,
  ).run({ ...m, now });
  return (db.prepare('SELECT id FROM manifests WHERE path = ?').get(m.path) as { id: number }).id;
}

export interface EvidenceWrite {
  record: EvidenceRecord;
  contentHash: string;
}

/**
 * Every column an import writes, from the row and the import, in one order for the insert and the update. Bound by
 * position, statements prepared once per import: named binding and a prepare per chunk were a third of an import's
 * database time (a 100k-row export).
 */
const WRITTEN = [
  'evidence_id', 'manifest_id', 'line', 'title', 'officer', 'officer_id', 'team', 'bcu', 'grp', 'categories', 'flags',
  'tags', 'description', 'recorded_at', 'time_flag', 'uploaded_at', 'duration_sec', 'refs', 'file_name', 'custom',
  'content_hash', 'updated_at',
] as const;

function writtenValues(r: EvidenceRecord, manifestId: number, contentHash: string, now: string): (string | number | null)[] {
  return [
    r.evidenceId, manifestId, r.line, r.title, r.officer, r.officerId, r.team, r.bcu, r.group, JSON.stringify(r.categories),
    JSON.stringify(r.flags), JSON.stringify(r.tags), r.description, r.recordedAtUtc, r.timeFlag, r.uploadedAtUtc,
    r.durationSec, JSON.stringify(r.references), r.fileName, JSON.stringify(r.custom), contentHash, now,
  ];
}

/**
 * Writes rows whose content changed or that are new; returns the counts. The line and manifest follow the latest
 * import without counting as a change (a re-sorted export is the same evidence).
 */
export type EvidenceUpsert = (manifestId: number, rows: readonly EvidenceWrite[], now: string) => { added: number; updated: number };

export function evidenceUpserter(db: Database): EvidenceUpsert {
  const existing = db.prepare('SELECT id, content_hash, manifest_id, line FROM evidence WHERE evidence_id = ?').raw();
  const insert = db.prepare(`INSERT INTO evidence (${WRITTEN.join(', ')}) VALUES (${WRITTEN.map(() => '?').join(', ')})`);
  const update = db.prepare(`UPDATE evidence SET ${WRITTEN.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`);
  const relocate = db.prepare('UPDATE evidence SET manifest_id = ?, line = ? WHERE id = ?');
  return (manifestId, rows, now) => {
    let added = 0;
    let updated = 0;
    for (const { record: r, contentHash } of rows) {
      const before = existing.get(r.evidenceId) as [id: number, contentHash: string, manifestId: number, line: number] | undefined;
      if (!before) {
        insert.run(...writtenValues(r, manifestId, contentHash, now));
        added++;
      } else if (before[1] !== contentHash) {
        update.run(...writtenValues(r, manifestId, contentHash, now), before[0]);
        updated++;
      } else if (before[2] !== manifestId || before[3] !== r.line) {
        relocate.run(manifestId, r.line, before[0]);
      }
    }
    return { added, updated };
  };
}

export function countEvidence(db: Database): number {
  return (db.prepare('SELECT count(*) AS n FROM evidence').get() as { n: number }).n;
}

interface EvidenceRow {
  evidence_id: string;
  title: string | null;
  officer: string | null;
  team: string | null;
  bcu: string | null;
  categories: string;
  flags: string;
  recorded_at: string | null;
  time_flag: 'ambiguous' | 'nonexistent' | null;
  duration_sec: number | null;
  refs: string;
  file_name: string | null;
  description: string | null;
  source: string;
  line: number;
}

const EVIDENCE_SELECT = `SELECT e.evidence_id, e.title, e.officer, e.team, e.bcu, e.categories, e.flags, e.recorded_at,
  e.time_flag, e.duration_sec, e.refs, e.file_name, e.description, m.path AS source, e.line
  FROM evidence e JOIN manifests m ON m.id = e.manifest_id`;

function toEvidence(r: EvidenceRow): Evidence {
  return {
    evidenceId: r.evidence_id, title: r.title, officer: r.officer, team: r.team, bcu: r.bcu,
    categories: JSON.parse(r.categories) as string[], flags: JSON.parse(r.flags) as string[], recordedAt: r.recorded_at,
    timeFlag: r.time_flag, durationSec: r.duration_sec, references: JSON.parse(r.refs) as string[], fileName: r.file_name,
    description: r.description, source: r.source, line: r.line,
  };
}

/** The export rows behind an incident's clips. */
export function evidenceOfIncident(db: Database, incidentId: number): Evidence[] {
  return (
    db
      .prepare(`${EVIDENCE_SELECT} WHERE e.id IN (SELECT evidence_id FROM clips WHERE incident_id = ?) ORDER BY e.recorded_at, e.evidence_id`)
      .all(incidentId) as EvidenceRow[]
  ).map(toEvidence);
}

/** Export rows no file on disk was matched to (kept, and listed as problems). */
export function rowsWithoutClip(db: Database, offset: number, limit: number): { source: string; line: number; evidenceId: string; fileName: string | null }[] {
  return db
    .prepare(
      `SELECT m.path AS source, e.line, e.evidence_id AS evidenceId, e.file_name AS fileName
       FROM evidence e JOIN manifests m ON m.id = e.manifest_id
       WHERE NOT EXISTS (SELECT 1 FROM clips c WHERE c.evidence_id = e.id)
       ORDER BY m.path, e.line LIMIT ? OFFSET ?`,
    )
    .all(limit, offset) as { source: string; line: number; evidenceId: string; fileName: string | null }[];
}

/**
 * Every row without a clip, as rowsWithoutClip orders them, read a range of row ids at a time with a pause between
 * ranges (paging.ts): at the end of an index run over a 100k-row export one query would hold the core for ~60 ms.
 */
export async function allRowsWithoutClip(db: Database): Promise<{ source: string; line: number; evidenceId: string; fileName: string | null }[]> {
  const range = db.prepare(
    `SELECT m.path AS source, e.line, e.evidence_id AS evidenceId, e.file_name AS fileName
     FROM evidence e JOIN manifests m ON m.id = e.manifest_id
     WHERE e.id > ? AND e.id <= ? AND NOT EXISTS (SELECT 1 FROM clips c WHERE c.evidence_id = e.id)`,
  );
  const maxId = (db.prepare('SELECT max(id) AS id FROM evidence').get() as { id: number | null }).id ?? 0;
  const out: { source: string; line: number; evidenceId: string; fileName: string | null }[] = [];
  for (let after = 0; after < maxId; after += EVIDENCE_ID_RANGE) {
    if (after > 0) await pause();
    out.push(...(range.all(after, after + EVIDENCE_ID_RANGE) as typeof out));
  }
  return out.sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : a.line - b.line));
}

const EVIDENCE_ID_RANGE = 10_000;

export function countRowsWithoutClip(db: Database): number {
  return (
    db.prepare('SELECT count(*) AS n FROM evidence e WHERE NOT EXISTS (SELECT 1 FROM clips c WHERE c.evidence_id = e.id)').get() as { n: number }
  ).n;
}

/** Clips on disk no export row describes; only meaningful once some export has been imported. */
export function clipsWithoutRow(db: Database, offset: number, limit: number): { path: string; root: string }[] {
  return db
    .prepare(
      `SELECT c.rel_path AS path, r.path AS root FROM clips c JOIN roots r ON r.id = c.root_id
       WHERE c.evidence_id IS NULL AND c.status = 'present' ORDER BY c.id LIMIT ? OFFSET ?`,
    )
    .all(limit, offset) as { path: string; root: string }[];
}

export function countClipsWithoutRow(db: Database): number {
  return (db.prepare("SELECT count(*) AS n FROM clips WHERE evidence_id IS NULL AND status = 'present'").get() as { n: number }).n;
}
