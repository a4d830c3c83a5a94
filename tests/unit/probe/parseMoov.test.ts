import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMoov } from '../../../electron/core/library/probe/parseMoov';
import { ProbeError } from '../../../electron/core/library/probe/probeError';
import {
  box, dataText, fullBox, hdlr, loci, mdhd, mdtaMeta, moov, mvhd, qtText, stsd, tkhd, trak, u16, u32, u64,
  type TrackSpec,
} from './boxBuilder';

const video: TrackSpec = {
  handler: 'vide', fourcc: 'avc1', timescale: 10240, duration: 20480, width: 160, height: 120,
  coded: { width: 160, height: 120 }, runs: [[20, 1024]],
};
const audio: TrackSpec = { handler: 'soun', fourcc: 'mp4a', timescale: 44100, duration: 88200, runs: [[87, 1024]] };

/** Seconds from 1904-01-01T00:00:00Z to 1970-01-01T00:00:00Z: 66 years, 17 of them leap (QuickTime epoch). */
const EPOCH_1904 = (66 * 365 + 17) * 86400;

describe('parseMoov: movie header', () => {
  it('reads creation time as seconds since 1904 (v0) and duration from the timescale', () => {
    // 2082844800 = (66*365+17)*86400 is the published 1904→1970 offset (QuickTime File Format, "Time").
    expect(EPOCH_1904).toBe(2_082_844_800);
    const created = EPOCH_1904 + Date.UTC(2026, 9, 25, 0, 30) / 1000;
    const info = parseMoov(moov(mvhd({ created, timescale: 1000, duration: 2500 })));
    expect(info.createdAt?.toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(info.durationSec).toBe(2.5);
  });

  it('reads 64-bit times and durations from a version 1 mvhd', () => {
    const created = BigInt(EPOCH_1904 + Date.UTC(2107, 0, 1) / 1000); // past the 32-bit field's 2040 limit
    const info = parseMoov(moov(mvhd({ version: 1, created, timescale: 90000, duration: 2n ** 33n })));
    expect(info.createdAt?.toISOString()).toBe('2107-01-01T00:00:00.000Z');
    expect(info.durationSec).toBeCloseTo(2 ** 33 / 90000, 9);
  });

  it.each([0, 1, 43_200, 86_399])('treats a creation time of %i (still 1904-01-01) as unknown', (created) => {
    expect(parseMoov(moov(mvhd({ created, timescale: 1000, duration: 1000 }))).createdAt).toBeNull();
  });

  it('treats a 64-bit creation time past any representable date as unknown', () => {
    expect(parseMoov(moov(mvhd({ version: 1, created: 2n ** 62n, timescale: 1000, duration: 1000 }))).createdAt).toBeNull();
  });

  it('treats an all-ones duration as unknown and falls back to the longest track', () => {
    const info = parseMoov(moov(mvhd({ timescale: 1000, duration: 0xffffffff }), trak(video), trak(audio)));
    expect(info.durationSec).toBe(2);
  });

  it('reads a fragmented file’s whole duration from mvex/mehd beside the partial mvhd', () => {
    const withMehd = box('mvex', fullBox('mehd', 1, u64(7_500)));
    expect(parseMoov(moov(mvhd({ timescale: 1000, duration: 2000 }), withMehd))).toMatchObject({ durationSec: 2, fragmentDurationSec: 7.5 });
    const v0Mehd = box('mvex', fullBox('mehd', 0, u32(9_000)));
    expect(parseMoov(moov(mvhd({ timescale: 1000, duration: 0 }), v0Mehd)).fragmentDurationSec).toBe(9);
    const noMehd = box('mvex', fullBox('trex', 0, Buffer.alloc(20)));
    expect(parseMoov(moov(mvhd({ timescale: 1000, duration: 2000 }), noMehd)).fragmentDurationSec).toBeNull();
  });

  it('refuses an mvhd too short for its version, and an unknown version', () => {
    expect(() => parseMoov(moov(fullBox('mvhd', 1, u32(0))))).toThrow("box 'mvhd' is too short: 8 bytes, needs 32");
    expect(() => parseMoov(moov(fullBox('mvhd', 2, Buffer.alloc(40))))).toThrow(/unknown version 2/);
  });

  it('refuses something that is not a moov', () => {
    expect(() => parseMoov(box('free', Buffer.alloc(8)))).toThrow(ProbeError);
  });
});

describe('parseMoov: tracks', () => {
  it('reads handler, sample entry, size, duration and frame rate of each track', () => {
    const info = parseMoov(moov(mvhd({ timescale: 1000, duration: 2000 }), trak(video), trak(audio)));
    expect(info.tracks).toEqual([
      { handler: 'vide', sampleEntry: 'avc1', width: 160, height: 120, durationSec: 2, samplesPerSecond: 10 },
      { handler: 'soun', sampleEntry: 'mp4a', width: null, height: null, durationSec: 2, samplesPerSecond: (87 * 44100) / (87 * 1024) },
    ]);
  });

  it('computes NTSC 30000/1001 and mixed-run frame rates from stts', () => {
    const ntsc = parseMoov(moov(trak({ ...video, timescale: 30000, runs: [[299, 1001], [1, 1001]] }))).tracks[0]!;
    expect(ntsc.samplesPerSecond).toBeCloseTo(29.97003, 5);
    const mixed = parseMoov(moov(trak({ ...video, timescale: 1000, runs: [[10, 100], [10, 50]] }))).tracks[0]!;
    expect(mixed.samplesPerSecond).toBeCloseTo(20 / 1.5, 9);
    expect(parseMoov(moov(trak({ ...video, runs: [] }))).tracks[0]!.samplesPerSecond).toBeNull();
  });

  it('reads tkhd width and height as 16.16 fixed point, in both versions', () => {
    const sized = (t: Buffer) => parseMoov(moov(box('trak', t))).tracks[0]!;
    expect(sized(tkhd({ widthFixed: 1920 * 65536, heightFixed: 1080 * 65536 }))).toMatchObject({ width: 1920, height: 1080 });
    expect(sized(tkhd({ version: 1, widthFixed: 1280 * 65536, heightFixed: 720 * 65536 }))).toMatchObject({ width: 1280, height: 720 });
    expect(sized(tkhd({ widthFixed: 0x027f8000, heightFixed: 0x01680000 }))).toMatchObject({ width: 640, height: 360 }); // 639.5
  });

  it('falls back to the sample entry’s coded size when tkhd gives none', () => {
    const t = parseMoov(moov(trak({ ...video, width: 0, height: 0, coded: { width: 176, height: 144 } }))).tracks[0]!;
    expect([t.width, t.height]).toEqual([176, 144]);
  });

  it('refuses an stts whose entry count runs past its box', () => {
    const bad = box('trak', box('mdia', mdhd({ timescale: 10, duration: 10 }), hdlr('vide'),
      box('minf', box('stbl', stsd('avc1', { width: 16, height: 16 }), fullBox('stts', 0, u32(0x10000000), u32(1), u32(1))))));
    expect(() => parseMoov(moov(bad))).toThrow("box 'stts' is too short: 16 bytes, needs 2147483656");
  });
});

describe('parseMoov: tags', () => {
  it('reads classic QuickTime udta atoms (©mak, ©mod, ©swr, ©xyz, ©day)', () => {
    const udta = box('udta', qtText('©mak', 'Axon'), qtText('©mod', 'Body 4'), qtText('©swr', 'fw 1.2'),
      qtText('©xyz', '+51.5450-000.0553+010.000/'), qtText('©day', '2026-10-25T01:30:00+0100'), u32(0));
    expect(parseMoov(moov(udta)).tags).toEqual({
      make: 'Axon', model: 'Body 4', serial: null, software: 'fw 1.2',
      location: { lat: 51.545, lon: -0.0553, alt: 10 }, recordedAt: '2026-10-25T00:30:00.000Z',
    });
  });

  it('reads Mac-language udta text as latin1', () => {
    expect(parseMoov(moov(box('udta', qtText('©mak', 'Société', 0)))).tags.make).toBe('Société');
  });

  it('reads Apple mdta keys in a plain moov/meta, any key containing "serial", and prefers them to udta atoms', () => {
    const meta = mdtaMeta([
      ['com.apple.quicktime.make', dataText('Apple')],
      ['com.apple.quicktime.model', dataText('iPhone 15')],
      ['com.apple.quicktime.location.ISO6709', dataText('+40.6894-074.0447+005.000/')],
      ['com.apple.quicktime.creationdate', dataText('2026-03-29T02:30:00+0100')],
      ['com.example.camera.SerialNumber', box('data', u32(22), u32(0), u32(123456))],
    ]);
    const tags = parseMoov(moov(box('udta', qtText('©mak', 'Other')), meta)).tags;
    expect(tags).toEqual({
      make: 'Apple', model: 'iPhone 15', serial: '123456', software: null,
      location: { lat: 40.6894, lon: -74.0447, alt: 5 }, recordedAt: '2026-03-29T01:30:00.000Z',
    });
  });

  it('reads ffmpeg-style bare keys in a FullBox udta/meta, and UTF-16 values', () => {
    const utf16 = Buffer.from('X-99', 'utf16le').swap16();
    const meta = mdtaMeta([['make', dataText('Motorola')], ['serial_number', box('data', u32(2), u32(0), utf16)]], true);
    expect(parseMoov(moov(box('udta', meta))).tags).toMatchObject({ make: 'Motorola', serial: 'X-99' });
  });

  it('reads iTunes-style ilst items and the 3GPP loci position', () => {
    const ilst = box('ilst', box('©too', dataText('Lavf59')));
    const udta = box('udta', fullBox('meta', 0, hdlr('mdir'), ilst), loci(51.545, -0.0553, 10));
    const tags = parseMoov(moov(udta)).tags;
    expect(tags.software).toBe('Lavf59');
    expect(tags.location).toEqual({ lat: 51.545, lon: -0.0553, alt: 10 });
  });

  it('skips a malformed tag container but keeps the clip’s other facts', () => {
    const brokenUdta = box('udta', u32(400), '©mak', u16(4));
    const info = parseMoov(moov(mvhd({ timescale: 1000, duration: 3000 }), brokenUdta, box('udta', qtText('©mod', 'B4'))));
    expect(info.durationSec).toBe(3);
    expect(info.tags).toMatchObject({ make: null, model: 'B4' });
  });

  it('never fails with anything but a ProbeError when a real moov is corrupted (property)', () => {
    const good = moov(
      mvhd({ timescale: 1000, duration: 2000 }), trak(video), trak(audio),
      box('udta', qtText('©xyz', '+51.5450-000.0553/'), mdtaMeta([['make', dataText('A')]], true)),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat({ max: good.length - 1 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }), (flips) => {
        const bad = Buffer.from(good);
        for (const [at, value] of flips) bad[at] = value;
        try {
          parseMoov(bad);
        } catch (e) {
          expect(e).toBeInstanceOf(ProbeError);
        }
      }),
      { numRuns: 500 },
    );
  });
});
