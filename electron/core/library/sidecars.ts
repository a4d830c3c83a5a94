import { readFile, stat } from 'node:fs/promises';
import { parseAxisMetadata, compareAxisFolder } from '../../../shared/library/axisMetadata';
import { parseAxisClipName, parseAxisFolderName } from '../../../shared/library/axisNames';
import { collarNumberOf } from '../../../shared/library/officerId';
import { parseMotorolaSidecar } from '../../../shared/library/sidecar';
import type { RunProblem } from './runsRepo';
import type { ScannedClip, SideFile } from './scan';

/**
 * What a clip's neighbours say about it: a Motorola-style JSON (+ VTT GPS track) beside the clip, or an Axis-style
 * recording folder (its name, the clip's name, and the folder's metadata.json). Motorola wins when both exist: it
 * names the clip itself. Every problem is reported against the file it is in; nothing here stops the clip's indexing.
 */
export interface SidecarFacts {
  source: 'motorola' | 'axis';
  officer: string | null;
  officerId: string | null;
  serial: string | null;
  startUtc: string | null;
  references: string[];
  bookmarks: { t: string; label: string | null }[];
  /** First GPS fix, used when the file itself carries no location. */
  location: { lat: number; lon: number } | null;
}

/** Sidecars larger than this are not read: a real one is kilobytes (a VTT track of an hour is about 300 KB). */
const MAX_SIDECAR_BYTES = 16 * 1024 * 1024;

/** The stat signature of a clip's sidecars: a change in any of them re-reads the clip. */
export function sidecarSignature(c: Pick<ScannedClip, 'json' | 'vtt' | 'folderMeta' | 'axisFolder'>): string {
  if (!c.json && !c.vtt && !c.folderMeta && !c.axisFolder) return '';
  const part = (tag: string, f: SideFile | null) => (f ? `${tag}${f.stat.size}:${f.stat.mtimeMs}:${f.stat.ino}` : '');
  return [part('j', c.json), part('v', c.vtt), part('m', c.folderMeta), c.axisFolder ? `a${c.axisFolder}` : ''].filter(Boolean).join('|');
}

export async function readSidecars(clip: ScannedClip, problems: RunProblem[]): Promise<SidecarFacts | null> {
  if (clip.json) {
    const motorola = await readMotorola(clip.json, clip.vtt, problems);
    if (motorola) return motorola;
  }
  if (clip.axisFolder) return readAxis(clip, problems);
  return null;
}

async function readText(file: SideFile, problems: RunProblem[]): Promise<string | null> {
  try {
    if ((await stat(file.path)).size > MAX_SIDECAR_BYTES) {
      problems.push({ kind: 'sidecar', path: file.path, line: null, reason: `larger than ${MAX_SIDECAR_BYTES >> 20} MiB; not read` });
      return null;
    }
    return await readFile(file.path, 'utf8');
  } catch (e) {
    problems.push({ kind: 'sidecar', path: file.path, line: null, reason: `cannot read: ${(e as Error).message.split('\n')[0]}` });
    return null;
  }
}

async function readMotorola(json: SideFile, vtt: SideFile | null, problems: RunProblem[]): Promise<SidecarFacts | null> {
  const jsonText = await readText(json, problems);
  if (jsonText === null) return null;
  const vttText = vtt ? ((await readText(vtt, problems)) ?? undefined) : undefined;
  const r = parseMotorolaSidecar(jsonText, vttText);
  for (const p of r.problems) {
    const path = p.file === 'vtt' && vtt ? vtt.path : json.path;
    problems.push({ kind: 'sidecar', path, line: p.line, reason: p.message });
  }
  if (!r.ok) return null;
  const s = r.sidecar;
  const first = s.gps[0];
  return {
    source: 'motorola',
    officer: s.officer,
    officerId: s.officerId,
    serial: s.deviceSerial,
    startUtc: s.startUtc,
    references: s.references,
    bookmarks: s.bookmarks,
    location: first ? { lat: first.lat, lon: first.lon } : null,
  };
}

async function readAxis(clip: ScannedClip, problems: RunProblem[]): Promise<SidecarFacts | null> {
  const folder = parseAxisFolderName(clip.axisFolder!);
  if (!folder.ok) return null;
  const name = parseAxisClipName(clip.name);
  if (!name.ok) problems.push({ kind: 'file', path: clip.absPath, line: null, reason: name.error });
  let userId = folder.value.userId;
  let serial = folder.value.serial;
  if (clip.folderMeta) {
    const text = await readText(clip.folderMeta, problems);
    const meta = text === null ? null : parseAxisMetadata(text);
    if (meta && !meta.ok) problems.push({ kind: 'sidecar', path: clip.folderMeta.path, line: null, reason: meta.error });
    if (meta?.ok) {
      for (const p of [...meta.problems, ...compareAxisFolder(folder.value, meta.metadata)]) {
        problems.push({ kind: 'sidecar', path: clip.folderMeta.path, line: null, reason: p });
      }
      userId = meta.metadata.userId;
      serial = meta.metadata.serial;
    }
  }
  return {
    source: 'axis',
    officer: userId,
    officerId: collarNumberOf(userId),
    serial,
    startUtc: name.ok ? name.value.startUtc : null,
    references: [],
    bookmarks: [],
    location: null,
  };
}
