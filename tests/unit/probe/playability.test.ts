import { describe, expect, it } from 'vitest';
import {
  codecName, containerKind, HEVC_REASON, NO_VIDEO_REASON, OTHER_CONTAINER_REASON, videoPlayability,
} from '../../../electron/core/library/probe/playability';

describe('codecName', () => {
  // Sample entry codes: ISO/IEC 14496-15 (avc1, avc3, hvc1, hev1), 14496-14 (mp4a), VP9 in ISOBMFF binding (vp09).
  it.each([
    ['avc1', 'h264'], ['avc3', 'h264'], ['hvc1', 'hevc'], ['hev1', 'hevc'], ['mp4a', 'aac'], ['vp09', 'vp9'],
    ['mp4v', 'mp4v'], ['jpeg', 'jpeg'],
  ])('%s → %s', (fourcc, name) => {
    expect(codecName(fourcc)).toBe(name);
  });

  it('has no codec for a missing sample entry', () => {
    expect(codecName(null)).toBeNull();
  });
});

describe('videoPlayability', () => {
  it('plays H.264 and VP9', () => {
    expect(videoPlayability('h264')).toEqual({ playable: true, unplayableReason: null });
    expect(videoPlayability('vp9')).toEqual({ playable: true, unplayableReason: null });
  });

  it('explains HEVC, a missing video track and other codecs', () => {
    expect(videoPlayability('hevc')).toEqual({ playable: false, unplayableReason: HEVC_REASON });
    expect(HEVC_REASON).toContain("score as 'Not visible on footage'");
    expect(videoPlayability(null)).toEqual({ playable: false, unplayableReason: NO_VIDEO_REASON });
    expect(videoPlayability('mp4v').unplayableReason).toBe("video codec 'mp4v' cannot be played in the app");
  });
});

describe('containerKind', () => {
  it('reads metadata from MP4/MOV whatever the case or dot', () => {
    for (const ext of ['.mp4', 'MP4', '.MOV', 'm4v']) expect(containerKind(ext)).toMatchObject({ container: 'mp4', readsMetadata: true });
  });

  it('indexes Matroska and AVI without playing them', () => {
    expect(containerKind('.mkv')).toEqual({
      container: 'matroska', readsMetadata: false, playable: false, unplayableReason: OTHER_CONTAINER_REASON,
    });
    expect(containerKind('.AVI')).toMatchObject({ container: 'avi', playable: false });
    expect(OTHER_CONTAINER_REASON).toBe('Matroska/AVI container cannot be played in the app');
  });

  it('does not index other extensions', () => {
    for (const ext of ['.jpg', '', '.mp4.part', '.txt']) expect(containerKind(ext)).toBeNull();
  });
});
