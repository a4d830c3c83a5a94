import { extname } from 'node:path';
import type { ClipMeta } from './probe/probe';
import type { ClipRecord } from './clipsRepo';
import { fingerprintKey } from './fingerprint';
import type { ScannedClip } from './scan';
import { sidecarSignature, type SidecarFacts } from './sidecars';

/**
 * The row a scan writes for one file, from its stat, its headers and its sidecars. Where sources overlap the file
 * wins (it is what the camera wrote), then the sidecar: start time, serial, location. The officer comes from the
 * sidecar here; the link pass puts the export row's officer (and the export's time, as a last resort) over it.
 */
export function clipRecord(
  f: ScannedClip,
  fingerprint: string,
  probe: { ok: true; meta: ClipMeta } | { ok: false; reason: string },
  side: SidecarFacts | null,
  now: string,
): ClipRecord {
  const meta = probe.ok ? probe.meta : null;
  const fileTime = meta?.recordedAt ?? null;
  const sideTime = side?.startUtc ?? null;
  const location = meta?.location ?? side?.location ?? null;
  return {
    rootId: f.root.id,
    relPath: f.relPath,
    fileName: f.name,
    size: f.stat.size,
    mtimeMs: f.stat.mtimeMs,
    ino: f.stat.ino,
    fingerprint,
    fpKey: fingerprintKey(fingerprint),
    container: extname(f.name).slice(1).toLowerCase(),
    probeError: probe.ok ? null : probe.reason,
    durationSec: meta?.durationSec ?? null,
    recordedAt: fileTime ?? sideTime,
    recordedAtSource: fileTime ? 'file' : sideTime ? (side!.source === 'axis' ? 'name' : 'sidecar') : null,
    fileRecordedAt: fileTime,
    width: meta?.width ?? null,
    height: meta?.height ?? null,
    frameRate: meta?.frameRate ?? null,
    videoCodec: meta?.videoCodec ?? null,
    audioCodec: meta?.audioCodec ?? null,
    make: meta?.make ?? null,
    model: meta?.model ?? null,
    serial: meta?.serial ?? side?.serial ?? null,
    software: meta?.software ?? null,
    lat: location?.lat ?? null,
    lon: location?.lon ?? null,
    alt: location && 'alt' in location && typeof location.alt === 'number' ? location.alt : null,
    playable: meta?.playable ? 1 : 0,
    unplayableReason: probe.ok ? probe.meta.unplayableReason : probe.reason,
    sidecarSig: sidecarSignature(f),
    sideSource: side?.source ?? null,
    sideOfficer: side?.officer ?? null,
    sideOfficerId: side?.officerId ?? null,
    sideSerial: side?.serial ?? null,
    sideStart: sideTime,
    sideRefs: JSON.stringify(side?.references ?? []),
    bookmarks: JSON.stringify(side?.bookmarks ?? []),
    officer: side?.officer ?? null,
    officerId: side?.officerId ?? null,
    now,
  };
}
