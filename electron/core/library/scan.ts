import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { basename, extname, join, sep } from 'node:path';
import { parseAxisFolderName } from '../../../shared/library/axisNames';
import { timeSlicer } from './paging';
import { isInsideAny } from './paths';

/**
 * The recursive walk of the library roots. It only lists folders and stats candidate files: reading headers is the
 * caller's job, so an unchanged library costs one readdir per folder and one stat per clip. Choices:
 * - Hidden entries (a name starting with ".") and Windows/macOS system entries are ignored without a word.
 * - Video files by extension: .mp4 .m4v .mov (read for metadata) and .mkv .avi (indexed, never playable). A
 *   Motorola-style sidecar is "<same stem>.json" / ".vtt" beside the clip; an Axis-style recording folder's
 *   metadata.json is attached to the clips of a folder whose name parses as <UserID>_<Serial>_<TriggerOnTime>.
 * - Symbolic links are resolved with realpath. A link to a folder is followed only when its target stays inside a
 *   root and has not been scanned already (which is also how a loop is caught); a link to a file is never indexed
 *   under the link's name (the file is indexed at its real path, or not at all when it lies outside the roots).
 * - Names that are not valid UTF-8 cannot be stored or reopened as text paths: they are reported with their bytes
 *   shown as \xNN and skipped (a folder with such a name is not entered), rather than indexed under a mangled name.
 * - An unreadable folder, or one deleted mid-scan, is reported and the scan continues with the next one.
 * - File-system calls are synchronous: listing a folder and stat-ing its files this way costs a fraction of the
 *   promise-based calls (no thread-pool hop per file), and the walk still yields between folders, and within a
 *   folder every few milliseconds, so the core's other requests wait no longer than that.
 */
export interface ScanRoot {
  id: number;
  /** Absolute path as stored. */
  path: string;
  /** realpath of the root: links are judged against these. */
  realPath: string;
}

export interface FileStat {
  size: number;
  mtimeMs: number;
  /** Inode (file id on Windows), as text: 64-bit ids do not fit a double exactly. */
  ino: string;
}

export interface SideFile {
  path: string;
  stat: FileStat;
}

export interface ScannedClip {
  root: ScanRoot;
  relPath: string;
  absPath: string;
  name: string;
  stat: FileStat;
  /** Motorola sidecars beside the clip, and the Axis folder's metadata.json. */
  json: SideFile | null;
  vtt: SideFile | null;
  folderMeta: SideFile | null;
  /** The Axis-style name of the folder the clip is in, when it has one. */
  axisFolder: string | null;
}

export interface ScanSkip {
  kind: 'file' | 'folder';
  path: string;
  reason: string;
}

/** One folder's worth of results: the walk yields after every folder so other work (IPC) interleaves. */
export interface ScanBatch {
  /** The folder listed (null when it could not be, or for a link reported on its own). */
  folder: { rootId: number; rel: string } | null;
  clips: ScannedClip[];
  skipped: ScanSkip[];
}

export interface ScanOptions {
  signal?: AbortSignal;
  /** Called before a folder is listed (tests use it to delete a folder mid-scan, deterministically). */
  beforeReadDir?: (absDir: string) => void | Promise<void>;
}

const PLAYABLE_EXTENSIONS = new Set(['.mp4', '.m4v', '.mov']);
const INDEX_ONLY_EXTENSIONS = new Set(['.mkv', '.avi']);
const SYSTEM_NAMES = new Set(['thumbs.db', 'desktop.ini', '$recycle.bin', 'system volume information', 'ehthumbs.db']);
/** Longest stretch of synchronous stat calls before the walk lets other work in. */
const SLICE_MS = 8;

function isVideoName(name: string): boolean {
  const ext = extname(name).toLowerCase();
  return PLAYABLE_EXTENSIONS.has(ext) || INDEX_ONLY_EXTENSIONS.has(ext);
}

interface DirTask {
  root: ScanRoot;
  abs: string;
  /** Real path of this folder (its parent's real path joined with its name, or a link's target). */
  real: string;
  rel: string;
}

interface PendingLink {
  dir: DirTask;
  name: string;
}

/**
 * Roots deepest first, so a root nested in another keeps its own clips; then every folder reached by real names;
 * only then the folder links, so a link to a folder that is scanned anyway is recognised as such whatever the order
 * of the listing.
 */
export async function* scanRoots(roots: readonly ScanRoot[], opts: ScanOptions = {}): AsyncGenerator<ScanBatch> {
  const realRoots = roots.map((r) => r.realPath);
  const visited = new Set<string>();
  const links: PendingLink[] = [];
  const ordered = [...roots].sort((a, b) => b.realPath.length - a.realPath.length);
  const walk = async function* (start: DirTask): AsyncGenerator<ScanBatch> {
    const stack = [start];
    while (stack.length > 0) {
      if (opts.signal?.aborted) return;
      yield await scanFolder(stack.pop()!, stack, links, visited, opts);
    }
  };
  for (const root of ordered) {
    if (visited.has(root.realPath)) continue;
    visited.add(root.realPath);
    yield* walk({ root, abs: root.path, real: root.realPath, rel: '' });
  }
  while (links.length > 0) {
    if (opts.signal?.aborted) return;
    const { dir, name } = links.shift()!;
    const linked = followLink(dir, name, visited, realRoots);
    if (linked === null) continue;
    if ('reason' in linked) {
      yield { folder: null, clips: [], skipped: [{ kind: linked.kind, path: join(dir.abs, name), reason: linked.reason }] };
      continue;
    }
    visited.add(linked.real);
    yield* walk(linked);
  }
}

async function scanFolder(
  dir: DirTask,
  stack: DirTask[],
  links: PendingLink[],
  visited: Set<string>,
  opts: ScanOptions,
): Promise<ScanBatch> {
  const batch: ScanBatch = { folder: null, clips: [], skipped: [] };
  const skip = (kind: ScanSkip['kind'], path: string, reason: string) => batch.skipped.push({ kind, path, reason });
  await opts.beforeReadDir?.(dir.abs);
  let entries: Dirent[];
  try {
    entries = readdirSync(dir.abs, { withFileTypes: true });
  } catch (e) {
    skip('folder', dir.abs, folderError(e));
    return batch;
  }
  batch.folder = { rootId: dir.root.id, rel: dir.rel };
  const badNames = entries.some((d) => d.name.includes('\uFFFD')) ? invalidUtf8Names(dir.abs) : new Map<string, string>();

  const videos: string[] = [];
  const sideNames = new Map<string, string>();
  const subdirs: string[] = [];
  for (const d of entries) {
    const lower = d.name.toLowerCase();
    if (d.name.startsWith('.') || SYSTEM_NAMES.has(lower)) continue;
    const bytes = badNames.get(d.name);
    if (bytes !== undefined) {
      skip(d.isDirectory() ? 'folder' : 'file', join(dir.abs, bytes), 'name is not valid UTF-8 (shown with \\xNN escapes); rename it to index it');
    } else if (d.isDirectory()) subdirs.push(d.name);
    else if (d.isSymbolicLink()) links.push({ dir, name: d.name });
    else if (d.isFile()) {
      const dot = lower.lastIndexOf('.');
      const ext = dot > 0 ? lower.slice(dot) : '';
      if (PLAYABLE_EXTENSIONS.has(ext) || INDEX_ONLY_EXTENSIONS.has(ext)) videos.push(d.name);
      else if (ext === '.json' || ext === '.vtt') sideNames.set(lower, d.name);
    }
  }
  // Depth-first in name order: a stable order makes runs (and the point where one is interrupted) reproducible.
  subdirs.sort(byName).reverse();
  for (const name of subdirs) {
    const real = under(dir.real, name);
    // Already visited: a nested root, scanned on its own.
    if (visited.has(real)) continue;
    visited.add(real);
    stack.push(child(dir, name, real));
  }

  videos.sort(byName);
  const axisFolder = dir.rel !== '' && parseAxisFolderName(basename(dir.abs)).ok ? basename(dir.abs) : null;
  const metaName = axisFolder ? sideNames.get('metadata.json') : undefined;
  const folderMeta = metaName ? sideFile(join(dir.abs, metaName), skip) : null;
  const slice = timeSlicer(SLICE_MS);
  // The folder's path and separator once: path.join would normalise the same prefix again for every file.
  const prefix = dir.abs.endsWith(sep) ? dir.abs : dir.abs + sep;
  for (let i = 0; i < videos.length; i++) {
    const c = scanClip(dir, prefix, videos[i]!, sideNames, skip);
    if (c) {
      c.folderMeta = folderMeta;
      c.axisFolder = axisFolder;
      batch.clips.push(c);
    }
    // The clock is read every few files, not after each one.
    if (i % 16 === 15) await slice();
  }
  return batch;
}

type Skip = (kind: ScanSkip['kind'], path: string, reason: string) => void;

function scanClip(dir: DirTask, prefix: string, name: string, sideNames: Map<string, string>, skip: Skip): ScannedClip | null {
  const absPath = prefix + name;
  let jsonName: string | undefined;
  let vttName: string | undefined;
  // Most folders hold no sidecars at all.
  if (sideNames.size > 0) {
    const stem = name.slice(0, name.length - extname(name).length).toLowerCase();
    jsonName = sideNames.get(`${stem}.json`);
    vttName = sideNames.get(`${stem}.vtt`);
  }
  const st = statFile(absPath);
  const json = jsonName === undefined ? null : sideFile(prefix + jsonName, skip);
  const vtt = vttName === undefined ? null : sideFile(prefix + vttName, skip);
  if (typeof st === 'string') {
    skip('file', absPath, st);
    return null;
  }
  return {
    root: dir.root, relPath: dir.rel ? `${dir.rel}/${name}` : name, absPath, name, stat: st,
    json, vtt, folderMeta: null, axisFolder: null,
  };
}

function sideFile(path: string, skip: Skip): SideFile | null {
  const st = statFile(path);
  if (typeof st === 'string') {
    skip('file', path, st);
    return null;
  }
  return { path, stat: st };
}

/** A name listed in a folder, joined to the folder's path (path.join would normalise the whole path again). */
const under = (folder: string, name: string) => (folder.endsWith(sep) ? folder + name : folder + sep + name);

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function child(dir: DirTask, name: string, real: string): DirTask {
  return { root: dir.root, abs: under(dir.abs, name), real, rel: dir.rel ? `${dir.rel}/${name}` : name };
}

/** A folder to walk, a reason to report, or null for a link to something the library never indexes. */
type LinkResult = DirTask | { kind: ScanSkip['kind']; reason: string } | null;

function followLink(dir: DirTask, name: string, visited: Set<string>, realRoots: readonly string[]): LinkResult {
  const abs = join(dir.abs, name);
  let target: string;
  try {
    target = realpathSync(abs);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') return { kind: 'folder', reason: 'symbolic link loop (the link resolves to itself)' };
    if (code === 'ENOENT') return isVideoName(name) ? { kind: 'file', reason: 'broken symbolic link: its target does not exist' } : null;
    return { kind: 'file', reason: `cannot resolve symbolic link: ${(e as Error).message}` };
  }
  const st = statFile(target, true);
  const isDir = typeof st !== 'string' && st.isDir;
  if (!isDir && !isVideoName(target) && !isVideoName(name)) return null;
  if (!isInsideAny(realRoots, target)) {
    return { kind: isDir ? 'folder' : 'file', reason: `symbolic link leads outside the library roots (to ${target}); not followed` };
  }
  if (typeof st === 'string') return { kind: 'file', reason: st };
  if (!isDir) {
    return { kind: 'file', reason: `symbolic link to ${target}: a linked file is indexed at its real path only, never twice` };
  }
  if (visited.has(target)) {
    return { kind: 'folder', reason: `symbolic link loop: leads to ${target}, which is already scanned; not followed` };
  }
  return child(dir, name, target);
}

function statFile(path: string): FileStat | string;
function statFile(path: string, withKind: true): (FileStat & { isDir: boolean }) | string;
function statFile(path: string, withKind = false): (FileStat & { isDir?: boolean }) | string {
  try {
    const st = statSync(path);
    if (withKind) return { size: st.size, mtimeMs: st.mtimeMs, ino: String(st.ino), isDir: st.isDirectory() };
    if (!st.isFile()) return 'not a regular file';
    return { size: st.size, mtimeMs: st.mtimeMs, ino: String(st.ino) };
  } catch (e) {
    return fileError(e as NodeJS.ErrnoException);
  }
}

function folderError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'folder disappeared during the scan (deleted or unmounted)';
  if (code === 'EACCES' || code === 'EPERM') return `cannot read folder: permission denied (${code})`;
  if (code === 'ENOTDIR') return 'is no longer a folder (replaced during the scan)';
  if (code === 'EIO') return 'cannot read folder: the disk reported an input/output error (EIO)';
  return `cannot read folder: ${(e as Error).message}`;
}

function fileError(e: NodeJS.ErrnoException): string {
  if (e.code === 'ENOENT') return 'file disappeared during the scan (deleted or moved)';
  if (e.code === 'EACCES' || e.code === 'EPERM') return `cannot read file: permission denied (${e.code})`;
  if (e.code === 'ELOOP') return 'symbolic link loop';
  return `cannot read file: ${e.message}`;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Names in a folder that are not valid UTF-8, keyed by the lossy string readdir gave for them (U+FFFD in place of
 * each bad byte), with the bytes escaped for the report. Only called when a name contains U+FFFD, which a valid
 * name may also contain, hence the second listing as raw bytes.
 */
function invalidUtf8Names(absDir: string): Map<string, string> {
  const out = new Map<string, string>();
  let raw: Buffer[];
  try {
    raw = readdirSync(absDir, { encoding: 'buffer' });
  } catch {
    return out;
  }
  for (const b of raw) {
    try {
      strictUtf8.decode(b);
    } catch {
      out.set(b.toString('utf8'), escapeBytes(b));
    }
  }
  return out;
}

/** Printable ASCII and valid UTF-8 sequences as they are; every other byte as \xNN. */
export function escapeBytes(b: Buffer): string {
  let out = '';
  let i = 0;
  while (i < b.length) {
    const len = utf8SequenceLength(b, i);
    if (len > 0) {
      out += b.toString('utf8', i, i + len);
      i += len;
    } else {
      out += `\\x${b[i]!.toString(16).padStart(2, '0').toUpperCase()}`;
      i += 1;
    }
  }
  return out;
}

function utf8SequenceLength(b: Buffer, i: number): number {
  const first = b[i]!;
  const len = first < 0x80 ? 1 : first >= 0xc2 && first <= 0xdf ? 2 : first >= 0xe0 && first <= 0xef ? 3 : first >= 0xf0 && first <= 0xf4 ? 4 : 0;
  if (len <= 1) return first >= 0x20 && first !== 0x7f && len === 1 ? 1 : 0;
  if (i + len > b.length) return 0;
  try {
    strictUtf8.decode(b.subarray(i, i + len));
    return len;
  } catch {
    return 0;
  }
}
