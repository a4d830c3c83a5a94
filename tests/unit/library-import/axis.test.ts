import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAxisClipName, parseAxisFolderName } from '../../../shared/library/axisNames';
import { compareAxisFolder, parseAxisMetadata } from '../../../shared/library/axisMetadata';

const tree = readFileSync(new URL('../../fixtures/data/axis-style-tree.txt', import.meta.url), 'utf8');
const folders = tree.split(/\r?\n/).filter((l) => l.endsWith('/'));
const clips = tree.split(/\r?\n/).map((l) => l.trim()).filter((l) => /\.(mp4|mkv)$/.test(l));
const dir = mkdtempSync(join(tmpdir(), 'bwc-axis-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('Axis folder and clip names from the sample tree', () => {
  it('reads both folders', () => {
    expect(folders.map(parseAxisFolderName)).toEqual([
      { ok: true, value: { userId: 'PC1234CE', officerId: '1234CE', serial: 'B4A2000187', triggerOnUtc: '2026-10-03T22:15:00.000Z' } },
      { ok: true, value: { userId: 'PS77CE', officerId: '77CE', serial: 'B4A2000190', triggerOnUtc: '2026-10-14T08:12:00.000Z' } },
    ]);
  });

  it('reads all three clips', () => {
    expect(clips.map(parseAxisClipName)).toEqual([
      { ok: true, value: { startUtc: '2026-10-03T22:15:02.000Z', recordingId: '7f3a1c', container: 'mp4' } },
      { ok: true, value: { startUtc: '2026-10-03T22:29:13.000Z', recordingId: '7f3a1d', container: 'mp4' } },
      { ok: true, value: { startUtc: '2026-10-14T08:12:05.000Z', recordingId: '81bb02', container: 'mkv' } },
    ]);
  });
});

describe('Axis names, other shapes', () => {
  it('keeps underscores in user ids and accepts the API diagram form <date>_<time>', () => {
    expect(parseAxisFolderName('a_b_SERIAL9_20261003_221500')).toEqual({
      ok: true, value: { userId: 'a_b', officerId: null, serial: 'SERIAL9', triggerOnUtc: '2026-10-03T22:15:00.000Z' },
    });
    expect(parseAxisFolderName('3f2b8c1e-2f4a-4c7e-9f7b-1a2b3c4d5e6f_B4A2000187_20261003T221500Z')).toMatchObject({
      ok: true, value: { userId: '3f2b8c1e-2f4a-4c7e-9f7b-1a2b3c4d5e6f', officerId: null },
    });
    expect(parseAxisClipName('20261003_221502_7f3a1c.MKV')).toEqual({
      ok: true, value: { startUtc: '2026-10-03T22:15:02.000Z', recordingId: '7f3a1c', container: 'mkv' },
    });
  });

  it.each([
    ['B4A2000187_20261003T221500Z', 'is not <UserID>_<SerialNumber>'],
    ['PC1234CE__20261003T221500Z', 'is not <UserID>_<SerialNumber>'],
    ['PC1234CE_B4A2000187_2026-10-03', 'is not <UserID>_<SerialNumber>'],
    ['PC1234CE_B4A2000187_20261303T221500Z', 'month 13 is not 1–12'],
    ['PC1234CE_B4A2000187_20260230T221500Z', 'day 30 does not exist in February 2026'],
  ])('refuses folder %s', (name, message) => {
    expect(parseAxisFolderName(name)).toMatchObject({ ok: false, error: expect.stringContaining(message) });
  });

  it.each([
    ['20261003T221502Z_7f3a1c.avi', 'is not <yyyymmddTHHMMSSZ>_<RecordingID>.mp4 or .mkv'],
    ['20261003T221502Z.mp4', 'is not'],
    ['x_20261003T221502Z_7f3a1c.mp4', 'is not'],
    ['20261003T246002Z_7f3a1c.mp4', 'hour 24 is not 0–23'],
  ])('refuses clip %s', (name, message) => {
    expect(parseAxisClipName(name)).toMatchObject({ ok: false, error: expect.stringContaining(message) });
  });

  it('never throws', () => {
    fc.assert(fc.property(fc.string(), (s) => typeof parseAxisFolderName(s).ok === 'boolean' && typeof parseAxisClipName(s).ok === 'boolean'));
  });
});

describe('parseAxisMetadata', () => {
  // Keys from the Axis body worn integration API README, "Recording container metadata".
  const metadata = {
    UserID: 'PC1234CE', BWCSerialNumber: 'B4A2000187', SCUSerialNumber: 'W800-0001', FirmwareVersion: '10.2.1',
    BWCModel: 'W110', TriggerOn: 'Button', TriggerOff: 'Button',
    TriggerOnTime: String(Date.UTC(2026, 9, 3, 22, 15) / 1000), TriggerOnTimeISO: '2026-10-03T22:15:00Z',
    TriggerOffTimeISO: '2026-10-03T22:41:40Z', TriggerOnLocation: '51.5451-0.0554 5 1791065700', Status: 'Complete',
  };
  const write = (name: string, value: unknown) => {
    const folder = join(dir, name);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'metadata.json'), typeof value === 'string' ? value : JSON.stringify(value, null, 2));
    return readFileSync(join(folder, 'metadata.json'), 'utf8');
  };

  it('reads a metadata.json that agrees with its folder', () => {
    const r = parseAxisMetadata(write(folders[0]!.slice(0, -1), metadata));
    expect(r).toEqual({
      ok: true,
      metadata: {
        userId: 'PC1234CE', officerId: '1234CE', serial: 'B4A2000187', scuSerial: 'W800-0001', firmware: '10.2.1',
        model: 'W110', triggerOn: 'Button', triggerOff: 'Button', triggerOnUtc: '2026-10-03T22:15:00.000Z',
        triggerOffUtc: '2026-10-03T22:41:40.000Z', triggerOnLocation: '51.5451-0.0554 5 1791065700', triggerOffLocation: null,
        status: 'Complete',
      },
      problems: [],
    });
    const folder = parseAxisFolderName(folders[0]!);
    if (!folder.ok || !r.ok) throw new Error('fixture did not parse');
    expect(compareAxisFolder(folder.value, r.metadata)).toEqual([]);
  });

  it('reports a metadata.json that belongs to another folder', () => {
    const r = parseAxisMetadata(write('moved', metadata));
    const other = parseAxisFolderName(folders[1]!);
    if (!other.ok || !r.ok) throw new Error('fixture did not parse');
    expect(compareAxisFolder(other.value, r.metadata)).toEqual([
      'folder user "PS77CE" but metadata UserID "PC1234CE"',
      'folder serial "B4A2000190" but metadata BWCSerialNumber "B4A2000187"',
      'folder trigger time 2026-10-14T08:12:00.000Z but metadata TriggerOn time 2026-10-03T22:15:00.000Z',
    ]);
  });

  it('matches keys in any case, takes epoch seconds or milliseconds, and numbers', () => {
    const seconds = parseAxisMetadata(JSON.stringify({ userid: 'u', BWCSERIALNUMBER: 's', triggerontime: 1791065700 }));
    expect(seconds).toMatchObject({ ok: true, metadata: { triggerOnUtc: new Date(1791065700000).toISOString(), model: null } });
    const millis = parseAxisMetadata(JSON.stringify({ UserID: 'u', BWCSerialNumber: 's', TriggerOnTime: '1791065700123', Status: null }));
    expect(millis).toMatchObject({ ok: true, metadata: { triggerOnUtc: new Date(1791065700123).toISOString(), status: null } });
  });

  it('prefers the ISO time and reports a disagreeing epoch', () => {
    const r = parseAxisMetadata(JSON.stringify({ ...metadata, TriggerOnTime: '1791000000' }));
    expect(r).toMatchObject({ ok: true, metadata: { triggerOnUtc: '2026-10-03T22:15:00.000Z' } });
    if (r.ok) expect(r.problems[0]).toContain('disagree; the ISO time is used');
  });

  it.each([
    ['not JSON', '{', 'metadata.json is not valid JSON'],
    ['an array', '[]', 'metadata.json: (top level)'],
    ['no user', JSON.stringify({ ...metadata, UserID: undefined }), 'userid'],
    ['an empty serial', JSON.stringify({ ...metadata, BWCSerialNumber: ' ' }), 'bwcserialnumber'],
    ['no trigger time', JSON.stringify({ UserID: 'u', BWCSerialNumber: 's' }), 'needs TriggerOnTimeISO or TriggerOnTime'],
    ['a bad ISO time', JSON.stringify({ ...metadata, TriggerOnTimeISO: '03/10/2026 22:15' }), 'TriggerOnTimeISO: "03/10/2026 22:15"'],
    ['a bad epoch', JSON.stringify({ UserID: 'u', BWCSerialNumber: 's', TriggerOnTime: 'soon' }), 'TriggerOnTime "soon" is not an epoch number'],
    ['an epoch past 9999', JSON.stringify({ UserID: 'u', BWCSerialNumber: 's', TriggerOnTime: '1e30' }), 'is not an epoch number'],
    ['a huge epoch', JSON.stringify({ UserID: 'u', BWCSerialNumber: 's', TriggerOnTime: '99999999999999999' }), 'after the year 9999'],
  ])('refuses %s with a clear error', (_what, text, message) => {
    expect(parseAxisMetadata(text)).toMatchObject({ ok: false, error: expect.stringContaining(message) });
  });
});
