import type { Database } from 'better-sqlite3';
import { createHash, hash as digest } from 'node:crypto';
import { open, readFile, type FileHandle } from 'node:fs/promises';
import { isUtf8 } from 'node:buffer';
import { extname } from 'node:path';
import { AXON_PRESET, parseMappingFile, type EvidenceMapping } from '../../../shared/library/mapping';
import { UserError } from '../errors';
import { byteSource, parseEvidenceInChunks, type CsvSource } from './evidenceChunks';
import { evidenceUpserter, upsertManifest } from './evidenceRepo';
import { PAGE_ROWS, pause } from './paging';
import { markRegroupNeeded } from './regroup';
import type { RunProblem } from './runsRepo';
import { transactionSizer } from './transactionSizer';

/**
 * Force exports into the evidence table, and evidence rows onto the clips they describe. Choices:
 * - The mapping is a preset name ('axon') or the path of a mapping file (format: shared/library/mapping.ts).
 * - An export is read as UTF-8; a file that is not valid UTF-8 (a Windows tool's export) is read as Windows-1252 and
 *   that is reported, rather than silently turning names into replacement characters.
 * - Re-importing an export writes only rows whose content changed: importing the same file twice changes nothing.
 *   Rows that disappear from a later export are kept (evidence is never dropped by an import).
 * - A row matches a clip by file name (case-insensitive; then by name without extension), else by its evidence ID
 *   appearing as a word in the clip's path (exports are often unpacked into one folder per evidence ID).
 */
const PRESETS: Record<string, EvidenceMapping> = { axon: AXON_PRESET };

export interface LoadedMapping {
  mapping: EvidenceMapping;
  /** 'axon' or the mapping file's path: recorded on the run and the manifest. */
  label: string;
}

export async function loadMapping(spec: string): Promise<LoadedMapping> {
  const preset = PRESETS[spec.trim().toLowerCase()];
  if (preset) return { mapping: preset, label: spec.trim().toLowerCase() };
  let text: string;
  try {
    text = await readFile(spec, 'utf8');
  } catch {
    throw new UserError(
      'bad-input',
      `--mapping '${spec}' is neither a preset (${Object.keys(PRESETS).join(', ')}) nor a readable mapping file`,
    );
  }
  const parsed = parseMappingFile(text);
  if (!parsed.ok) throw new UserError('bad-input', `mapping file ${spec}: ${parsed.error}`);
  return { mapping: parsed.mapping, label: spec };
}

export interface ManifestImport {
  rows: number;
  added: number;
  updated: number;
  problems: RunProblem[];
}

const windows1252 = new TextDecoder('windows-1252');

/**
 * Bytes read, hashed and decoded between pauses: reading, hashing and decoding a 100k-row export (~15 MB) in one go
 * held the core for ~70 ms.
 */
const DECODE_SLICE = 1 << 20;

/** Calls `each` with the file's bytes a slice at a time (the buffer is reused: copy what must be kept). */
async function readInSlices(path: string, each: (slice: Buffer) => void): Promise<void> {
  let file: FileHandle;
  try {
    file = await open(path, 'r');
  } catch (e) {
    throw new UserError('bad-input', `cannot read export ${path}: ${(e as Error).message}`);
  }
  try {
    const buffer = Buffer.allocUnsafe(DECODE_SLICE);
    for (;;) {
      const { bytesRead } = await file.read(buffer, 0, DECODE_SLICE, null);
      if (bytesRead === 0) return;
      each(buffer.subarray(0, bytesRead));
      await pause();
    }
  } catch (e) {
    throw new UserError('bad-input', `cannot read export ${path}: ${(e as Error).message}`);
  } finally {
    await file.close();
  }
}

/**
 * The export's bytes, as a source the record splitter decodes a piece at a time (evidenceChunks.ts CsvSource), and
 * their SHA-256. The bytes stay outside the JavaScript heap: held as one string, a 100k-row export (~19 MB) raised
 * the heap size V8 lets the core reach before its next full collection, and the scan that follows the import filled
 * it with garbage (measured at 100k files: RSS during the scan 255 MB with the string, 195 MB with the bytes).
 */
async function readManifest(path: string): Promise<{ sha256: string; source: CsvSource; note: string | null }> {
  const hash = createHash('sha256');
  const slices: Buffer[] = [];
  // Checked a slice at a time with Node's own UTF-8 routines; bytes of a character cut by the slice's end wait for
  // the next slice.
  let utf8 = true;
  let carry: Buffer = Buffer.alloc(0);
  await readInSlices(path, (slice) => {
    hash.update(slice);
    slices.push(Buffer.from(slice));
    if (!utf8) return;
    const bytes = carry.length > 0 ? Buffer.concat([carry, slice]) : slice;
    const cut = wholeCharactersEnd(bytes);
    if (!isUtf8(bytes.subarray(0, cut))) {
      utf8 = false;
      return;
    }
    carry = Buffer.from(bytes.subarray(cut));
  });
  const sha256 = hash.digest('hex');
  const bytes = Buffer.concat(slices);
  slices.length = 0;
  // A file ending inside a character is not UTF-8 either.
  if (utf8 && carry.length === 0) {
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    return { sha256, source: byteSource(bom ? bytes.subarray(3) : bytes, (b) => b.toString('utf8')), note: null };
  }
  // Not UTF-8 (a Windows tool's export): Windows-1252, one byte per character.
  return {
    sha256,
    source: byteSource(bytes, (b) => windows1252.decode(b)),
    note: 'is not valid UTF-8; read as Windows-1252 (check names with accents)',
  };
}

/** The end of the last UTF-8 sequence that `bytes` holds whole (a lead byte's length says how long it should be). */
export function wholeCharactersEnd(bytes: Buffer): number {
  let lead = bytes.length - 1;
  while (lead >= 0 && bytes.length - lead <= 3 && (bytes[lead]! & 0xc0) === 0x80) lead--;
  if (lead < 0) return bytes.length;
  const b = bytes[lead]!;
  const need = b >= 0xf0 && b <= 0xf7 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
  return lead + need > bytes.length ? lead : bytes.length;
}

export async function importManifest(db: Database, path: string, loaded: LoadedMapping, now: string): Promise<ManifestImport> {
  const { sha256, source, note } = await readManifest(path);
  const result: ManifestImport = { rows: 0, added: 0, updated: 0, problems: [] };
  if (note) result.problems.push({ kind: 'manifest', path, line: null, reason: note });
  const manifest = { path, sha256, mapping: loaded.label };
  const manifestId = db.transaction(() => upsertManifest(db, { ...manifest, rows: 0 }, now))();
  const upsertEvidence = evidenceUpserter(db);
  // A chunk at a time, each in its own transaction: a run killed half-way has imported whole rows only, and the
  // next run imports the rest (re-importing what is already there writes nothing).
  for await (const chunk of parseEvidenceInChunks(source, loaded.mapping, path)) {
    for (const p of chunk.problems) result.problems.push({ kind: 'row', path, line: p.line, reason: p.message });
    const writes = chunk.records.map((record) => ({
      record,
      contentHash: digest('sha256', JSON.stringify({ ...record, line: 0 }), 'base64'),
    }));
    const written = db.transaction(() => {
      const w = upsertEvidence(manifestId, writes, now);
      // In the same transaction: a run killed before linking still relinks and regroups next time.
      if (w.added + w.updated > 0) markRegroupNeeded(db);
      return w;
    })();
    result.rows += writes.length;
    result.added += written.added;
    result.updated += written.updated;
  }
  db.transaction(() => upsertManifest(db, { ...manifest, rows: result.rows }, now))();
  return result;
}

/** An export row's facts a linked clip takes: officer, officer number and the export's recorded time. */
type LinkFacts = [id: number, officer: string | null, officerId: string | null, recordedAt: string | null];

type LinkClip = [
  id: number, relPath: string, fileName: string, evidenceId: number | null, officer: string | null, officerId: string | null,
  sideOfficer: string | null, sideOfficerId: string | null, recordedAt: string | null, recordedAtSource: string | null,
];

const stem = (name: string) => name.slice(0, name.length - extname(name).length).toLowerCase();
const EVIDENCE_ID_MIN_LENGTH = 6;

/**
 * Sets every clip's evidence row and the facts that follow from it (officer, and the export's time when the clip has
 * no better one). Reads and writes a page at a time with a pause between pages; writes only what changed and
 * returns how many clips changed. Safe to interrupt: it is recomputed from scratch by the next run.
 */
const LINK_FIRST_WRITES = 500;
/**
 * Export rows read per page while the name maps are built: each row becomes entries in three maps, and a page of
 * PAGE_ROWS held the core 10-40 ms (measured at 100k rows, the core in its worker thread); 500 rows take a few ms.
 */
const LINK_EVIDENCE_PAGE = 500;

export async function linkEvidence(db: Database, now: string): Promise<number> {
  // Names and ids to export row ids only: at 100k rows, maps holding whole rows kept ~60 MB alive through the pass
  // (measured); a matched row's facts are read a page of clips at a time instead.
  const byName = new Map<string, number>();
  const byStem = new Map<string, number>();
  const byId = new Map<string, number>();
  // When two rows name the same file, the one imported first (lowest row id) wins.
  const evidencePage = db.prepare('SELECT id, evidence_id, file_name FROM evidence WHERE id > ? ORDER BY id LIMIT ?').raw();
  for (let after = 0; ; ) {
    const rows = evidencePage.all(after, LINK_EVIDENCE_PAGE) as [number, string, string | null][];
    for (const [id, evidenceId, fileName] of rows) {
      if (fileName) {
        const name = fileName.trim().toLowerCase();
        if (!byName.has(name)) byName.set(name, id);
        const nameStem = stem(name);
        if (!byStem.has(nameStem)) byStem.set(nameStem, id);
      }
      if (evidenceId.length >= EVIDENCE_ID_MIN_LENGTH) byId.set(evidenceId.toLowerCase(), id);
    }
    if (rows.length < LINK_EVIDENCE_PAGE) break;
    after = rows[rows.length - 1]![0];
    await pause();
  }
  const find = (relPath: string, fileName: string): number | null => {
    const lower = fileName.toLowerCase();
    const hit = byName.get(lower) ?? byStem.get(stem(lower));
    if (hit !== undefined) return hit;
    if (byId.size === 0) return null;
    for (const token of relPath.toLowerCase().split(/[^a-z0-9]+/)) {
      if (token.length >= EVIDENCE_ID_MIN_LENGTH) {
        const e = byId.get(token);
        if (e !== undefined) return e;
      }
    }
    return null;
  };
  const factsOf = db
    .prepare('SELECT id, officer, officer_id, recorded_at FROM evidence WHERE id IN (SELECT value FROM json_each(?))')
    .raw();
  const facts = (ids: readonly number[]): Map<number, LinkFacts> =>
    new Map((factsOf.all(JSON.stringify(ids)) as LinkFacts[]).map((f) => [f[0], f]));
  const update = db.prepare(
    `UPDATE clips SET evidence_id = ?, officer = ?, officer_id = ?, recorded_at = ?, recorded_at_source = ?, updated_at = ?
     WHERE id = ?`,
  );
  const page = db
    .prepare(
      `SELECT id, rel_path, file_name, evidence_id, officer, officer_id, side_officer, side_officer_id, recorded_at,
         recorded_at_source FROM clips WHERE id > ? ORDER BY id LIMIT ?`,
    )
    .raw();
  let changed = 0;
  // A first link rewrites nearly every clip: transactions sized by time (transactionSizer.ts) keep each one short.
  const sizer = transactionSizer(LINK_FIRST_WRITES, 100, 10_000);
  let queued: unknown[][] = [];
  const commit = () => {
    const work = queued;
    queued = [];
    const t = performance.now();
    db.transaction(() => work.forEach((w) => update.run(...w)))();
    sizer.took(work.length, performance.now() - t);
  };
  for (let after = 0; ; ) {
    const rows = page.all(after, PAGE_ROWS) as LinkClip[];
    const matches = rows.map(([, relPath, fileName]) => find(relPath, fileName));
    const matched = facts([...new Set(matches.filter((m): m is number => m !== null))]);
    const writes: unknown[][] = [];
    for (const [k, [id, , , evidenceId, officer, officerId, sideOfficer, sideOfficerId, recordedAt, source]] of rows.entries()) {
      const m = matches[k]!;
      const e = m === null ? undefined : matched.get(m);
      const wantOfficer = e?.[1] ?? sideOfficer;
      const wantOfficerId = e?.[2] ?? sideOfficerId;
      // The clip's own time (file, sidecar, name) beats the export's minute-resolution local time.
      const ownTime = source !== null && source !== 'export';
      const wantRecorded = ownTime ? recordedAt : (e?.[3] ?? null);
      const wantSource = ownTime ? source : wantRecorded === null ? null : 'export';
      if ((e?.[0] ?? null) !== evidenceId || wantOfficer !== officer || wantOfficerId !== officerId || wantRecorded !== recordedAt || wantSource !== source) {
        writes.push([e?.[0] ?? null, wantOfficer, wantOfficerId, wantRecorded, wantSource, now, id]);
      }
    }
    for (const w of writes) {
      queued.push(w);
      if (queued.length < sizer.size) continue;
      await pause();
      commit();
    }
    changed += writes.length;
    if (rows.length < PAGE_ROWS) {
      if (queued.length > 0) commit();
      return changed;
    }
    after = rows[rows.length - 1]![0];
    await pause();
  }
}
