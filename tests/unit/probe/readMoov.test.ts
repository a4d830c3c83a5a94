import fc from 'fast-check';
import { closeSync, ftruncateSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { positionedReader } from '../../../electron/core/library/probe/fileReader';
import { readMoov, readMoovFrom } from '../../../electron/core/library/probe/readMoov';
import { parseMoov } from '../../../electron/core/library/probe/parseMoov';
import { box, ftyp, largeBox, moov, mvhd, qtText, stsz, trak, u32, u64 } from './boxBuilder';

const dir = mkdtempSync(join(tmpdir(), 'bwc-probe-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
const fileOf = (...parts: Buffer[]) => {
  const path = join(dir, `f${n++}.mp4`);
  writeFileSync(path, Buffer.concat(parts));
  return path;
};

/**
 * ftyp, then an mdat header claiming `mdatBytes` of media (left as a sparse hole, so a multi-gigabyte file costs no
 * disk), then `tail` right after the media.
 */
function sparseFile(mdatHeader: Buffer, mdatBytes: number, tail: Buffer): string {
  const path = join(dir, `s${n++}.mp4`);
  const head = Buffer.concat([ftyp(), mdatHeader]);
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, head, 0, head.length, 0);
    ftruncateSync(fd, head.length + mdatBytes);
    writeSync(fd, tail, 0, tail.length, head.length + mdatBytes);
  } finally {
    closeSync(fd);
  }
  return path;
}

const aMoov = moov(mvhd({ timescale: 1000, duration: 1234 }), box('udta', Buffer.alloc(300, 1)));

/** A moov shaped like a camera's: video and audio tracks whose sample tables grow with length, then tags. */
function longClipMoov(videoSamples: number, audioSamples: number): Buffer {
  return moov(
    mvhd({ created: 3_900_000_000, timescale: 1000, duration: videoSamples * 33 }),
    trak({ handler: 'vide', fourcc: 'avc1', timescale: 30000, duration: videoSamples * 1001, width: 1920, height: 1080,
      runs: [[videoSamples, 1001]], tables: [stsz(videoSamples), box('stco', Buffer.alloc(videoSamples, 0x11))] }),
    trak({ handler: 'soun', fourcc: 'mp4a', timescale: 48000, duration: audioSamples * 1024,
      runs: [[audioSamples, 1024]], tables: [stsz(audioSamples)] }),
    box('udta', qtText('©mak', 'Axon'), qtText('©xyz', '+51.5450-000.0553/')),
  );
}

describe('readMoov', () => {
  it('finds moov at the start in one read', async () => {
    const r = await readMoov(fileOf(ftyp(), aMoov, box('mdat', Buffer.alloc(100_000))));
    expect(r.moov.equals(aMoov)).toBe(true);
    expect(r.moovOffset).toBe(ftyp().length);
    expect(r.reads).toBe(1);
  });

  it('jumps over a 20 MB mdat to a moov at the end in two reads of at most 64 KiB', async () => {
    const path = sparseFile(Buffer.concat([u32(8 + 20e6), Buffer.from('mdat')]), 20e6, aMoov);
    const r = await readMoov(path);
    expect(r.moov.equals(aMoov)).toBe(true);
    expect(r.reads).toBe(2);
    expect(r.bytesRead).toBeLessThan(70_000);
  });

  it('jumps a 64-bit largesize mdat past 4 GiB (sparse file)', async () => {
    const media = 2 ** 32 + 4096;
    const path = sparseFile(Buffer.concat([u32(1), Buffer.from('mdat'), u64(16 + media)]), media, aMoov);
    const r = await readMoov(path);
    expect(r.moovOffset).toBe(ftyp().length + 16 + media);
    expect(r.moov.equals(aMoov)).toBe(true);
    expect(r.reads).toBe(2);
  });

  it('fetches only the boxes the parser reads from a moov bigger than the chunk', async () => {
    const big = longClipMoov(60_000, 30_000);
    const r = await readMoov(fileOf(ftyp(), big, box('mdat', Buffer.alloc(10))));
    expect(big.length).toBeGreaterThan(350_000);
    expect(r.moov.length).toBe(big.length);
    expect(parseMoov(r.moov)).toEqual(parseMoov(big));
    // The first chunk (moov header and the video track's stsd and stts), then the audio track, then udta.
    expect(r.reads).toBe(3);
    expect(r.bytesRead).toBeLessThan(64 * 1024 + 2 * 16 * 1024);
    // What was skipped really was skipped: the sample table payloads stay zero.
    expect(r.moov.indexOf(Buffer.alloc(64, 0x11))).toBe(-1);
  });

  it('reads a moov of moderate size whole, in one more read', async () => {
    const mid = longClipMoov(15_000, 5_000);
    const r = await readMoov(fileOf(ftyp(), mid, box('mdat', Buffer.alloc(10))));
    expect(r.moov.equals(mid)).toBe(true);
    expect(r.reads).toBe(2);
  });

  describe('movie fragments after a fragmented moov (one with mvex)', () => {
    const fragMoov = moov(mvhd({ timescale: 1000, duration: 500 }), box('mvex', box('trex', Buffer.alloc(24))));
    const moof = box('moof', box('mfhd', Buffer.alloc(8)));

    it('sees a moof right after moov without another read', async () => {
      const r = await readMoov(fileOf(ftyp(), fragMoov, moof, box('mdat', Buffer.alloc(100))));
      expect(r).toMatchObject({ mayHaveFragments: true, reads: 1 });
    });

    it('jumps one mdat to find the first moof (ffmpeg frag_keyframe layout)', async () => {
      const r = await readMoov(fileOf(ftyp(), fragMoov, box('mdat', Buffer.alloc(200_000)), moof));
      expect(r.mayHaveFragments).toBe(true);
      expect(r.reads).toBe(2);
      expect(r.bytesRead).toBeLessThan(64 * 1024 + 64);
    });

    it('knows there are none when the file ends first, as when everything fit in moov', async () => {
      const mfra = box('mfra', box('mfro', Buffer.alloc(8)));
      const r = await readMoov(fileOf(ftyp(), fragMoov, box('mdat', Buffer.alloc(100_000)), mfra));
      expect(r.mayHaveFragments).toBe(false);
    });

    it('assumes fragments when it gives up looking', async () => {
      const hops = Array.from({ length: 4 }, () => box('free', Buffer.alloc(70_000)));
      const r = await readMoov(fileOf(ftyp(), fragMoov, ...hops, moof));
      expect(r.mayHaveFragments).toBe(true);
      expect(r.reads).toBe(3);
    });

    it('does not look at all after an ordinary moov', async () => {
      const r = await readMoov(fileOf(ftyp(), aMoov, box('mdat', Buffer.alloc(100_000)), moof));
      expect(r).toMatchObject({ mayHaveFragments: false, reads: 1 });
    });
  });

  it('reads a QuickTime file that starts with wide and mdat', async () => {
    const r = await readMoov(fileOf(box('wide'), box('mdat', Buffer.alloc(5000)), aMoov));
    expect(r.moov.equals(aMoov)).toBe(true);
  });

  it('says when there is no moov (size-0 mdat to end of file, as a recorder leaves it when interrupted)', async () => {
    const path = fileOf(ftyp(), Buffer.concat([u32(0), Buffer.from('mdat')]), Buffer.alloc(5000));
    await expect(readMoov(path)).rejects.toThrow('no moov box: the recording was not finalised, or the file is incomplete');
  });

  it('says truncated when mdat claims more than the file holds', async () => {
    const path = fileOf(ftyp(), u32(1_000_000), Buffer.from('mdat'), Buffer.alloc(100));
    await expect(readMoov(path)).rejects.toThrow("truncated: box 'mdat' claims 1000000 bytes, file has 108 (box at offset 32)");
  });

  it('says truncated when moov claims past the end of the file', async () => {
    const cut = aMoov.subarray(0, 200);
    await expect(readMoov(fileOf(ftyp(), box('mdat', Buffer.alloc(64)), cut))).rejects.toThrow(
      `truncated: box 'moov' claims ${aMoov.length} bytes, file has 200`,
    );
  });

  it('says truncated when a faststart file loses the end of its mdat, without an extra read', async () => {
    const path = fileOf(ftyp(), aMoov, u32(50_000), Buffer.from('mdat'), Buffer.alloc(1000));
    await expect(readMoov(path)).rejects.toThrow(/truncated: box 'mdat' claims 50000 bytes/);
  });

  it('says truncated when a box header is cut by the end of the file', async () => {
    await expect(readMoov(fileOf(ftyp(), box('free'), u32(1), Buffer.from('mda')))).rejects.toThrow(
      /truncated: box header at offset 40 is cut off/,
    );
  });

  it('refuses a moov over the size cap without reading it', async () => {
    await expect(readMoov(fileOf(ftyp(), aMoov), { maxMoovBytes: 100 })).rejects.toThrow(
      `moov box is ${aMoov.length} bytes, over the 100-byte limit`,
    );
  });

  it.each([
    ['a JPEG', Buffer.from('ffd8ffe000104a46494600010100', 'hex'), /not an MP4\/MOV file \(looks like a JPEG image; first bytes ff d8 ff e0/],
    ['text', Buffer.from('hello, this is a note\n'), /not an MP4\/MOV file \(looks like text; first bytes 68 65 6c/],
    ['a short file', Buffer.from([1, 2, 3]), /not an MP4\/MOV file \(first bytes 01 02 03\)/],
    ['Matroska', Buffer.from('1a45dfa3a34286810142f7', 'hex'), /looks like a Matroska\/WebM file/],
  ])('says %s is not an MP4/MOV', async (_name, content, reason) => {
    await expect(readMoov(fileOf(content))).rejects.toThrow(reason);
  });

  it('refuses an empty file', async () => {
    await expect(readMoov(fileOf())).rejects.toThrow('empty file (0 bytes)');
  });

  it('reads the same facts as from the whole moov, in any layout of top-level boxes and any chunk size (property)', async () => {
    const filler = fc.record({
      type: fc.constantFrom('free', 'skip', 'mdat', 'wide', 'uuid'),
      length: fc.nat({ max: 3000 }),
      large: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(filler, { maxLength: 5 }),
        fc.array(filler, { maxLength: 3 }),
        fc.nat({ max: 20_000 }),
        fc.integer({ min: 1, max: 9000 }),
        fc.nat({ max: 150_000 }),
        async (before, after, videoSamples, chunkBytes, wholeMoovUpTo) => {
          const make = (f: { type: string; length: number; large: boolean }) =>
            f.type === 'uuid'
              ? box('uuid', Buffer.alloc(16, 9), Buffer.alloc(f.length))
              : (f.large ? largeBox : box)(f.type, Buffer.alloc(f.length, 5));
          const theMoov = longClipMoov(videoSamples, 100);
          const parts = [ftyp(), ...before.map(make), theMoov, ...after.map(make)];
          const r = await readMoov(fileOf(...parts), { chunkBytes, wholeMoovUpTo });
          expect(parseMoov(r.moov)).toEqual(parseMoov(theMoov));
          expect(r.moovOffset).toBe(Buffer.concat(parts.slice(0, before.length + 1)).length);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('readMoovFrom on bytes already in hand (the indexer holds a small file whole)', () => {
  it('reads a moov spanning the first 64 KiB from the held bytes: no system call, no copy', () => {
    const bigMoov = moov(mvhd({ timescale: 1000, duration: 5000 }), box('udta', Buffer.alloc(90_000, 7)));
    const bytes = Buffer.concat([ftyp(), bigMoov, box('mdat', Buffer.alloc(1000))]);
    const path = fileOf(bytes);
    const fd = openSync(path, 'r');
    try {
      const held = Buffer.from(bytes);
      const reader = positionedReader({ fd, size: bytes.length }, [{ at: 0, bytes: held }]);
      const r = readMoovFrom(reader);
      expect(r.moov.equals(bigMoov)).toBe(true);
      // Only the held range counts as a read, and the moov is a view of it.
      expect(r.reads).toBe(1);
      expect(r.moov.buffer).toBe(held.buffer);
      expect(reader.held(0, 10)?.buffer).toBe(held.buffer);
      expect(reader.held(bytes.length - 4, 10)?.length).toBe(4);
      expect(positionedReader({ fd, size: bytes.length }, [{ at: 0, bytes: held.subarray(0, 100) }]).held(50, 100)).toBeNull();
    } finally {
      closeSync(fd);
    }
  });
});
