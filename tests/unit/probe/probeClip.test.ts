import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { probeClip } from '../../../electron/core/library/probe/probe';
import { box, ftyp, moov, mvhd, qtText, stsz, trak } from './boxBuilder';

const dir = mkdtempSync(join(tmpdir(), 'bwc-probe-fuzz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('probeClip on corrupted files', () => {
  it('answers every corruption with a ProbeError reason, never an internal error (property)', async () => {
    const clip = Buffer.concat([
      ftyp(),
      box('mdat', Buffer.alloc(3000, 0x55)),
      moov(
        mvhd({ created: 3_900_000_000, timescale: 1000, duration: 60_000 }),
        trak({ handler: 'vide', fourcc: 'avc1', timescale: 30000, duration: 1_801_800, width: 1280, height: 720,
          runs: [[1800, 1001]], tables: [stsz(1800)] }),
        trak({ handler: 'soun', fourcc: 'mp4a', timescale: 48000, duration: 2_880_000, runs: [[2812, 1024]], tables: [stsz(2812)] }),
        box('udta', qtText('©mak', 'Axon'), qtText('©xyz', '+51.5450-000.0553/')),
      ),
    ]);
    const path = join(dir, 'fuzz.mp4');
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat({ max: clip.length - 1 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 6 }),
        fc.nat({ max: clip.length }),
        fc.constantFrom(64, 512, 65_536),
        async (flips, keep, chunkBytes) => {
          const bad = Buffer.from(clip.subarray(0, Math.max(keep, clip.length - 200)));
          for (const [at, value] of flips) if (at < bad.length) bad[at] = value;
          writeFileSync(path, bad);
          const r = await probeClip(path, { chunkBytes, wholeMoovUpTo: 0 });
          if (!r.ok) {
            expect(r.reason).not.toMatch(/could not read the clip's headers/);
            expect(r.reason).not.toContain('\n');
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
