/**
 * Builds ISO BMFF / QuickTime boxes byte by byte, following ISO/IEC 14496-12 and the QuickTime File Format layouts,
 * so unit tests can feed the probe exactly the structure (or the exact corruption) they are about.
 */
export type Part = Buffer | string | number[];

export const u8 = (n: number) => Buffer.from([n & 0xff]);
export const u16 = (n: number) => {
  const b = Buffer.alloc(2);
  b.writeUInt16BE(n);
  return b;
};
export const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n >>> 0);
  return b;
};
export const i32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
};
export const u64 = (n: number | bigint) => {
  const b = Buffer.alloc(8);
  b.writeBigUInt64BE(BigInt(n));
  return b;
};
export const zeros = (n: number) => Buffer.alloc(n);

const bytes = (parts: Part[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.isBuffer(p) ? p : Buffer.from(p))));

/** A box with a 32-bit size. `type` is latin1, so '©xyz' is written with its 0xA9 byte. */
export function box(type: string, ...parts: Part[]): Buffer {
  const payload = bytes(parts);
  return Buffer.concat([u32(8 + payload.length), Buffer.from(type, 'latin1'), payload]);
}

/** A box written with size 1 and a 64-bit largesize. */
export function largeBox(type: string, ...parts: Part[]): Buffer {
  const payload = bytes(parts);
  return Buffer.concat([u32(1), Buffer.from(type, 'latin1'), u64(16 + payload.length), payload]);
}

export function fullBox(type: string, version: number, ...parts: Part[]): Buffer {
  return box(type, u8(version), [0, 0, 0], ...parts);
}

/** mvhd/mdhd share the opening fields; v0 has 32-bit times, v1 64-bit. */
function times(version: 0 | 1, created: number | bigint, timescale: number, duration: number | bigint): Buffer {
  return version === 0
    ? Buffer.concat([u32(Number(created)), u32(0), u32(timescale), u32(Number(duration))])
    : Buffer.concat([u64(created), u64(0), u32(timescale), u64(duration)]);
}

export function mvhd(o: { version?: 0 | 1; created?: number | bigint; timescale?: number; duration?: number | bigint }) {
  const version = o.version ?? 0;
  // rate, volume, reserved, matrix, pre_defined, next_track_ID: present so the box has its real length.
  const rest = Buffer.concat([u32(0x00010000), u16(0x0100), zeros(10), zeros(36), zeros(24), u32(3)]);
  return fullBox('mvhd', version, times(version, o.created ?? 0, o.timescale ?? 1000, o.duration ?? 0), rest);
}

export function mdhd(o: { version?: 0 | 1; timescale: number; duration: number | bigint }) {
  const version = o.version ?? 0;
  return fullBox('mdhd', version, times(version, 0, o.timescale, o.duration), u16(0x55c4), u16(0));
}

/** tkhd with width and height given as 16.16 fixed-point raw values. */
export function tkhd(o: { version?: 0 | 1; widthFixed: number; heightFixed: number }) {
  const version = o.version ?? 0;
  const head =
    version === 0
      ? Buffer.concat([u32(0), u32(0), u32(1), u32(0), u32(0)])
      : Buffer.concat([u64(0), u64(0), u32(1), u32(0), u64(0)]);
  return fullBox('tkhd', version, head, zeros(8), u16(0), u16(0), u16(0), zeros(2), zeros(36), u32(o.widthFixed), u32(o.heightFixed));
}

export function hdlr(handler: string) {
  return fullBox('hdlr', 0, u32(0), handler, zeros(12), 'name\0');
}

/** stsd with one sample entry; visual entries carry their coded size 24 bytes into the payload. */
export function stsd(fourcc: string, coded?: { width: number; height: number }) {
  const entry = coded
    ? box(fourcc, zeros(6), u16(1), zeros(16), u16(coded.width), u16(coded.height), zeros(50))
    : box(fourcc, zeros(6), u16(1), zeros(20));
  return fullBox('stsd', 0, u32(1), entry);
}

export function stts(runs: [count: number, delta: number][]) {
  return fullBox('stts', 0, u32(runs.length), ...runs.flatMap(([c, d]) => [u32(c), u32(d)]));
}

export interface TrackSpec {
  handler: string;
  fourcc: string;
  timescale: number;
  duration: number;
  width?: number;
  height?: number;
  coded?: { width: number; height: number };
  runs?: [number, number][];
  /** Sample tables after stts (stsz, stco...): the bulk of a long clip's moov, which the probe skips. */
  tables?: Buffer[];
}

/** A sample-size table of `samples` entries, the box that grows with every frame. */
export function stsz(samples: number): Buffer {
  return fullBox('stsz', 0, u32(0), u32(samples), Buffer.alloc(samples * 4, 0x11));
}

export function trak(t: TrackSpec): Buffer {
  const stbl = box('stbl', stsd(t.fourcc, t.coded), stts(t.runs ?? []), ...(t.tables ?? []));
  return box(
    'trak',
    tkhd({ widthFixed: (t.width ?? 0) * 65536, heightFixed: (t.height ?? 0) * 65536 }),
    box('mdia', mdhd({ timescale: t.timescale, duration: t.duration }), hdlr(t.handler), box('minf', stbl)),
  );
}

/** A classic QuickTime udta text atom: 16-bit length, 16-bit language (0x55C4 = packed "und"), text. */
export function qtText(fourcc: string, text: string, language = 0x55c4): Buffer {
  const t = Buffer.from(text, language >= 0x400 ? 'utf8' : 'latin1');
  return box(fourcc, u16(t.length), u16(language), t);
}

/** A 'data' atom holding UTF-8 text (well-known type 1). */
export function dataText(text: string): Buffer {
  return box('data', u32(1), u32(0), Buffer.from(text, 'utf8'));
}

/**
 * A 'meta' with an mdta 'keys' table and an 'ilst' whose items are keyed by 1-based index. `fullBox` picks the
 * ISO form (ffmpeg writes it inside udta) over QuickTime's plain container (Apple writes it directly in moov).
 */
export function mdtaMeta(pairs: [string, Buffer][], fullBoxForm = false): Buffer {
  const keys = fullBox('keys', 0, u32(pairs.length), ...pairs.map(([k]) => box('mdta', k)));
  const ilst = box('ilst', ...pairs.map(([, data], i) => box(u32(i + 1).toString('latin1'), data)));
  const children = [hdlr('mdta'), keys, ilst];
  return fullBoxForm ? fullBox('meta', 0, ...children) : box('meta', ...children);
}

/** 3GPP TS 26.244 'loci' with coordinates in 16.16 fixed point. */
export function loci(lat: number, lon: number, alt: number): Buffer {
  const fx = (v: number) => i32(Math.round(v * 65536));
  return fullBox('loci', 0, u16(0x55c4), 'place\0', u8(0), fx(lon), fx(lat), fx(alt), 'earth\0', '\0');
}

export function moov(...children: Buffer[]): Buffer {
  return box('moov', ...children);
}

export const ftyp = () => box('ftyp', 'isom', u32(0x200), 'isomiso2avc1mp41');
