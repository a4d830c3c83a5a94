import { childBoxes, payloadOf, walkBoxes, type BoxHeader } from './boxes';
import { parseIso6709, type GeoLocation } from './iso6709';
import { ProbeError } from './probeError';
import { parseTagDate } from './tagDate';

/** Device and capture facts from a moov's metadata, whichever of the three tagging schemes the writer used. */
export interface ClipTags {
  make: string | null;
  model: string | null;
  serial: string | null;
  software: string | null;
  location: GeoLocation | null;
  /** ISO UTC, from a tag that carries its own time-zone offset. */
  recordedAt: string | null;
}

type Field = keyof ClipTags;

/**
 * Where a value came from decides which wins when a file carries several: QuickTime mdta keys (Apple, Android,
 * ffmpeg's use_metadata_tags) are the richest, then iTunes-style ilst items, then classic udta '©' atoms, then the
 * 3GPP 'loci' box with its coarse 16.16 fixed-point position.
 */
const Rank = { MdtaKey: 0, IlstItem: 1, UdtaAtom: 2, Loci: 3 } as const;
type Rank = (typeof Rank)[keyof typeof Rank];

interface Entry {
  key: string;
  value: string | GeoLocation;
  rank: Rank;
}

/** QuickTime File Format "Metadata" chapter: the four-character atoms that name these facts. */
const FOURCC_FIELDS: Record<string, Field> = {
  '©mak': 'make',
  '©mod': 'model',
  '©swr': 'software',
  '©too': 'software',
  '©xyz': 'location',
  '©day': 'recordedAt',
};

/**
 * Collects tags from the moov's 'udta' and 'meta' children. Tags are optional extras: a malformed tag container is
 * skipped rather than failing the probe, so a broken tag never costs the clip its duration and resolution.
 */
export function collectTags(moov: Buffer, containers: BoxHeader[]): ClipTags {
  const entries: Entry[] = [];
  for (const box of containers) {
    try {
      if (box.type === 'meta') entries.push(...metaEntries(moov, box));
      if (box.type === 'udta') entries.push(...udtaEntries(moov, box));
    } catch (e) {
      if (!(e instanceof ProbeError)) throw e;
    }
  }
  entries.sort((a, b) => a.rank - b.rank);
  const tags: ClipTags = { make: null, model: null, serial: null, software: null, location: null, recordedAt: null };
  for (const entry of entries) assign(tags, entry);
  return tags;
}

function assign(tags: ClipTags, { key, value }: Entry): void {
  const field = fieldFor(key);
  if (!field || tags[field] !== null) return;
  if (field === 'location') {
    tags.location = typeof value === 'string' ? parseIso6709(value) : value;
  } else if (typeof value === 'string') {
    tags[field] = field === 'recordedAt' ? parseTagDate(value) : value || null;
  }
}

/** mdta keys are reverse-DNS ("com.apple.quicktime.make") or bare ("make", from ffmpeg): match on the last part. */
function fieldFor(key: string): Field | null {
  const known = FOURCC_FIELDS[key];
  if (known) return known;
  const k = key.toLowerCase();
  if (k.includes('serial')) return 'serial';
  switch (k.slice(k.lastIndexOf('.') + 1)) {
    case 'make':
    case 'manufacturer':
      return 'make';
    case 'model':
      return 'model';
    case 'software':
    case 'encoder':
      return 'software';
    case 'iso6709':
    case 'location':
      return 'location';
    case 'creationdate':
      return 'recordedAt';
    default:
      return null;
  }
}

function udtaEntries(moov: Buffer, udta: BoxHeader): Entry[] {
  const out: Entry[] = [];
  for (const child of childBoxes(moov, udta)) {
    if (child.type === 'meta') {
      out.push(...metaEntries(moov, child));
    } else if (child.type === 'loci') {
      const location = lociLocation(payloadOf(moov, child));
      if (location) out.push({ key: '©xyz', value: location, rank: Rank.Loci });
    } else if (child.type.startsWith('©')) {
      const text = udtaText(payloadOf(moov, child), child.type);
      if (text !== null) out.push({ key: child.type, value: text, rank: Rank.UdtaAtom });
    }
  }
  return out;
}

/**
 * 'meta' is a FullBox in ISO files (4 bytes of version and flags, always zero, before the children) but a plain
 * container in QuickTime files, where the first child's non-zero size comes straight after the header.
 */
function metaEntries(moov: Buffer, meta: BoxHeader): Entry[] {
  const first = meta.start + meta.headerSize;
  const skip = first + 4 <= meta.start + meta.size && moov.readUInt32BE(first) === 0 ? 4 : 0;
  const children = childBoxes(moov, meta, skip);
  const keysBox = children.find((b) => b.type === 'keys');
  const ilst = children.find((b) => b.type === 'ilst');
  if (!ilst) return [];
  const keys = keysBox ? mdtaKeys(payloadOf(moov, keysBox)) : null;
  const out: Entry[] = [];
  for (const item of childBoxes(moov, ilst)) {
    // With a 'keys' table, an item's type field is the 1-based index of its key, not a four-character code.
    const key = keys ? keys[moov.readUInt32BE(item.start + 4) - 1] : item.type;
    if (key === undefined) continue;
    const value = firstDataValue(moov, item);
    if (value !== null) out.push({ key, value, rank: keys ? Rank.MdtaKey : Rank.IlstItem });
  }
  return out;
}

/** 'keys': FullBox, entry count, then entries of (size, namespace, key name). */
function mdtaKeys(payload: Buffer): string[] {
  if (payload.length < 8) throw new ProbeError(`box 'keys' is too short: ${payload.length} bytes`);
  const count = payload.readUInt32BE(4);
  const keys: string[] = [];
  let pos = 8;
  for (let i = 0; i < count; i++) {
    if (pos + 8 > payload.length) throw new ProbeError(`box 'keys' lists ${count} keys but ends after ${i}`);
    const size = payload.readUInt32BE(pos);
    if (size < 8 || pos + size > payload.length) throw new ProbeError(`box 'keys' entry ${i + 1} has size ${size}`);
    keys.push(payload.toString('utf8', pos + 8, pos + size));
    pos += size;
  }
  return keys;
}

function firstDataValue(moov: Buffer, item: BoxHeader): string | null {
  for (const child of childBoxes(moov, item)) {
    if (child.type !== 'data') continue;
    const value = dataValue(payloadOf(moov, child));
    if (value !== null) return value;
  }
  return null;
}

/**
 * A 'data' atom: a type indicator (QuickTime "well-known types": 1 UTF-8, 2 UTF-16BE, 21 signed and 22 unsigned
 * big-endian integer), a locale, then the value. Other types (images, floats) are not facts we use.
 */
function dataValue(payload: Buffer): string | null {
  if (payload.length < 8) return null;
  const type = payload.readUInt32BE(0) & 0xffffff;
  const value = payload.subarray(8);
  switch (type) {
    case 1:
      return cleanText(value.toString('utf8'));
    case 2:
      return cleanText(Buffer.from(value.subarray(0, value.length & ~1)).swap16().toString('utf16le'));
    case 21:
    case 22:
      return integerText(value, type === 21);
    default:
      return null;
  }
}

function integerText(value: Buffer, signed: boolean): string | null {
  if (![1, 2, 4, 8].includes(value.length)) return null;
  if (value.length === 8) return String(signed ? value.readBigInt64BE(0) : value.readBigUInt64BE(0));
  return String(signed ? value.readIntBE(0, value.length) : value.readUIntBE(0, value.length));
}

/**
 * A classic udta '©' atom: (16-bit length, 16-bit language, text). Language codes below 0x400 are old Macintosh
 * codes whose text is Mac Roman, read here as latin1 (identical for ASCII); packed ISO 639 codes mean UTF-8.
 * Some writers put an iTunes-style 'data' atom inside instead; both are read.
 */
function udtaText(payload: Buffer, type: string): string | null {
  if (payload.length >= 8 && payload.toString('latin1', 4, 8) === 'data') {
    for (const child of walkBoxes(payload, 0, payload.length, type)) {
      if (child.type !== 'data') continue;
      const value = dataValue(payloadOf(payload, child));
      if (value !== null) return value;
    }
    return null;
  }
  if (payload.length < 4) return null;
  const length = payload.readUInt16BE(0);
  const language = payload.readUInt16BE(2);
  if (4 + length > payload.length) return null;
  const text = payload.subarray(4, 4 + length);
  return cleanText(text.toString(language >= 0x400 ? 'utf8' : 'latin1'));
}

/**
 * 3GPP TS 26.244 'loci': FullBox, language, a NUL-terminated name (UTF-8, or UTF-16 after a BOM), role, then
 * longitude, latitude and altitude as signed 16.16 fixed point.
 */
function lociLocation(payload: Buffer): GeoLocation | null {
  let pos = 6;
  if (payload.length < pos) return null;
  if (payload[pos] === 0xfe && payload[pos + 1] === 0xff) {
    pos += 2;
    while (pos + 1 < payload.length && (payload[pos] !== 0 || payload[pos + 1] !== 0)) pos += 2;
    pos += 2;
  } else {
    while (pos < payload.length && payload[pos] !== 0) pos += 1;
    pos += 1;
  }
  pos += 1; // role
  if (pos + 12 > payload.length) return null;
  const lon = fixed16(payload.readInt32BE(pos));
  const lat = fixed16(payload.readInt32BE(pos + 4));
  const alt = fixed16(payload.readInt32BE(pos + 8));
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180) return null;
  return { lat, lon, alt };
}

/** 16.16 fixed point resolves 1/65536 (~1.5e-5 degrees), so five decimals keep every real digit and drop noise. */
function fixed16(raw: number): number {
  return Math.round((raw / 65536) * 1e5) / 1e5;
}

function cleanText(text: string): string | null {
  const trimmed = text.replace(/\0+$/, '').trim();
  return trimmed === '' ? null : trimmed;
}
