import { extname } from 'node:path';
import { withFile, type PositionedReader } from './fileReader';
import type { GeoLocation } from './iso6709';
import { parseMoov, type MoovInfo, type TrackInfo } from './parseMoov';
import { codecName, containerKind, videoPlayability, type ContainerKind } from './playability';
import { ProbeError } from './probeError';
import { readMoovFrom, type MoovBytes, type ReadMoovOptions } from './readMoov';
import { describeNotA, isAvi, isMatroska } from './sniff';

/** What the library index keeps about one clip, read from its container headers alone. */
export interface ClipMeta {
  durationSec: number | null;
  /** ISO 8601 UTC; null when the file does not say (a creation time of 0 or 1904-01-01 means "never set"). */
  recordedAt: string | null;
  width: number | null;
  height: number | null;
  /** Average frames per second of the first video track. */
  frameRate: number | null;
  /** 'h264', 'hevc', 'vp9', or the sample entry's four-character code. */
  videoCodec: string | null;
  /** 'aac', or the sample entry's four-character code. */
  audioCodec: string | null;
  make: string | null;
  model: string | null;
  serial: string | null;
  /** Writing software or firmware (©swr, ©too, ...software / ...encoder keys). */
  software: string | null;
  location: GeoLocation | null;
  playable: boolean;
  unplayableReason: string | null;
  /** I/O spent on this file: the figures that keep indexing 100k files fast. */
  bytesRead: number;
  reads: number;
}

export type ProbeResult = { ok: true; meta: ClipMeta } | { ok: false; reason: string };

/**
 * Reads a clip's metadata from its container headers only (never the media), and never throws for a bad file:
 * empty, truncated, not MP4/MOV, moov missing, unreadable, a folder, missing — each becomes a one-line reason.
 * Matroska and AVI files (by extension) are checked to be what they claim and indexed without metadata.
 */
export async function probeClip(path: string, options: ReadMoovOptions = {}): Promise<ProbeResult> {
  return probeGuarded(() => withFile(path, (reader) => probeReader(path, reader, options)));
}

/** The same on a file the caller has open (probeFile.ts, which also fingerprints it with the same reads). */
export function probeOpenFile(path: string, reader: PositionedReader, options: ReadMoovOptions = {}): ProbeResult {
  return probeGuarded(() => probeReader(path, reader, options));
}

function probeReader(path: string, reader: PositionedReader, options: ReadMoovOptions): ClipMeta {
  const kind = containerKind(extname(path));
  if (kind && !kind.readsMetadata) return otherContainerMeta(reader, kind);
  const read = readMoovFrom(reader, options);
  return clipMeta(parseMoov(read.moov), read);
}

export function probeGuarded(work: () => ClipMeta): ProbeResult {
  try {
    return { ok: true, meta: work() };
  } catch (e) {
    if (e instanceof ProbeError) return { ok: false, reason: e.message };
    // A bug of ours met by one odd file must not stop an index run over thousands: report it as that file's reason.
    const message = e instanceof Error ? e.message : String(e);
    return { ok: false, reason: `could not read the clip's headers: ${message.split('\n')[0]}` };
  }
}

function clipMeta(info: MoovInfo, read: MoovBytes): ClipMeta {
  const video = firstTrack(info.tracks, 'vide');
  const audio = firstTrack(info.tracks, 'soun');
  const videoCodec = codecName(video?.sampleEntry ?? null);
  return {
    // Movie fragments after moov hold media that mvhd does not count: without mehd the length is unknown.
    durationSec: info.fragmentDurationSec ?? (read.mayHaveFragments ? null : info.durationSec),
    recordedAt: info.createdAt?.toISOString() ?? info.tags.recordedAt,
    width: video?.width ?? null,
    height: video?.height ?? null,
    frameRate: video?.samplesPerSecond ?? null,
    videoCodec,
    audioCodec: codecName(audio?.sampleEntry ?? null),
    make: info.tags.make,
    model: info.tags.model,
    serial: info.tags.serial,
    software: info.tags.software,
    location: info.tags.location,
    ...videoPlayability(video ? videoCodec : null),
    bytesRead: read.bytesRead,
    reads: read.reads,
  };
}

function firstTrack(tracks: TrackInfo[], handler: string): TrackInfo | undefined {
  return tracks.find((t) => t.handler === handler);
}

/** Twelve bytes are enough to tell a real Matroska or AVI file from something merely named like one. */
function otherContainerMeta(reader: PositionedReader, kind: ContainerKind): ClipMeta {
  if (reader.size === 0) throw new ProbeError('empty file (0 bytes)');
  const head = reader.read(0, 12);
  const matches = kind.container === 'matroska' ? isMatroska(head) : isAvi(head);
  if (!matches) throw new ProbeError(describeNotA(kind.container === 'matroska' ? 'a Matroska' : 'an AVI', head));
  return {
    durationSec: null,
    recordedAt: null,
    width: null,
    height: null,
    frameRate: null,
    videoCodec: null,
    audioCodec: null,
    make: null,
    model: null,
    serial: null,
    software: null,
    location: null,
    playable: kind.playable,
    unplayableReason: kind.unplayableReason,
    bytesRead: reader.stats.bytesRead,
    reads: reader.stats.reads,
  };
}
