import { execFile as execFileCb, execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import type { Database } from 'better-sqlite3';
import type { EventPayload } from '../../../shared/ipc/events';
import type { CoreContext } from '../../../electron/core/context';
import { openDatabase } from '../../../electron/core/db/open';

const execFile = promisify(execFileCb);

/** Real clips made with ffmpeg, once per test file: tiny (160x120, 1 s) so a suite stays fast on two cores. */
export interface Templates {
  /** H.264/AAC, moov at the start, creation_time and an ISO 6709 location (the mp4 muxer writes no make/model). */
  start: string;
  /** H.264/AAC QuickTime with moov at the end and no creation time. */
  end: string;
  mkv: string;
  avi: string;
}

export const RECORDED_AT = '2026-10-24T01:15:00.000Z';

const made: string[] = [];

/** A new folder in the system's temp folder (as a real path), removed by removeTmpDirs when the file's tests end. */
export function tmpDir(prefix = 'bwc-lib-'): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), prefix)));
  made.push(dir);
  return dir;
}

export function removeTmpDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

function hasFfmpeg(): boolean {
  try {
    execFileSync('ffmpeg', ['-version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export async function makeTemplates(): Promise<Templates> {
  if (!hasFfmpeg()) throw new Error('ffmpeg not found: install Debian ffmpeg (apt-get install ffmpeg) to run these tests');
  const dir = tmpDir('bwc-lib-templates-');
  const src = ['-f', 'lavfi', '-i', 'testsrc=size=160x120:rate=10', '-f', 'lavfi', '-i', 'sine', '-t', '1'];
  const av = [...src, '-c:v', 'libx264', '-preset', 'ultrafast', '-c:a', 'aac'];
  const t: Templates = { start: join(dir, 'start.mp4'), end: join(dir, 'end.mov'), mkv: join(dir, 'clip.mkv'), avi: join(dir, 'clip.avi') };
  const ff = (...args: string[]) => execFile('ffmpeg', ['-v', 'error', '-y', ...args]);
  await Promise.all([
    ff(...av, '-movflags', '+faststart', '-metadata', `creation_time=${RECORDED_AT}`, '-metadata', 'location=+51.5450-000.0553/', t.start),
    ff(...av, t.end),
    ff('-f', 'lavfi', '-i', 'testsrc=size=160x120:rate=10', '-t', '1', '-c:v', 'libx264', '-preset', 'ultrafast', '-f', 'matroska', t.mkv),
    ff('-f', 'lavfi', '-i', 'testsrc=size=160x120:rate=10', '-t', '1', '-c:v', 'mpeg4', t.avi),
  ]);
  return t;
}

/**
 * A copy of a template made unique by a trailing 16-byte 'free' box carrying `n` (a box players skip), so every
 * file has its own fingerprint as real recordings do.
 */
export function uniqueCopy(template: string, dest: string, n: number): string {
  mkdirSync(dirname(dest), { recursive: true });
  const free = Buffer.alloc(16);
  free.writeUInt32BE(16, 0);
  free.write('free', 4, 'latin1');
  free.writeBigUInt64BE(BigInt(n), 8);
  writeFileSync(dest, Buffer.concat([readFileSync(template), free]));
  return dest;
}

export function plainCopy(template: string, dest: string): string {
  mkdirSync(dirname(dest), { recursive: true });
  copyFileSync(template, dest);
  return dest;
}

export interface TestCore {
  ctx: CoreContext;
  db: Database;
  dbPath: string;
  events: EventPayload<'index.progress'>[];
}

export function testCore(dir = tmpDir('bwc-lib-db-'), signal?: AbortSignal): TestCore {
  const dbPath = join(dir, 'bwc.sqlite');
  const db = openDatabase(dbPath);
  const events: EventPayload<'index.progress'>[] = [];
  const ctx: CoreContext = {
    db,
    dbPath,
    actor: 'sgt.test',
    demo: false,
    resourcesDir: dir,
    emit: (event, payload) => {
      if (event === 'index.progress') events.push(payload);
    },
    ...(signal ? { signal } : {}),
  };
  return { ctx, db, dbPath, events };
}

export const FIXTURES = join(__dirname, '../../fixtures/data');
