import { civilDateTimeError, civilToEpochMs } from '../time/civil';
import { collarNumberOf } from './officerId';

/**
 * Axis-style recording folders and clip files (Axis body worn integration API, "File Upload API": a recording
 * container is named <UserID>_<BWCSerialNumber>_<TriggerOnTime>, each clip <StartTime>_<RecordingID>.<mkv|mp4>, all
 * times UTC). The sample tree (/work/shared/data/axis-style-tree.txt) writes times in ISO 8601 basic form,
 * "20261003T221500Z"; the API's own diagram shows "<date>_<time>", so "20261003_221500" is read too (as UTC).
 * Names are split from the right, so a user id that itself contains "_" survives. The API warns that RecordingID is
 * a short random value "that shouldn't be relied upon for identification": it is returned, not used as a key.
 */
export interface AxisFolderName {
  userId: string;
  /** The collar number when the user id is a rank and number ("PC1234CE"); null for opaque ids such as UUIDs. */
  officerId: string | null;
  serial: string;
  triggerOnUtc: string;
}

export interface AxisClipName {
  startUtc: string;
  recordingId: string;
  container: 'mp4' | 'mkv';
}

export type AxisNameResult<T> = { ok: true; value: T } | { ok: false; error: string };

export function parseAxisFolderName(name: string): AxisNameResult<AxisFolderName> {
  const trimmed = name.trim().replace(/[\\/]+$/, '');
  const parts = trimmed.split('_');
  const time = takeTime(parts);
  if (!time || parts.length < 2 || parts.some((p) => p === '')) {
    return { ok: false, error: `folder "${trimmed}" is not <UserID>_<SerialNumber>_<yyyymmddTHHMMSSZ>` };
  }
  if (!time.ok) return { ok: false, error: `folder "${trimmed}": ${time.error}` };
  const serial = parts.pop()!;
  const userId = parts.join('_');
  return { ok: true, value: { userId, officerId: collarNumberOf(userId), serial, triggerOnUtc: time.utc } };
}

export function parseAxisClipName(name: string): AxisNameResult<AxisClipName> {
  const trimmed = name.trim();
  const ext = /\.(mp4|mkv)$/i.exec(trimmed);
  const parts = trimmed.slice(0, ext ? -ext[0].length : undefined).split('_');
  const recordingId = parts.pop();
  const time = takeTime(parts);
  if (!ext || !recordingId || !/^[A-Za-z0-9-]+$/.test(recordingId) || !time || parts.length > 0) {
    return { ok: false, error: `clip "${trimmed}" is not <yyyymmddTHHMMSSZ>_<RecordingID>.mp4 or .mkv` };
  }
  if (!time.ok) return { ok: false, error: `clip "${trimmed}": ${time.error}` };
  return { ok: true, value: { startUtc: time.utc, recordingId, container: ext[1]!.toLowerCase() as 'mp4' | 'mkv' } };
}

/**
 * Removes the trailing time (one "20261003T221500Z" part or two "20261003", "221500" parts) from `parts`; null when
 * the end of the name is not a time at all.
 */
function takeTime(parts: string[]): { ok: true; utc: string } | { ok: false; error: string } | null {
  const basic = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/i.exec(parts[parts.length - 1] ?? '');
  const digits = basic ?? /^(\d{4})(\d{2})(\d{2})_(\d{2})(\d{2})(\d{2})$/.exec(parts.slice(-2).join('_'));
  if (!digits) return null;
  parts.splice(basic ? -1 : -2);
  const [y, m, d, hh, mm, ss] = digits.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const bad = civilDateTimeError({ y, m, d, hh, mm, ss });
  if (bad) return { ok: false, error: bad };
  return { ok: true, utc: new Date(civilToEpochMs({ y, m, d, hh, mm, ss })).toISOString() };
}
