import { z } from 'zod';
import { parseIsoInstant } from '../time/isoInstant';
import type { AxisFolderName } from './axisNames';
import { parseJsonFile } from './jsonFile';
import { collarNumberOf } from './officerId';

/**
 * The metadata.json in an Axis-style recording folder. The sample tree shows only that the file exists, so its shape
 * follows the recording container metadata of the Axis body worn integration API (github.com/AxisCommunications/
 * body-worn-integration-api, README "Recording container metadata"): UserID, BWCSerialNumber, SCUSerialNumber,
 * FirmwareVersion, BWCModel, TriggerOn/TriggerOff (reasons), TriggerOnTime/TriggerOffTime (epoch UTC),
 * TriggerOnTimeISO/TriggerOffTimeISO (RFC 3339 UTC), TriggerOnLocation/TriggerOffLocation, Status.
 * - Keys are matched case-insensitively: the API carries these as HTTP headers, whose dumps change the case.
 * - Values are strings in the API; epoch times may also arrive as JSON numbers. The API does not give the epoch's
 *   unit: values of 1e11 or more are read as milliseconds (1e11 seconds is in the year 5138), smaller as seconds.
 * - The ISO time wins when both are present; a disagreement of more than a second is reported.
 * - Locations are kept as the raw text: the API's "<lat><long><accuracy><epoch>" does not fix separators.
 */
export interface AxisMetadata {
  userId: string;
  officerId: string | null;
  serial: string;
  scuSerial: string | null;
  firmware: string | null;
  model: string | null;
  triggerOn: string | null;
  triggerOff: string | null;
  triggerOnUtc: string;
  triggerOffUtc: string | null;
  triggerOnLocation: string | null;
  triggerOffLocation: string | null;
  status: string | null;
}

export type AxisMetadataResult = { ok: true; metadata: AxisMetadata; problems: string[] } | { ok: false; error: string };

const text = z.union([z.string(), z.number()]).transform((v) => String(v).trim());
const optionalText = z
  .union([z.string(), z.number(), z.null()])
  .optional()
  .transform((v) => (v === undefined || v === null ? null : String(v).trim() || null));

// Keys are lower-cased before checking, so error paths name them in lower case.
const schema = z.preprocess(
  (v) => (typeof v === 'object' && v !== null && !Array.isArray(v) ? lowerCaseKeys(v) : v),
  z.object({
    userid: text.pipe(z.string().min(1)),
    bwcserialnumber: text.pipe(z.string().min(1)),
    scuserialnumber: optionalText,
    firmwareversion: optionalText,
    bwcmodel: optionalText,
    triggeron: optionalText,
    triggeroff: optionalText,
    triggerontime: optionalText,
    triggerontimeiso: optionalText,
    triggerofftime: optionalText,
    triggerofftimeiso: optionalText,
    triggeronlocation: optionalText,
    triggerofflocation: optionalText,
    status: optionalText,
  }),
);

function lowerCaseKeys(o: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k.toLowerCase(), v]));
}

export function parseAxisMetadata(jsonText: string): AxisMetadataResult {
  const checked = parseJsonFile(jsonText, schema, 'metadata.json');
  if (!checked.ok) return checked;
  const m = checked.value;
  const problems: string[] = [];
  const on = instant('TriggerOn', m.triggerontimeiso, m.triggerontime, problems);
  if (typeof on === 'string') return { ok: false, error: `metadata.json: ${on}` };
  if (on === null) return { ok: false, error: 'metadata.json: needs TriggerOnTimeISO or TriggerOnTime' };
  const off = instant('TriggerOff', m.triggerofftimeiso, m.triggerofftime, problems);
  if (typeof off === 'string') return { ok: false, error: `metadata.json: ${off}` };
  if (off !== null && off.utc < on.utc) problems.push(`TriggerOff time ${off.utc} is before TriggerOn time ${on.utc}`);
  return {
    ok: true,
    metadata: {
      userId: m.userid,
      officerId: collarNumberOf(m.userid),
      serial: m.bwcserialnumber,
      scuSerial: m.scuserialnumber,
      firmware: m.firmwareversion,
      model: m.bwcmodel,
      triggerOn: m.triggeron,
      triggerOff: m.triggeroff,
      triggerOnUtc: on.utc,
      triggerOffUtc: off?.utc ?? null,
      triggerOnLocation: m.triggeronlocation,
      triggerOffLocation: m.triggerofflocation,
      status: m.status,
    },
    problems,
  };
}

const LAST_MS = Date.UTC(10000, 0, 1);

/** The time from the ISO key, else the epoch key; an error sentence when a present value is unreadable. */
function instant(
  name: string,
  iso: string | null,
  epoch: string | null,
  problems: string[],
): { utc: string } | string | null {
  let fromEpoch: number | null = null;
  if (epoch !== null) {
    if (!/^\d+(?:\.\d+)?$/.test(epoch)) return `${name}Time "${epoch}" is not an epoch number`;
    const n = Number(epoch);
    fromEpoch = Math.round(n >= 1e11 ? n : n * 1000);
    if (fromEpoch >= LAST_MS) return `${name}Time "${epoch}" is after the year 9999`;
  }
  if (iso !== null) {
    const t = parseIsoInstant(iso);
    if (!t.ok) return `${name}TimeISO: ${t.error}`;
    if (fromEpoch !== null && Math.abs(fromEpoch - t.epochMs) > 1000) {
      problems.push(`${name}TimeISO ${t.utc} and ${name}Time ${new Date(fromEpoch).toISOString()} disagree; the ISO time is used`);
    }
    return { utc: t.utc };
  }
  return fromEpoch === null ? null : { utc: new Date(fromEpoch).toISOString() };
}

/** Disagreements between a recording folder's name and its metadata.json: a sign of files moved between folders. */
export function compareAxisFolder(folder: AxisFolderName, metadata: AxisMetadata): string[] {
  const differences: string[] = [];
  if (folder.userId !== metadata.userId) differences.push(`folder user "${folder.userId}" but metadata UserID "${metadata.userId}"`);
  if (folder.serial !== metadata.serial) {
    differences.push(`folder serial "${folder.serial}" but metadata BWCSerialNumber "${metadata.serial}"`);
  }
  // Folder names carry whole seconds only.
  if (Math.abs(Date.parse(folder.triggerOnUtc) - Date.parse(metadata.triggerOnUtc)) >= 1000) {
    differences.push(`folder trigger time ${folder.triggerOnUtc} but metadata TriggerOn time ${metadata.triggerOnUtc}`);
  }
  return differences;
}
