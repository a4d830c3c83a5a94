export interface GeoLocation {
  lat: number;
  lon: number;
  /** Metres above the reference ellipsoid, when the source gives one. */
  alt?: number;
}

/**
 * Parses an ISO 6709 point string as cameras and phones write it in QuickTime metadata, e.g.
 * "+51.5450-000.0553+010.000/". ISO 6709:2008 Annex H: signed latitude then longitude, each as degrees (±DD.D,
 * ±DDD.D), degrees-minutes (±DDMM.M, ±DDDMM.M) or degrees-minutes-seconds (±DDMMSS.S, ±DDDMMSS.S), the form told
 * apart by the count of integer digits; then an optional signed altitude, an optional "CRS..." and a closing "/".
 * Fewer degree digits than the standard's (e.g. "+5.1+0.2/") are accepted as plain degrees, since no other reading
 * exists. Returns null for anything malformed or out of range.
 */
export function parseIso6709(text: string): GeoLocation | null {
  const m = /^([+-]\d+(?:\.\d+)?)([+-]\d+(?:\.\d+)?)([+-]\d+(?:\.\d+)?)?(?:CRS[^/]*)?\/?$/.exec(text.trim());
  if (!m) return null;
  const lat = angle(m[1]!, 2);
  const lon = angle(m[2]!, 3);
  if (lat === null || lon === null || Math.abs(lat) > 90 || Math.abs(lon) > 180) return null;
  const out: GeoLocation = { lat, lon };
  if (m[3] !== undefined) out.alt = Number(m[3]);
  return out;
}

/** One signed coordinate; `degreeDigits` is 2 for latitude, 3 for longitude. */
function angle(field: string, degreeDigits: number): number | null {
  const sign = field.startsWith('-') ? -1 : 1;
  const [intPart = '', frac = ''] = field.slice(1).split('.');
  const fraction = frac ? Number(`0.${frac}`) : 0;
  const n = intPart.length;
  let value: number;
  if (n <= degreeDigits) {
    value = Number(intPart) + fraction;
  } else if (n === degreeDigits + 2) {
    const minutes = Number(intPart.slice(degreeDigits)) + fraction;
    if (minutes >= 60) return null;
    value = Number(intPart.slice(0, degreeDigits)) + minutes / 60;
  } else if (n === degreeDigits + 4) {
    const minutes = Number(intPart.slice(degreeDigits, degreeDigits + 2));
    const seconds = Number(intPart.slice(degreeDigits + 2)) + fraction;
    if (minutes >= 60 || seconds >= 60) return null;
    value = Number(intPart.slice(0, degreeDigits)) + minutes / 60 + seconds / 3600;
  } else {
    return null;
  }
  return sign * value;
}
