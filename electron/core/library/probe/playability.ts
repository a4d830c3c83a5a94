/**
 * What the app's player (Chromium inside Electron) can show. Verified in this environment: H.264/AAC in MP4 and
 * VP9 play; HEVC gives no picture; Matroska and AVI are not containers the player opens.
 */
export const HEVC_REASON =
  "HEVC video cannot be played in the app (Chromium has no HEVC decoder here); score as 'Not visible on footage' or view it elsewhere";
export const NO_VIDEO_REASON = 'the file has no video track';
export const OTHER_CONTAINER_REASON = 'Matroska/AVI container cannot be played in the app';

const PLAYABLE_VIDEO = new Set(['h264', 'vp9']);

/** Sample-entry four-character codes → codec names (ISO/IEC 14496-15 for avc1/avc3/hvc1/hev1, 14496-14 for mp4a). */
const CODEC_NAMES: Record<string, string> = {
  avc1: 'h264',
  avc3: 'h264',
  hvc1: 'hevc',
  hev1: 'hevc',
  mp4a: 'aac',
  vp09: 'vp9',
};

/** A codec name for a sample entry; unfamiliar entries pass through as their four-character code. */
export function codecName(sampleEntry: string | null): string | null {
  if (sampleEntry === null) return null;
  return CODEC_NAMES[sampleEntry] ?? sampleEntry;
}

export interface Playability {
  playable: boolean;
  unplayableReason: string | null;
}

export function videoPlayability(videoCodec: string | null): Playability {
  if (videoCodec === null) return { playable: false, unplayableReason: NO_VIDEO_REASON };
  if (videoCodec === 'hevc') return { playable: false, unplayableReason: HEVC_REASON };
  if (!PLAYABLE_VIDEO.has(videoCodec)) {
    return { playable: false, unplayableReason: `video codec '${videoCodec}' cannot be played in the app` };
  }
  return { playable: true, unplayableReason: null };
}

export type Container = 'mp4' | 'matroska' | 'avi';

export interface ContainerKind extends Playability {
  container: Container;
  /** Whether probeClip reads codec, duration and tags from it (only MP4/MOV: the others are indexed by name). */
  readsMetadata: boolean;
}

const EXTENSIONS: Record<string, Container> = {
  '.mp4': 'mp4',
  '.m4v': 'mp4',
  '.mov': 'mp4',
  '.mkv': 'matroska',
  '.avi': 'avi',
};

/**
 * The container a video file's extension (".mp4", "MOV"; case and leading dot optional) says it is, or null for
 * an extension the library does not index. Matroska and AVI are indexed so they can be sampled, but never play.
 */
export function containerKind(ext: string): ContainerKind | null {
  const key = `.${ext.replace(/^\./, '').toLowerCase()}`;
  const container = EXTENSIONS[key];
  if (!container) return null;
  if (container === 'mp4') return { container, readsMetadata: true, playable: true, unplayableReason: null };
  return { container, readsMetadata: false, playable: false, unplayableReason: OTHER_CONTAINER_REASON };
}
