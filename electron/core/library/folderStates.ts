import { hash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { KnownFile } from './clipsRepo';
import { PAGE_ROWS, pause } from './paging';
import type { ScannedClip } from './scan';
import { sidecarSignature } from './sidecars';

/**
 * folder_states: what each library folder held when the last complete index run settled it. A re-index still lists
 * every folder and stats every video file (that is how a change is seen), but a folder whose listing digest is the one
 * stored is settled as it stands: its clips' rows are not read. Only a folder that changed, is new, or has vanished
 * has its clips read and compared file by file.
 *
 * Trust: the states describe the clips table only as the run that wrote them left it, so they are used only while the
 * mark FOLDER_STATES_KEY is set. Every run clears the mark as it starts (takeFolderStates) and a run that completes
 * writes the states and the mark again in one transaction. A run that is cancelled, fails or is killed leaves no mark,
 * and the next run compares every file, as a library without states always is.
 */
export const FOLDER_STATES_KEY = 'library.folderStates';

export interface FolderState {
  rootId: number;
  relDir: string;
  /** Digest of the folder's listing when settled (folderListing); '' means "compare file by file". */
  listing: string;
  /** The folder's clip ids, comma-separated: read (clipIds) only for a folder that changed. */
  ids: string;
  count: number;
  missing: number;
}

const clipIds = (s: FolderState): number[] => (s.ids === '' ? [] : s.ids.split(',').map(Number));

/** Folder states by folderKey. */
export type FolderStates = ReadonlyMap<string, FolderState>;

export const folderKey = (rootId: number, relDir: string): string => `${rootId}\u0000${relDir}`;

export const relDirOf = (relPath: string): string => {
  const i = relPath.lastIndexOf('/');
  return i < 0 ? '' : relPath.slice(0, i);
};

/**
 * Digest of a folder's video files as the walk saw them: names, size, mtime, file id and sidecar stats, everything
 * sameFile() compares. Fields are joined with NUL, which no file name can hold, and every file has the same number of
 * fields, so two different listings cannot be spelled the same.
 */
export function folderListing(clips: readonly ScannedClip[]): string {
  const parts: string[] = [];
  for (const c of clips) parts.push(c.name, String(c.stat.size), String(c.stat.mtimeMs), c.stat.ino, sidecarSignature(c));
  return hash('sha1', parts.join('\u0000'), 'base64');
}

/** The states, if the last run that wrote the library left them whole; the mark is cleared either way. */
export function takeFolderStates(db: Database): FolderStates | null {
  const marked = db.prepare('DELETE FROM settings WHERE key = ? RETURNING key').get(FOLDER_STATES_KEY) !== undefined;
  if (!marked) return null;
  const states = new Map<string, FolderState>();
  const rows = db.prepare('SELECT root_id, rel_dir, listing, clip_ids, clip_count, missing FROM folder_states').raw().all() as [number, string, string, string, number, number][];
  for (const [rootId, relDir, listing, ids, count, missing] of rows) states.set(folderKey(rootId, relDir), { rootId, relDir, listing, ids, count, missing });
  return states;
}

/** The mark again, states unchanged: a run that found every folder as it was settled. */
export function keepFolderStates(db: Database): void {
  db.prepare("INSERT INTO settings (key, value) VALUES (?, '1') ON CONFLICT(key) DO NOTHING").run(FOLDER_STATES_KEY);
}

/**
 * Reads what the last run left in one folder, as loadKnownFiles does for a whole root: its clips by id, and the
 * remembered unreadable files of the roots given (there are few), by folder.
 */
export function folderReader(db: Database, rootIds: readonly number[]) {
  const clip = db.prepare('SELECT root_id, rel_path, size, mtime_ms, ino, sidecar_sig, status, probe_error FROM clips WHERE id = ?').raw();
  const skipped = new Map<string, Map<string, KnownFile>>();
  const skippedRows = db.prepare('SELECT rel_path, size, mtime_ms, ino, reason FROM skipped_files WHERE root_id = ?').raw();
  for (const rootId of rootIds) {
    for (const [rel, size, mtimeMs, ino, reason] of skippedRows.all(rootId) as [string, number, number, string, string][]) {
      const key = folderKey(rootId, relDirOf(rel));
      if (!skipped.has(key)) skipped.set(key, new Map());
      skipped.get(key)!.set(rel, { clipId: null, size, mtimeMs, ino, sidecarSig: '', status: 'present', problem: reason });
    }
  }
  type Row = [number, string, number, number, string, string, 'present' | 'missing', string | null];
  return (rootId: number, relDir: string, state: FolderState | undefined): Map<string, KnownFile> => {
    // What a folder without a state holds (a new folder) is only what is remembered as unreadable in it, if anything.
    const known = new Map<string, KnownFile>();
    for (const id of state ? clipIds(state) : []) {
      const row = clip.get(id) as Row | undefined;
      // A clip re-linked elsewhere since (by a run over other roots) is no longer this folder's.
      if (!row || row[0] !== rootId || relDirOf(row[1]) !== relDir) continue;
      const [, rel, size, mtimeMs, ino, sidecarSig, status, problem] = row;
      known.set(rel, { clipId: id, size, mtimeMs, ino, sidecarSig, status, problem });
    }
    for (const [rel, k] of skipped.get(folderKey(rootId, relDir)) ?? []) if (!known.has(rel)) known.set(rel, k);
    return known;
  };
}

/**
 * Writes every folder's state from the clips table as the run leaves it, with the mark, in one transaction.
 * `listings` holds the digest of every folder the run listed; `unsettled` the folders where a file could not be read
 * this time (compared file by file next run). A folder with a remembered problem is always compared file by file, so
 * its problem is reported again each run. A folder the run did not list keeps its digest only if its clips are the
 * ones it had.
 */
export async function saveFolderStates(
  db: Database,
  listings: ReadonlyMap<string, string>,
  unsettled: ReadonlySet<string>,
  before: FolderStates | null,
  /** The clips the run inserted, by folder, when it started on a library without clips: then they are all there is. */
  inserted: ReadonlyMap<string, readonly number[]> | null = null,
): Promise<void> {
  type Building = { ids: number[]; missing: number; problem: boolean };
  const folders = new Map<string, Building>();
  const at = (key: string) => {
    let f = folders.get(key);
    if (!f) folders.set(key, (f = { ids: [], missing: 0, problem: false }));
    return f;
  };
  const page = db
    .prepare("SELECT id, root_id, rel_path, status = 'missing', probe_error IS NOT NULL FROM clips WHERE id > ? ORDER BY id LIMIT ?")
    .raw();
  // A first index need not read back what it has just written (~100 ms at 100k clips): a new clip is present, and one
  // whose headers could not be read is remembered as a skipped file rather than inserted.
  for (const [key, ids] of inserted ?? []) at(key).ids = [...ids];
  for (let after = 0; !inserted; ) {
    const rows = page.all(after, PAGE_ROWS) as [number, number, string, number, number][];
    for (const [id, rootId, rel, missing, problem] of rows) {
      const f = at(folderKey(rootId, relDirOf(rel)));
      f.ids.push(id);
      f.missing += missing;
      if (problem) f.problem = true;
    }
    if (rows.length < PAGE_ROWS) break;
    after = rows[rows.length - 1]![0];
    await pause();
  }
  for (const [rootId, rel] of db.prepare('SELECT root_id, rel_path FROM skipped_files').raw().all() as [number, string][]) {
    at(folderKey(rootId, relDirOf(rel))).problem = true;
  }
  const rows: [number, string, string, string, number, number][] = [];
  for (const [key, f] of folders) {
    const cut = key.indexOf('\u0000');
    const ids = f.ids.join(',');
    let listing = '';
    if (!f.problem && !unsettled.has(key)) {
      const listed = listings.get(key);
      if (listed !== undefined) listing = listed;
      else {
        const old = before?.get(key);
        if (old && old.missing === f.missing && old.ids === ids) listing = old.listing;
      }
    }
    rows.push([Number(key.slice(0, cut)), key.slice(cut + 1), listing, ids, f.ids.length, f.missing]);
  }
  // Written a page at a time, so a library of many thousands of folders does not hold the core in one transaction;
  // the mark (cleared when the run started) is set only with the last page, so a run killed half-way leaves none.
  const upsert = db.prepare(
    `INSERT INTO folder_states (root_id, rel_dir, listing, clip_ids, clip_count, missing) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (root_id, rel_dir) DO UPDATE SET listing = excluded.listing, clip_ids = excluded.clip_ids,
       clip_count = excluded.clip_count, missing = excluded.missing`,
  );
  const remove = db.prepare('DELETE FROM folder_states WHERE root_id = ? AND rel_dir = ?');
  const stale = (db.prepare('SELECT root_id, rel_dir FROM folder_states').raw().all() as [number, string][]).filter(
    ([rootId, relDir]) => !folders.has(folderKey(rootId, relDir)),
  );
  const writes: (() => void)[] = [...rows.map((r) => () => void upsert.run(...r)), ...stale.map((k) => () => void remove.run(...k))];
  for (let i = 0; ; i += STATE_WRITES) {
    const last = i + STATE_WRITES >= writes.length;
    db.transaction(() => {
      for (const w of writes.slice(i, i + STATE_WRITES)) w();
      if (last) keepFolderStates(db);
    })();
    if (last) return;
    await pause();
  }
}

/** Folder states written per transaction (a few milliseconds each). */
const STATE_WRITES = 1000;
