import { execFile as execFileCb, execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { isMainThread } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseIso6709 } from '../../../electron/core/library/probe/iso6709';
import { HEVC_REASON, NO_VIDEO_REASON, OTHER_CONTAINER_REASON } from '../../../electron/core/library/probe/playability';
import { probeClip, type ClipMeta, type ProbeResult } from '../../../electron/core/library/probe/probe';
import { fingerprintHasher } from '../../../electron/core/library/probe/fingerprintHash';
import { probeFile } from '../../../electron/core/library/probe/probeFile';

const execFile = promisify(execFileCb);
const dir = mkdtempSync(join(tmpdir(), 'bwc-probe-it-'));
const at = (name: string) => join(dir, name);
const RECORDED = '2026-10-25T00:30:00Z';
const LOCATION = '+51.5450-000.0553+010.000/';

function tool(name: string): boolean {
  try {
    execFileSync(name, ['-version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const hasFfmpeg = tool('ffmpeg') && tool('ffprobe');
const hasX265 = hasFfmpeg && execFileSync('ffmpeg', ['-hide_banner', '-encoders'], { encoding: 'utf8' }).includes('libx265');

const ffmpeg = (...args: string[]) => execFile('ffmpeg', ['-v', 'error', '-y', ...args]);
// Tiny real clips: 2 s of 160x120 test pattern at 10 fps with a sine tone.
const av = ['-f', 'lavfi', '-i', 'testsrc=size=160x120:rate=10', '-f', 'lavfi', '-i', 'sine', '-t', '2', '-c:v', 'libx264', '-preset', 'ultrafast', '-c:a', 'aac'];
const videoOnly = ['-f', 'lavfi', '-i', 'testsrc=size=160x120:rate=10', '-t', '1'];
const deviceTags = ['-metadata', `location=${LOCATION}`, '-metadata', 'make=Axon', '-metadata', 'model=Body 4'];

interface Ffprobe {
  streams: { codec_type: string; codec_name: string; width?: number; height?: number; avg_frame_rate: string }[];
  format: { duration: string; tags?: Record<string, string> };
}
const ffprobe = async (path: string): Promise<Ffprobe> =>
  JSON.parse(
    (await execFile('ffprobe', ['-v', 'error', '-show_entries', 'format=duration:format_tags:stream=codec_type,codec_name,width,height,avg_frame_rate', '-of', 'json', path])).stdout,
  ) as Ffprobe;

/** Top-level boxes of a file, walked independently of the code under test (32-bit sizes only: ffmpeg's tiny files). */
function topLevel(bytes: Buffer): { type: string; start: number; size: number }[] {
  const out = [];
  for (let pos = 0; pos + 8 <= bytes.length; ) {
    const size = bytes.readUInt32BE(pos);
    out.push({ type: bytes.toString('latin1', pos + 4, pos + 8), start: pos, size });
    pos += size;
  }
  return out;
}
const boxOf = (bytes: Buffer, type: string) => topLevel(bytes).find((b) => b.type === type)!;

const observed = new Map<string, string>();
async function probeOk(name: string, options?: Parameters<typeof probeClip>[1]): Promise<ClipMeta> {
  const r = await probeClip(at(name), options);
  if (!r.ok) throw new Error(`${name}: expected ok, got "${r.reason}"`);
  observed.set(
    `${name}${options ? ` ${JSON.stringify(options)}` : ''}`,
    `${r.meta.reads} reads, ${r.meta.bytesRead} of ${readFileSync(at(name)).length} bytes`,
  );
  return r.meta;
}
const reasonOf = (r: ProbeResult) => (r.ok ? 'ok' : r.reason);

beforeAll(async () => {
  if (!hasFfmpeg) throw new Error('ffmpeg/ffprobe not found: install Debian ffmpeg (apt-get install ffmpeg) to run these tests');
  const jobs = [
    () => ffmpeg(...av, '-movflags', '+faststart', '-metadata', `creation_time=${RECORDED}`, at('start.mp4')),
    () => ffmpeg(...av, '-metadata', `creation_time=${RECORDED}`, at('end.mp4')),
    () => ffmpeg(...av, ...deviceTags, at('tags.mov')),
    () => ffmpeg(...av, ...deviceTags, '-metadata', 'serial_number=D01A23456', '-movflags', 'use_metadata_tags', at('keys.mov')),
    () => ffmpeg(...av, at('nodate.mp4')),
    () => ffmpeg('-f', 'lavfi', '-i', 'sine', '-t', '1', '-c:a', 'aac', at('audio.mp4')),
    () => ffmpeg(...videoOnly, '-c:v', 'libx264', '-preset', 'ultrafast', '-f', 'matroska', at('clip.mkv')),
    () => ffmpeg(...videoOnly, '-c:v', 'mpeg4', at('clip.avi')),
    () => ffmpeg(...videoOnly, '-frames:v', '1', at('photo.jpg')),
    ...(hasX265 ? [() => ffmpeg(...videoOnly, '-c:v', 'libx265', '-x265-params', 'log-level=error', at('hevc.mp4'))] : []),
  ];
  // Two cores: two encoders at a time.
  const queue = [...jobs];
  await Promise.all([0, 1].map(async () => {
    for (let job = queue.shift(); job; job = queue.shift()) await job();
  }));

  // Fragmented MP4s: moov holds the first fragment's samples (or, with empty_moov, none), the rest sits in moof
  // boxes; with a single keyframe there is no second fragment and everything stays in moov.
  await Promise.all([
    ffmpeg(...av, '-g', '5', '-movflags', 'frag_keyframe', at('fragmented.mp4')),
    ffmpeg('-i', at('start.mp4'), '-c', 'copy', '-movflags', 'frag_keyframe+empty_moov', at('empty-moov.mp4')),
    ffmpeg('-i', at('start.mp4'), '-c', 'copy', '-movflags', 'frag_keyframe', at('one-fragment.mp4')),
  ]);
  const end = readFileSync(at('end.mp4'));
  const start = readFileSync(at('start.mp4'));
  writeFileSync(at('empty.mp4'), '');
  writeFileSync(at('half.mp4'), end.subarray(0, end.length >> 1));
  writeFileSync(at('half-faststart.mp4'), start.subarray(0, start.length >> 1));
  const pastEof = Buffer.from(end);
  const moovBox = boxOf(pastEof, 'moov');
  pastEof.writeUInt32BE(moovBox.size + 1000, moovBox.start);
  writeFileSync(at('moov-past-eof.mp4'), pastEof);
  // ffmpeg leaves an 8-byte 'free' before mdat for exactly this: rewriting free+mdat as one 16-byte largesize mdat
  // header keeps every media offset valid, so the result is a real, playable file with a 64-bit box.
  const large = Buffer.from(end);
  const free = boxOf(large, 'free');
  const mdat = boxOf(large, 'mdat');
  expect([free.size, mdat.start]).toEqual([8, free.start + 8]);
  large.writeUInt32BE(1, free.start);
  large.write('mdat', free.start + 4, 'latin1');
  large.writeBigUInt64BE(BigInt(mdat.size + 8), free.start + 8);
  writeFileSync(at('largesize.mp4'), large);
  writeFileSync(at('notes.mp4'), 'Officer notes: not a video.\n');
  copyFileSync(at('photo.jpg'), at('photo.mp4'));
  writeFileSync(at('notes.mkv'), 'not matroska either\n');
  mkdirSync(at('folder.mp4'));
  copyFileSync(at('start.mp4'), at('locked.mp4'));
  chmodSync(at('locked.mp4'), 0o000);
  chmodSync(dir, 0o755); // so a dropped-privilege user can reach the file and meet its own permission bits
}, 120_000);

afterAll(() => {
  console.log(`probe I/O per file:\n${[...observed].map(([file, io]) => `  ${file}: ${io}`).join('\n')}`);
  rmSync(dir, { recursive: true, force: true });
});

describe('probeClip on real ffmpeg files, checked against ffprobe', () => {
  it.each(['start.mp4', 'end.mp4', 'tags.mov', 'keys.mov', 'nodate.mp4', 'largesize.mp4'])(
    '%s: duration, size, codecs, frame rate and tags agree with ffprobe',
    async (name) => {
      const [meta, ref] = await Promise.all([probeOk(name), ffprobe(at(name))]);
      const video = ref.streams.find((s) => s.codec_type === 'video')!;
      const audio = ref.streams.find((s) => s.codec_type === 'audio')!;
      const [num, den] = video.avg_frame_rate.split('/').map(Number) as [number, number];
      expect(meta.durationSec).toBeCloseTo(Number(ref.format.duration), 2);
      expect([meta.width, meta.height]).toEqual([video.width, video.height]);
      expect(meta.videoCodec).toBe(video.codec_name);
      expect(meta.audioCodec).toBe(audio.codec_name);
      expect(meta.frameRate).toBeCloseTo(num / den, 6);
      const created = ref.format.tags?.creation_time;
      expect(meta.recordedAt).toBe(created ? new Date(created).toISOString() : null);
      expect(meta.make).toBe(ref.format.tags?.make ?? null);
      expect(meta.model).toBe(ref.format.tags?.model ?? null);
      const location = ref.format.tags?.location;
      expect(meta.location).toEqual(location ? parseIso6709(location) : null);
      expect(meta).toMatchObject({ playable: true, unplayableReason: null });
    },
  );

  it('reads the recording time, with moov at the start or the end', async () => {
    for (const name of ['start.mp4', 'end.mp4', 'largesize.mp4']) expect((await probeOk(name)).recordedAt).toBe('2026-10-25T00:30:00.000Z');
    expect((await probeOk('nodate.mp4')).recordedAt).toBeNull();
  });

  it('reads device tags from QuickTime udta atoms and from mdta keys (serial included)', async () => {
    const expected = { make: 'Axon', model: 'Body 4', location: { lat: 51.545, lon: -0.0553, alt: 10 } };
    expect(await probeOk('tags.mov')).toMatchObject({ ...expected, serial: null });
    expect(await probeOk('keys.mov')).toMatchObject({ ...expected, serial: 'D01A23456' });
  });

  it('reads a file in very few reads: one for a small clip, a jump over mdat when moov is at the end', async () => {
    expect((await probeOk('end.mp4')).reads).toBe(1);
    const jumped = await probeOk('end.mp4', { chunkBytes: 4096 });
    // Fragmented MP4s: moov holds the first fragment's samples (or, with empty_moov, none), the rest sits in moof
  // boxes; with a single keyframe there is no second fragment and everything stays in moov.
  await Promise.all([
    ffmpeg(...av, '-g', '5', '-movflags', 'frag_keyframe', at('fragmented.mp4')),
    ffmpeg('-i', at('start.mp4'), '-c', 'copy', '-movflags', 'frag_keyframe+empty_moov', at('empty-moov.mp4')),
    ffmpeg('-i', at('start.mp4'), '-c', 'copy', '-movflags', 'frag_keyframe', at('one-fragment.mp4')),
  ]);
  const end = readFileSync(at('end.mp4'));
    expect(jumped.reads).toBeLessThanOrEqual(3);
    expect(jumped.bytesRead).toBeLessThan(4096 + boxOf(end, 'moov').size + 64);
    const start = await probeOk('start.mp4', { chunkBytes: 4096 });
    expect(start.reads).toBeLessThanOrEqual(2);
    expect(start.bytesRead).toBeLessThan(readFileSync(at('start.mp4')).length / 2);
  });

  it('as the indexer probes (probeFile): the file\'s two ends answer the moov wherever it sits, with the same facts', async () => {
    const free = (n: number) => {
      const b = Buffer.alloc(n);
      b.writeUInt32BE(n, 0);
      b.write('free', 4, 'latin1');
      return b;
    };
    const io = ({ reads: _r, bytesRead: _b, ...facts }: ClipMeta) => facts;
    const hash = await fingerprintHasher();
    const small = probeFile(at('end.mp4'), hash);
    expect(small.probe).toMatchObject({ ok: true, meta: { reads: 1 } });
    // 300 KiB of padding after the moov (faststart) or before the mdat (moov at the end): two reads, the two ends.
    const start = readFileSync(at('start.mp4'));
    writeFileSync(at('big-start.mp4'), Buffer.concat([start, free(300 * 1024)]));
    const end = readFileSync(at('end.mp4'));
    const ftypEnd = boxOf(end, 'ftyp').size;
    writeFileSync(at('big-end.mp4'), Buffer.concat([end.subarray(0, ftypEnd), free(300 * 1024), end.subarray(ftypEnd)]));
    for (const [big, plain] of [['big-start.mp4', 'start.mp4'], ['big-end.mp4', 'end.mp4']] as const) {
      const r = probeFile(at(big), hash);
      if (!r.probe.ok) throw new Error(r.probe.reason);
      expect(r.probe.meta.reads).toBe(2);
      expect(r.probe.meta.bytesRead).toBe(128 * 1024);
      expect(io(r.probe.meta)).toEqual(io(await probeOk(plain)));
      expect(r.fingerprint).toMatchObject({ ok: true, hex: expect.stringMatching(/^\d+:[0-9a-f]{32}$/) });
    }
  });

  it('reads the same facts when it fetches only the boxes it needs from a real moov', async () => {
    const io = ({ reads: _r, bytesRead: _b, ...facts }: ClipMeta) => facts;
    for (const name of ['start.mp4', 'end.mp4', 'tags.mov', 'keys.mov', 'largesize.mp4', 'audio.mp4']) {
      const whole = await probeOk(name);
      const sparse = await probeOk(name, { chunkBytes: 512, wholeMoovUpTo: 0 });
      expect(io(sparse)).toEqual(io(whole));
      expect(sparse.bytesRead).toBeLessThan(whole.bytesRead / 4);
    }
  });

  it('gives a fragmented MP4 an unknown duration rather than the first fragment’s', async () => {
    for (const name of ['fragmented.mp4', 'empty-moov.mp4']) {
      expect(await probeOk(name)).toMatchObject({ durationSec: null, videoCodec: 'h264', width: 160, height: 120, playable: true });
    }
    const [whole, ref] = await Promise.all([probeOk('one-fragment.mp4'), ffprobe(at('one-fragment.mp4'))]);
    expect(whole.durationSec).toBeCloseTo(Number(ref.format.duration), 2);
  });

  it.skipIf(!hasX265)('marks HEVC unplayable with the scoring advice (needs libx265; skipped without it)', async () => {
    const [meta, ref] = await Promise.all([probeOk('hevc.mp4'), ffprobe(at('hevc.mp4'))]);
    expect(meta.videoCodec).toBe(ref.streams[0]!.codec_name);
    expect(meta).toMatchObject({ videoCodec: 'hevc', width: 160, height: 120, playable: false, unplayableReason: HEVC_REASON });
  });

  it('marks a clip with no video track unplayable', async () => {
    expect(await probeOk('audio.mp4')).toMatchObject({ videoCodec: null, audioCodec: 'aac', playable: false, unplayableReason: NO_VIDEO_REASON });
  });

  it('indexes real Matroska and AVI files without playing them, and catches an impostor', async () => {
    for (const name of ['clip.mkv', 'clip.avi']) {
      expect(await probeOk(name)).toMatchObject({ durationSec: null, playable: false, unplayableReason: OTHER_CONTAINER_REASON, reads: 1, bytesRead: 12 });
    }
    expect(reasonOf(await probeClip(at('notes.mkv')))).toMatch(/^not a Matroska file \(looks like text; first bytes 6e 6f 74/);
  });
});

describe('probeClip on bad files: a one-line reason, never a throw', () => {
  it.each([
    ['empty.mp4', /^empty file \(0 bytes\)$/],
    ['half.mp4', /^truncated: box 'mdat' claims \d+ bytes, file has \d+ \(box at offset 40\)$/],
    ['half-faststart.mp4', /^truncated: box 'mdat' claims \d+ bytes, file has \d+/],
    ['moov-past-eof.mp4', /^truncated: box 'moov' claims \d+ bytes, file has \d+/],
    ['notes.mp4', /^not an MP4\/MOV file \(looks like text; first bytes 4f 66 66 69 63 65 72 20\)$/],
    ['photo.mp4', /^not an MP4\/MOV file \(looks like a JPEG image; first bytes ff d8 ff/],
    ['folder.mp4', /^is a directory, not a file$/],
    ['missing.mp4', /^file not found$/],
  ])('%s → %s', async (name, reason) => {
    const r = await probeClip(at(name));
    expect(reasonOf(r)).toMatch(reason);
    expect(reasonOf(r)).not.toContain('\n');
  });

  it('refuses a FIFO named .mp4 without blocking on it', async (ctx) => {
    try {
      execFileSync('mkfifo', [at('pipe.mp4')]);
    } catch {
      ctx.skip('mkfifo not available');
    }
    expect(reasonOf(await probeClip(at('pipe.mp4')))).toBe('not a regular file (a pipe, socket or device)');
  });

  // As root, chmod 000 does not stop reads. When root in a forked worker, the test drops its effective uid to
  // 'nobody' around the probe (restored in finally) so the permission bits really apply; elsewhere under root it
  // can only check that the file still probes. As an ordinary user chmod 000 alone gives EACCES.
  it('reports a file it may not read (EACCES)', async () => {
    const isRoot = process.getuid?.() === 0;
    const canDrop = isRoot && isMainThread && typeof process.seteuid === 'function';
    if (isRoot && !canDrop) {
      expect((await probeClip(at('locked.mp4'))).ok).toBe(true);
      return;
    }
    if (canDrop) process.seteuid!('nobody');
    let r: ProbeResult;
    try {
      r = await probeClip(at('locked.mp4'));
    } finally {
      if (canDrop) process.seteuid!(0);
    }
    expect(reasonOf(r)).toBe('cannot read the file: permission denied (EACCES)');
  });
});
