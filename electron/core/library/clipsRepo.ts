import type { Database } from 'better-sqlite3';
import { OLD_FINGERPRINTS_KEY } from '../db/migrations/007-fingerprint-hash';
import { PAGE_ROWS, pause } from './paging';
import { clipAbsPath } from './paths';

/** clips and skipped_files: what is on disk, by root and relative path. */

/** What the last run left for a path: enough to decide "unchanged" from a stat alone. */
export interface KnownFile {
  /** Clip id, or null for a remembered unreadable file (skipped_files). */
  clipId: number | null;
  size: number;
  mtimeMs: number;
  ino: string;
  sidecarSig: string;
  status: 'present' | 'missing';
  /** Why the file cannot be used (a skipped file's reason, or a known clip's probe error). */
  problem: string | null;
}

/** What the last run left under a root, read in pages (the core keeps answering while a big root loads). */
export async function loadKnownFiles(db: Database, rootId: number): Promise<Map<string, KnownFile>> {
  const known = new Map<string, KnownFile>();
  // "+root_id": pages walk the table by id; through the (root_id, rel_path) index each page would re-sort the root.
  const clips = db.prepare(
    `SELECT id, rel_path, size, mtime_ms, ino, sidecar_sig, status, probe_error
     FROM clips WHERE +root_id = ? AND id > ? ORDER BY id LIMIT ?`,
  ).raw();
  type Row = [number, string, number, number, string, string, 'present' | 'missing', string | null];
  for (let after = 0; ; ) {
    const rows = clips.all(rootId, after, PAGE_ROWS) as Row[];
    for (const [id, rel, size, mtimeMs, ino, sidecarSig, status, problem] of rows) {
      known.set(rel, { clipId: id, size, mtimeMs, ino, sidecarSig, status, problem });
    }
    if (rows.length < PAGE_ROWS) break;
    after = rows[rows.length - 1]![0];
    await pause();
  }
  const skipped = db.prepare('SELECT rel_path, size, mtime_ms, ino, reason FROM skipped_files WHERE root_id = ?').raw().all(rootId) as [string, number, number, string, string][];
  for (const [rel, size, mtimeMs, ino, reason] of skipped) {
    if (!known.has(rel)) known.set(rel, { clipId: null, size, mtimeMs, ino, sidecarSig: '', status: 'present', problem: reason });
  }
  return known;
}

/**
 * Every clip's fingerprint key (fingerprintKey), to the ids of the clips holding it: read once per run, when the
 * first new file turns up, so that a new file whose key no clip has (nearly every one) costs no query. A first index
 * never reads it: there are no clips yet.
 */
export type MoveKeys = ReadonlyMap<number, number | number[]>;

export async function moveKeys(db: Database): Promise<MoveKeys> {
  const keys = new Map<number, number | number[]>();
  const page = db.prepare('SELECT id, fp_key FROM clips WHERE id > ? ORDER BY id LIMIT ?').raw();
  for (let after = 0; ; ) {
    const rows = page.all(after, PAGE_ROWS) as [number, number | null][];
    for (const [id, key] of rows) {
      if (key === null) continue;
      const held = keys.get(key);
      keys.set(key, held === undefined ? id : Array.isArray(held) ? [...held, id] : [held, id]);
    }
    if (rows.length < PAGE_ROWS) return keys;
    after = rows[rows.length - 1]![0];
    await pause();
  }
}

/** Every column a scan writes for one file (links to evidence and incidents are the link and group passes' job). */
export interface ClipRecord {
  rootId: number;
  relPath: string;
  fileName: string;
  size: number;
  mtimeMs: number;
  ino: string;
  fingerprint: string;
  /** fingerprintKey(fingerprint): what move detection looks up first (moveKeys). */
  fpKey: number;
  container: string;
  probeError: string | null;
  durationSec: number | null;
  recordedAt: string | null;
  recordedAtSource: 'file' | 'sidecar' | 'name' | null;
  fileRecordedAt: string | null;
  width: number | null;
  height: number | null;
  frameRate: number | null;
  videoCodec: string | null;
  audioCodec: string | null;
  make: string | null;
  model: string | null;
  serial: string | null;
  software: string | null;
  lat: number | null;
  lon: number | null;
  alt: number | null;
  playable: 0 | 1;
  unplayableReason: string | null;
  sidecarSig: string;
  sideSource: 'motorola' | 'axis' | null;
  sideOfficer: string | null;
  sideOfficerId: string | null;
  sideSerial: string | null;
  sideStart: string | null;
  sideRefs: string;
  bookmarks: string;
  officer: string | null;
  officerId: string | null;
  now: string;
}

/**
 * Every column a scan writes and the record field it is written from, in one order for the insert and the updates.
 * Values are bound by position: binding ~40 named parameters from an object costs more than the rest of the call.
 */
const SCANNED = [
  ['root_id', 'rootId'], ['rel_path', 'relPath'], ['file_name', 'fileName'], ['size', 'size'],
  ['mtime_ms', 'mtimeMs'], ['ino', 'ino'], ['fingerprint', 'fingerprint'], ['fp_key', 'fpKey'],
  ['container', 'container'], ['probe_error', 'probeError'], ['duration_sec', 'durationSec'],
  ['recorded_at', 'recordedAt'], ['recorded_at_source', 'recordedAtSource'], ['file_recorded_at', 'fileRecordedAt'],
  ['width', 'width'], ['height', 'height'], ['frame_rate', 'frameRate'], ['video_codec', 'videoCodec'],
  ['audio_codec', 'audioCodec'], ['make', 'make'], ['model', 'model'], ['serial', 'serial'],
  ['software', 'software'], ['lat', 'lat'], ['lon', 'lon'], ['alt', 'alt'], ['playable', 'playable'],
  ['unplayable_reason', 'unplayableReason'], ['sidecar_sig', 'sidecarSig'], ['side_source', 'sideSource'],
  ['side_officer', 'sideOfficer'], ['side_officer_id', 'sideOfficerId'], ['side_serial', 'sideSerial'],
  ['side_start', 'sideStart'], ['side_refs', 'sideRefs'], ['bookmarks', 'bookmarks'], ['officer', 'officer'],
  ['officer_id', 'officerId'],
] as const satisfies readonly (readonly [column: string, field: Exclude<keyof ClipRecord, 'now'>])[];
// Compile-time: a field added to ClipRecord and not to SCANNED fails here rather than going unwritten.
type Unwritten = Exclude<keyof ClipRecord, 'now' | (typeof SCANNED)[number][1]>;
const everyFieldWritten: [Unwritten] extends [never] ? true : Unwritten = true;
void everyFieldWritten;
const scannedValues = (rec: ClipRecord) => SCANNED.map(([, field]) => rec[field]);
const SET_SCANNED = `${SCANNED.map(([column]) => `${column} = ?`).join(', ')}, status = 'present', missing_since = NULL, updated_at = ?`;

export interface FingerprintCandidate {
  id: number;
  rootPath: string;
  relPath: string;
  status: 'present' | 'missing';
}

export interface ClipWriter {
  /** A new clip, in the incident given (regroup.ts ownIncidents) or in none until regrouping. */
  insert(rec: ClipRecord, incidentId?: number | null): number;
  /** The file at a known path changed: new metadata, and the full hash no longer holds. */
  update(id: number, rec: ClipRecord): void;
  /** A moved or renamed file: the same row (history, links, scores) at its new path; the content is the same. */
  relink(id: number, rec: ClipRecord): void;
  markPresent(id: number, now: string): void;
  /** An unchanged clip's fingerprint, read again (clipsWithOldFingerprints). */
  setFingerprint(id: number, fingerprint: string, fpKey: number, now: string): void;
  /**
   * Of these clips (the ids moveKeys holds for the fingerprint's key), those with this fingerprint that could be the
   * source of a move: missing ones first, then older present ones.
   */
  moveCandidates(fingerprint: string, ids: number | readonly number[]): FingerprintCandidate[];
  upsertSkipped(rootId: number, relPath: string, stat: { size: number; mtimeMs: number; ino: string }, reason: string): void;
  deleteSkipped(rootId: number, relPath: string): void;
}

/** Candidates examined per fingerprint: a library holding many identical copies must not turn each add into N stats. */
const MOVE_CANDIDATES = 20;

export function clipWriter(db: Database): ClipWriter {
  const insert = db.prepare(
    `INSERT INTO clips (${SCANNED.map(([column]) => column).join(', ')}, incident_id, status, created_at, updated_at)
     VALUES (${SCANNED.map(() => '?').join(', ')}, ?, 'present', ?, ?)`,
  );
  const update = db.prepare(`UPDATE clips SET ${SET_SCANNED}, sha256 = NULL, hashed_at = NULL WHERE id = ?`);
  const relink = db.prepare(`UPDATE clips SET ${SET_SCANNED} WHERE id = ?`);
  const present = db.prepare("UPDATE clips SET status = 'present', missing_since = NULL, updated_at = ? WHERE id = ?");
  const setFingerprint = db.prepare('UPDATE clips SET fingerprint = ?, fp_key = ?, updated_at = ? WHERE id = ?');
  const withFingerprint = db.prepare(
    `SELECT c.id, r.path AS rootPath, c.rel_path AS relPath, c.status FROM clips c JOIN roots r ON r.id = c.root_id
     WHERE c.id IN (SELECT value FROM json_each(?)) AND c.fingerprint = ? AND c.status = ? ORDER BY c.id LIMIT ${MOVE_CANDIDATES}`,
  );
  const upsertSkipped = db.prepare(
    `INSERT INTO skipped_files (root_id, rel_path, size, mtime_ms, ino, reason) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT(root_id, rel_path) DO UPDATE SET size = excluded.size, mtime_ms = excluded.mtime_ms,
       ino = excluded.ino, reason = excluded.reason`,
  );
  const deleteSkipped = db.prepare('DELETE FROM skipped_files WHERE root_id = ? AND rel_path = ?');
  const candidates = (ids: string, fp: string, status: string) => withFingerprint.all(ids, fp, status) as FingerprintCandidate[];
  return {
    insert: (rec, incidentId = null) => Number(insert.run(...scannedValues(rec), incidentId, rec.now, rec.now).lastInsertRowid),
    update: (id, rec) => void update.run(...scannedValues(rec), rec.now, id),
    relink: (id, rec) => void relink.run(...scannedValues(rec), rec.now, id),
    markPresent: (id, now) => void present.run(now, id),
    setFingerprint: (id, fingerprint, fpKey, now) => void setFingerprint.run(fingerprint, fpKey, now, id),
    moveCandidates: (fp, ids) => {
      const list = JSON.stringify(typeof ids === 'number' ? [ids] : ids);
      return [...candidates(list, fp, 'missing'), ...candidates(list, fp, 'present')];
    },
    upsertSkipped: (rootId, rel, st, reason) => void upsertSkipped.run(rootId, rel, st.size, st.mtimeMs, st.ino, reason),
    deleteSkipped: (rootId, rel) => void deleteSkipped.run(rootId, rel),
  };
}

/**
 * After a complete walk: every clip the roots held before the run that the walk did not see is missing (its row,
 * links and scores stay); a remembered unreadable file that was not seen is forgotten, there is nothing left to
 * report. Worked out from the files known at the start of the run (a clip added during the run was seen) in the
 * folders whose clips were read (folderStates.ts: a folder settled from its listing holds no unseen file), so an
 * unchanged library costs no second pass over the table. Returns how many went missing in this run and how many
 * remembered files were forgotten. Writes a chunk at a time, each with `onChange` (the "regroup needed" mark).
 */
export async function settleUnseen(
  db: Database,
  known: ReadonlyMap<number, ReadonlyMap<string, KnownFile>>,
  seenClips: ReadonlySet<number>,
  seenSkipped: ReadonlyMap<number, ReadonlySet<string>>,
  now: string,
  onChange: () => void,
): Promise<{ newlyMissing: number; forgotten: number }> {
  const newly: number[] = [];
  const forget: [number, string][] = [];
  for (const [rootId, files] of known) {
    const seen = seenSkipped.get(rootId);
    for (const [rel, k] of files) {
      if (k.clipId === null) {
        if (!seen?.has(rel)) forget.push([rootId, rel]);
      } else if (!seenClips.has(k.clipId) && k.status === 'present') newly.push(k.clipId);
    }
  }
  const mark = db.prepare("UPDATE clips SET status = 'missing', missing_since = ?, updated_at = ? WHERE id = ?");
  for (let i = 0; i < newly.length; i += PAGE_ROWS) {
    if (i > 0) await pause();
    db.transaction(() => {
      for (const id of newly.slice(i, i + PAGE_ROWS)) mark.run(now, now, id);
      onChange();
    })();
  }
  const remove = db.prepare('DELETE FROM skipped_files WHERE root_id = ? AND rel_path = ?');
  if (forget.length > 0) db.transaction(() => forget.forEach(([rootId, rel]) => remove.run(rootId, rel)))();
  return { newlyMissing: newly.length, forgotten: forget.length };
}

/** Clips under these roots marked missing: after a complete run, the ones its walk did not find. */
export function countMissingClips(db: Database, rootIds: readonly number[]): number {
  // Through the partial index of missing clips (an unchanged library has few or none); "+root_id" keeps the planner
  // off the (root_id, rel_path) index, which would read every clip of the roots (25-50 ms at 100k).
  const row = db
    .prepare("SELECT count(*) FROM clips WHERE status = 'missing' AND +root_id IN (SELECT value FROM json_each(?))")
    .pluck()
    .get(JSON.stringify(rootIds));
  return row as number;
}

/**
 * Present clips still fingerprinted with SHA-256 (64 hex digits; indexed before schema 7): a run reads their two ends
 * again and stores the new fingerprint, so moves keep being recognised. Only looked for while the library carries the
 * mark migration 7 left; null, and the mark cleared, once none is left.
 */
export function clipsWithOldFingerprints(db: Database): Set<number> | null {
  if (db.prepare('SELECT 1 FROM settings WHERE key = ?').get(OLD_FINGERPRINTS_KEY) === undefined) return null;
  const ids = db
    .prepare("SELECT id FROM clips WHERE status = 'present' AND length(fingerprint) - instr(fingerprint, ':') = 64")
    .pluck()
    .all() as number[];
  if (ids.length > 0) return new Set(ids);
  db.prepare('DELETE FROM settings WHERE key = ?').run(OLD_FINGERPRINTS_KEY);
  return null;
}

/** All clips less the missing ones: a count over the smallest index and the partial index of missing clips. */
export function countPresentClips(db: Database): number {
  return db.prepare("SELECT (SELECT count(*) FROM clips) - (SELECT count(*) FROM clips WHERE status = 'missing')").pluck().get() as number;
}

/** Where a clip's file is and the roots it must stay inside (for the media protocol). */
export function clipLocation(db: Database, clipId: number): { path: string; roots: string[] } | null {
  const r = db
    .prepare('SELECT r.path AS root, c.rel_path AS rel FROM clips c JOIN roots r ON r.id = c.root_id WHERE c.id = ?')
    .get(clipId) as { root: string; rel: string } | undefined;
  if (!r) return null;
  const roots = db.prepare('SELECT path FROM roots ORDER BY id').pluck().all() as string[];
  return { path: clipAbsPath(r.root, r.rel), roots };
}

/** Present, readable clips under these roots still without a full SHA-256. */
export function clipsNeedingHash(db: Database, rootIds: readonly number[]): { id: number; path: string }[] {
  const stmt = db.prepare(
    `SELECT c.id, r.path AS root, c.rel_path AS rel FROM clips c JOIN roots r ON r.id = c.root_id
     WHERE c.root_id = ? AND c.status = 'present' AND c.sha256 IS NULL AND c.probe_error IS NULL ORDER BY c.id`,
  );
  return rootIds.flatMap((id) => (stmt.all(id) as { id: number; root: string; rel: string }[]).map((r) => ({ id: r.id, path: clipAbsPath(r.root, r.rel) })));
}

export function hashWriter(db: Database): (id: number, sha256: string, now: string) => void {
  const stmt = db.prepare('UPDATE clips SET sha256 = ?, hashed_at = ? WHERE id = ?');
  return (id, sha256, now) => void stmt.run(sha256, now, id);
}
