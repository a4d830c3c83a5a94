import { z } from 'zod';
import { parseIsoInstant } from '../time/isoInstant';
import { parseJsonFile } from './jsonFile';
import { collarNumberOf } from './officerId';
import { parseReferences } from './reference';
import { parseVtt } from './vtt';

/**
 * Motorola-style per-clip sidecars (shapes in /work/shared/data/motorola-style-sidecar.*):
 * - JSON: DeviceSerial, Officer, StartTime/EndTime (ISO UTC), DataPoints [{Time, Event, Label?}] where Event
 *   "Bookmark" marks a moment (RecordStart/RecordStop and unknown events carry nothing the library keeps). Optional
 *   OfficerId and References (a string or list of CAD/CRIS references) are read when present.
 * - VTT: one cue per second or so, its text a JSON object {"gpsCoordinates": "N51.545120 W0.055430", "officer": ...};
 *   a cue's GPS fix is placed at StartTime + the cue's start.
 * The JSON is the clip's identity: if it is unreadable there is no sidecar. Problems in the VTT (with line numbers)
 * are reported and the readable cues kept, since a partly broken GPS track still places the clip.
 */
export interface GpsFix {
  t: string;
  lat: number;
  lon: number;
}

export interface MotorolaSidecar {
  deviceSerial: string;
  officer: string;
  officerId: string | null;
  startUtc: string;
  endUtc: string;
  bookmarks: { t: string; label: string | null }[];
  gps: GpsFix[];
  references: string[];
}

export interface SidecarProblem {
  file: 'json' | 'vtt';
  /** 1-based line in the VTT; null for the JSON, whose problems name the field instead. */
  line: number | null;
  message: string;
}

export type SidecarResult =
  | { ok: true; sidecar: MotorolaSidecar; problems: SidecarProblem[] }
  | { ok: false; problems: SidecarProblem[] };

const isoTime = z.string().transform((text, ctx) => {
  const t = parseIsoInstant(text);
  if (t.ok) return t.utc;
  ctx.addIssue({ code: 'custom', message: t.error });
  return z.NEVER;
});
const nonEmpty = z.string().trim().min(1);

const sidecarJson = z.object({
  DeviceSerial: nonEmpty,
  Officer: nonEmpty,
  OfficerId: nonEmpty.optional(),
  StartTime: isoTime,
  EndTime: isoTime,
  DataPoints: z.array(z.object({ Time: isoTime, Event: nonEmpty, Label: z.string().optional() })).default([]),
  References: z.union([z.string(), z.array(z.string())]).optional(),
});

export function parseMotorolaSidecar(jsonText: string, vttText?: string): SidecarResult {
  const problems: SidecarProblem[] = [];
  const json = parseJsonFile(jsonText, sidecarJson, 'sidecar JSON');
  if (!json.ok) return { ok: false, problems: [{ file: 'json', line: null, message: json.error }] };
  const j = json.value;
  if (Date.parse(j.EndTime) < Date.parse(j.StartTime)) {
    return { ok: false, problems: [{ file: 'json', line: null, message: `EndTime ${j.EndTime} is before StartTime ${j.StartTime}` }] };
  }
  const bookmarks = j.DataPoints.filter((p) => p.Event.toLowerCase() === 'bookmark').map((p) => {
    if (p.Time < j.StartTime || p.Time > j.EndTime) {
      problems.push({ file: 'json', line: null, message: `bookmark at ${p.Time} is outside the clip (${j.StartTime} to ${j.EndTime})` });
    }
    return { t: p.Time, label: p.Label?.trim() || null };
  });
  const refs = parseReferences(typeof j.References === 'string' ? j.References : (j.References ?? []).join(';'));
  for (const u of refs.unrecognised) {
    problems.push({ file: 'json', line: null, message: `References: "${u}" is not a CAD or CRIS reference; kept as written` });
  }
  const gps = vttText === undefined ? [] : readGpsTrack(vttText, j.StartTime, j.Officer, problems);
  return {
    ok: true,
    sidecar: {
      deviceSerial: j.DeviceSerial,
      officer: j.Officer,
      officerId: j.OfficerId ?? collarNumberOf(j.Officer),
      startUtc: j.StartTime,
      endUtc: j.EndTime,
      bookmarks,
      gps,
      references: refs.references,
    },
    problems,
  };
}

const cuePayload = z.object({ gpsCoordinates: z.string().optional(), officer: z.string().optional() });

function readGpsTrack(vttText: string, startUtc: string, officer: string, problems: SidecarProblem[]): GpsFix[] {
  const vtt = parseVtt(vttText);
  for (const p of vtt.problems) problems.push({ file: 'vtt', line: p.line, message: p.message });
  const start = Date.parse(startUtc);
  const gps: GpsFix[] = [];
  for (const cue of vtt.cues) {
    const report = (message: string) => problems.push({ file: 'vtt', line: cue.textLine, message });
    const payload = parseJsonFile(cue.text, cuePayload, `cue text`);
    if (!payload.ok) {
      report(payload.error);
      continue;
    }
    const { gpsCoordinates, officer: cueOfficer } = payload.value;
    if (cueOfficer !== undefined && cueOfficer.trim() !== officer) {
      report(`cue officer "${cueOfficer.trim()}" differs from the sidecar's officer "${officer}"`);
    }
    if (gpsCoordinates === undefined) continue;
    const fix = parseCoordinates(gpsCoordinates);
    if (typeof fix === 'string') report(fix);
    else gps.push({ t: new Date(start + Math.round(cue.startSec * 1000)).toISOString(), ...fix });
  }
  return gps;
}

/**
 * "N51.545120 W0.055430" (hemisphere letters, as the sample writes) or signed decimal degrees "51.545120,-0.055430",
 * latitude first either way.
 */
export function parseCoordinates(text: string): { lat: number; lon: number } | string {
  const trimmed = text.trim();
  const lettered = /^([NS])\s*(\d{1,2}(?:\.\d+)?)[\s,]+([EW])\s*(\d{1,3}(?:\.\d+)?)$/i.exec(trimmed);
  const signed = /^([+-]?\d{1,2}(?:\.\d+)?)\s*[,\s]\s*([+-]?\d{1,3}(?:\.\d+)?)$/.exec(trimmed);
  let lat: number;
  let lon: number;
  if (lettered) {
    lat = Number(lettered[2]) * (lettered[1]!.toUpperCase() === 'S' ? -1 : 1);
    lon = Number(lettered[4]) * (lettered[3]!.toUpperCase() === 'W' ? -1 : 1);
  } else if (signed) {
    lat = Number(signed[1]);
    lon = Number(signed[2]);
  } else {
    return `gpsCoordinates "${trimmed}" is not "N51.5 W0.05" or "51.5,-0.05"`;
  }
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180) return `gpsCoordinates "${trimmed}" is off the globe`;
  return { lat, lon };
}
