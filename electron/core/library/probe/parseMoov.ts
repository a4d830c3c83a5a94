import { childBoxes, parseBoxHeader, payloadOf, printable, readU64, requireBytes, type BoxHeader } from './boxes';
import { collectTags, type ClipTags } from './metadataTags';
import { ProbeError } from './probeError';

export interface TrackInfo {
  /** mdia/hdlr handler type: 'vide', 'soun', 'meta', 'tmcd'... */
  handler: string | null;
  /** Sample entry four-character code from stsd ('avc1', 'hvc1', 'mp4a'...). */
  sampleEntry: string | null;
  /** Presentation size from tkhd, falling back to the sample entry's coded size; null when neither is set. */
  width: number | null;
  height: number | null;
  durationSec: number | null;
  /** Samples per second over the whole track (from stts), i.e. the average frame rate of a video track. */
  samplesPerSecond: number | null;
}

export interface MoovInfo {
  createdAt: Date | null;
  /** From mvhd, else the longest track: the samples inside moov, which in a fragmented file may be few or none. */
  durationSec: number | null;
  /** From mvex/mehd: a fragmented file's whole length, when its writer knew it. */
  fragmentDurationSec: number | null;
  tracks: TrackInfo[];
  tags: ClipTags;
}

/** Seconds from the QuickTime/ISO epoch, 1904-01-01T00:00:00Z, to the Unix epoch. */
const MAC_EPOCH_OFFSET_SEC = 2_082_844_800;
const SECONDS_PER_DAY = 86_400;

/**
 * Reads the facts the library needs from a moov box (header included). Layouts are ISO/IEC 14496-12: mvhd §8.2.2,
 * tkhd §8.3.2, mdhd §8.4.2, hdlr §8.4.3, stsd §8.5.2, stts §8.6.1.2, mehd §8.8.2. Reads only the boxes listed in
 * moovShape, since readMoov leaves the others zeroed.
 */
export function parseMoov(moov: Buffer): MoovInfo {
  const root = parseBoxHeader(moov, 0, 0, moov.length);
  if (!root || root.type !== 'moov') throw new ProbeError('expected a moov box');
  let createdAt: Date | null = null;
  let durationSec: number | null = null;
  let fragmentDurationSec: number | null = null;
  let movieTimescale = 0;
  const tracks: TrackInfo[] = [];
  const tagContainers: BoxHeader[] = [];
  const children = childBoxes(moov, root);
  // mvhd's timescale is needed by mehd, which may come first.
  const mvhd = children.find((b) => b.type === 'mvhd');
  if (mvhd) {
    const times = readTimes(payloadOf(moov, mvhd), 'mvhd');
    createdAt = macTime(times.created);
    movieTimescale = times.timescale;
    durationSec = seconds(times.duration, times.timescale);
  }
  for (const box of children) {
    if (box.type === 'trak') tracks.push(parseTrak(moov, box));
    else if (box.type === 'udta' || box.type === 'meta') tagContainers.push(box);
    else if (box.type === 'mvex') fragmentDurationSec = fragmentDuration(moov, box, movieTimescale);
  }
  if (durationSec === null) {
    const longestTrack = Math.max(0, ...tracks.map((t) => t.durationSec ?? 0));
    durationSec = longestTrack > 0 ? longestTrack : null;
  }
  return { createdAt, durationSec, fragmentDurationSec, tracks, tags: collectTags(moov, tagContainers) };
}

interface Times {
  created: number | null;
  timescale: number;
  duration: number | null;
}

/** mvhd and mdhd share their opening layout: version 0 has 32-bit times, version 1 64-bit. */
function readTimes(payload: Buffer, type: string): Times {
  requireBytes(payload, 4, type);
  const version = payload[0];
  if (version === 0) {
    requireBytes(payload, 20, type);
    const duration = payload.readUInt32BE(16);
    return {
      created: payload.readUInt32BE(4),
      timescale: payload.readUInt32BE(12),
      duration: duration === 0xffffffff ? null : duration,
    };
  }
  if (version === 1) {
    requireBytes(payload, 32, type);
    return { created: readU64(payload, 4), timescale: payload.readUInt32BE(20), duration: readU64(payload, 24) };
  }
  throw new ProbeError(`box '${type}' has unknown version ${version}`);
}

/**
 * 0, and anything that still falls on 1904-01-01 (writers that never set the clock), mean "unknown"; so does a
 * 64-bit value beyond what a Date can hold (year 275760).
 */
function macTime(secondsSince1904: number | null): Date | null {
  if (secondsSince1904 === null || secondsSince1904 < SECONDS_PER_DAY) return null;
  const date = new Date((secondsSince1904 - MAC_EPOCH_OFFSET_SEC) * 1000);
  return Number.isNaN(date.getTime()) ? null : date;
}

function seconds(duration: number | null, timescale: number): number | null {
  return duration && timescale ? duration / timescale : null;
}

function fragmentDuration(moov: Buffer, mvex: BoxHeader, timescale: number): number | null {
  const mehd = childBoxes(moov, mvex).find((b) => b.type === 'mehd');
  if (!mehd) return null;
  const payload = payloadOf(moov, mehd);
  requireBytes(payload, 8, 'mehd');
  if (payload[0] === 1) {
    requireBytes(payload, 12, 'mehd');
    return seconds(readU64(payload, 4), timescale);
  }
  return seconds(payload.readUInt32BE(4), timescale);
}

function parseTrak(moov: Buffer, trak: BoxHeader): TrackInfo {
  const track: TrackInfo = {
    handler: null,
    sampleEntry: null,
    width: null,
    height: null,
    durationSec: null,
    samplesPerSecond: null,
  };
  let coded: { width: number; height: number } | null = null;
  for (const box of childBoxes(moov, trak)) {
    if (box.type === 'tkhd') Object.assign(track, presentationSize(payloadOf(moov, box)));
    if (box.type !== 'mdia') continue;
    let timescale = 0;
    const mdia = childBoxes(moov, box);
    for (const part of mdia) {
      if (part.type === 'mdhd') {
        const times = readTimes(payloadOf(moov, part), 'mdhd');
        timescale = times.timescale;
        track.durationSec = seconds(times.duration, times.timescale);
      } else if (part.type === 'hdlr') {
        const payload = payloadOf(moov, part);
        requireBytes(payload, 12, 'hdlr');
        track.handler = payload.toString('latin1', 8, 12);
      }
    }
    const stbl = findPath(moov, mdia, ['minf', 'stbl']);
    if (!stbl) continue;
    for (const table of childBoxes(moov, stbl)) {
      if (table.type === 'stsd') {
        const entry = firstSampleEntry(moov, table);
        if (entry) {
          track.sampleEntry = entry.type;
          coded = entry.coded;
        }
      } else if (table.type === 'stts') {
        track.samplesPerSecond = samplesPerSecond(payloadOf(moov, table), timescale);
      }
    }
  }
  if (track.handler === 'vide' && coded && !(track.width && track.height)) {
    track.width = coded.width || null;
    track.height = coded.height || null;
  }
  return track;
}

/** tkhd width and height are unsigned 16.16 fixed point, after fields whose size depends on the version. */
function presentationSize(payload: Buffer): { width: number | null; height: number | null } {
  requireBytes(payload, 4, 'tkhd');
  const at = payload[0] === 1 ? 88 : 76;
  requireBytes(payload, at + 8, 'tkhd');
  const width = Math.round(payload.readUInt32BE(at) / 65536);
  const height = Math.round(payload.readUInt32BE(at + 4) / 65536);
  return { width: width || null, height: height || null };
}

function findPath(moov: Buffer, boxes: BoxHeader[], path: string[]): BoxHeader | null {
  let level = boxes;
  let found: BoxHeader | null = null;
  for (const type of path) {
    found = level.find((b) => b.type === type) ?? null;
    if (!found) return null;
    level = childBoxes(moov, found);
  }
  return found;
}

/**
 * stsd: FullBox, entry count, then sample entries as boxes. A visual sample entry (§12.1.3) carries the coded
 * width and height 24 bytes into its payload; other entries have something else there, so only 'vide' uses them.
 */
function firstSampleEntry(
  moov: Buffer,
  stsd: BoxHeader,
): { type: string; coded: { width: number; height: number } | null } | null {
  requireBytes(payloadOf(moov, stsd), 8, 'stsd');
  const entry = childBoxes(moov, stsd, 8)[0];
  if (!entry) return null;
  const payload = payloadOf(moov, entry);
  const coded = payload.length >= 28 ? { width: payload.readUInt16BE(24), height: payload.readUInt16BE(26) } : null;
  return { type: printable(entry.type), coded };
}

/** stts lists (sample count, sample delta) runs: samples per second = total samples × timescale / total ticks. */
function samplesPerSecond(payload: Buffer, timescale: number): number | null {
  requireBytes(payload, 8, 'stts');
  const count = payload.readUInt32BE(4);
  requireBytes(payload, 8 + count * 8, 'stts');
  let samples = 0;
  let ticks = 0;
  for (let i = 0; i < count; i++) {
    const n = payload.readUInt32BE(8 + i * 8);
    samples += n;
    ticks += n * payload.readUInt32BE(12 + i * 8);
  }
  return samples > 0 && ticks > 0 && timescale > 0 ? (samples * timescale) / ticks : null;
}
