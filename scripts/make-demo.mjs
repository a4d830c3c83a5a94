// Regenerates resources/demo/: synthetic BWC clips (test patterns with burned-in BCU, team, officer, camera, incident
// reference and a running Europe/London wall clock) and an Axon-style evidence export describing them. Everything is
// invented. Deterministic: fixed content, bit-exact encoder flags, single-threaded x264, metadata stripped and set
// explicitly. Needs ffmpeg on PATH and the DejaVu font (Debian: fonts-dejavu-core). Run with `npm run demo`.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'resources', 'demo');
const FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
if (!existsSync(FONT)) throw new Error(`font missing: ${FONT} (apt-get install fonts-dejavu-core)`);
const BCU = 'Central East';
const SECONDS = 10;
const FPS = 10;
// The UK rule as a POSIX TZ string, so the burned-in clock does not depend on the host's tzdata: GMT, and BST from
// 01:00 on the last Sunday of March to 02:00 (local) on the last Sunday of October.
const LONDON_TZ = 'GMT0BST,M3.5.0/1,M10.5.0/2';

const OFFICERS = {
  'PC 1234CE': 'X6031234', 'PC 4510CE': 'X6034510', // CE-NPT-HackneyNorth
  'PC 2211CE': 'X6032211', 'PS 77CE': 'X6030077', // CE-NPT-HackneySouth
  'PC 3090CE': 'X6033090', 'PC 5521CE': 'X6035521', 'PC 6610CE': 'X6036610', // CE-NPT-TowerHamlets
};

// Start times are Europe/London local. Further cameras start a few seconds after the first, well inside its 10 s,
// so their recordings overlap and a viewer switching camera can stay on the same wall-clock moment.
const INCIDENTS = [
  { ref: 'CAD 3012/12SEP26', cat: 'Domestic Abuse;Child Present', tags: '', team: 'CE-NPT-HackneyNorth', local: '2026-09-12 21:40', desc: 'Caller reports partner shouting; two young children at the address', cams: [['PC 1234CE', 0], ['PC 4510CE', 4]] },
  { ref: 'CAD 3377/19SEP26', cat: 'Child Protection', tags: 'follow-up', team: 'CE-NPT-HackneySouth', local: '2026-09-19 14:05', desc: 'School reports child not collected', cams: [['PC 2211CE', 0], ['PS 77CE', 6]] },
  { ref: 'CAD 4101/27SEP26', cat: 'Public Order', tags: '', team: 'CE-NPT-TowerHamlets', local: '2026-09-27 23:50', desc: 'Disturbance outside licensed premises, no children present', cams: [['PC 3090CE', 0], ['PC 5521CE', 3]] },
  { ref: 'CAD 1187/03OCT26', cat: 'Domestic Abuse;Child Present;Arrest', tags: 'follow-up', team: 'CE-NPT-TowerHamlets', local: '2026-10-03 18:20', desc: 'Repeat call to the address; "third time this month"', cams: [['PC 5521CE', 0], ['PC 6610CE', 3], ['PC 3090CE', 6]] },
  { ref: 'CAD 2290/09OCT26', cat: 'Missing Person', tags: 'child present', team: 'CE-NPT-HackneySouth', local: '2026-10-09 07:15', desc: 'Fourteen-year-old returned home after missing overnight', cams: [['PC 2211CE', 0]] },
  { ref: 'CAD 4517/24OCT26', cat: 'Domestic Abuse;Child Present', tags: 'follow-up', team: 'CE-NPT-HackneyNorth', local: '2026-10-24 22:10', desc: 'Call to flat, "raised voices", two children', cams: [['PC 1234CE', 0], ['PC 4510CE', 5]] },
  // In the hour repeated when the clocks went back (25/10/2026). The clip is the first 01:20 (still BST, 00:20Z),
  // the reading an importer should default to, and the export's local time is flagged as ambiguous.
  { ref: 'CAD 0342/25OCT26', cat: 'Domestic Abuse', tags: 'child present', team: 'CE-NPT-HackneySouth', local: '2026-10-25 01:20', desc: 'Neighbour reports shouting and a baby crying', cams: [['PS 77CE', 0]] },
  { ref: 'CAD 5120/29OCT26', cat: 'Concern for Welfare;Child Present', tags: '', team: 'CE-NPT-TowerHamlets', local: '2026-10-29 16:45', desc: 'Welfare check on a family with an infant', cams: [['PC 6610CE', 0], ['PC 5521CE', 2]] },
  { ref: '', cat: 'Stop and Search', tags: '', team: 'CE-NPT-HackneyNorth', local: '2026-10-30 11:30', desc: 'Street encounter, no call reference', cams: [['PC 4510CE', 0]] },
];

// One row whose file was never downloaded: the library must report it, not fail.
const ROW_WITHOUT_FILE = { officer: 'PC 4510CE', team: 'CE-NPT-HackneyNorth', local: '2026-10-31 09:05', ref: 'CAD 1501/31OCT26', cat: 'Concern for Welfare', desc: 'File not yet downloaded', duration: '00:03:10' };

const HOUR_MS = 3_600_000;

/**
 * Europe/London local → UTC by the UK rule (BST from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last
 * Sunday of October; Summer Time Order 2002). A time in the repeated October hour is read as its first (BST) one.
 */
function localToUtc(local) {
  const [y, m, d, hh, mm] = local.split(/[- :]/).map(Number);
  const lastSundayAt0100 = (month) => {
    const last = new Date(Date.UTC(y, month, 0));
    return Date.UTC(y, month - 1, last.getUTCDate() - last.getUTCDay(), 1);
  };
  const asBst = Date.UTC(y, m - 1, d, hh, mm) - HOUR_MS;
  return new Date(asBst >= lastSundayAt0100(3) && asBst < lastSundayAt0100(10) ? asBst : asBst + HOUR_MS);
}

const ukParts = (date) => {
  const p = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).formatToParts(date);
  const g = (k) => p.find((x) => x.type === k).value;
  return { y: g('year'), mo: g('month'), d: g('day'), h: g('hour'), mi: g('minute'), s: g('second') };
};
const csvStamp = (date) => {
  const t = ukParts(date);
  return `${t.d}/${t.mo}/${t.y} ${t.h}:${t.mi}`;
};
const csvCell = (v) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
// drawtext text: quotes end the option value and ':' and '%' are syntax, so they are replaced or escaped.
const escText = (s) => s.replace(/\\/g, '\\\\').replace(/'/g, '\u2019').replace(/:/g, '\\:').replace(/%/g, '\\%');
const label = (text, y) => `drawtext=fontfile=${FONT}:fontsize=12:fontcolor=white:box=1:boxcolor=black@0.65:boxborderw=3:x=6:y=${y}:text='${escText(text)}'`;

function encode(file, epochSec, lines, toneHz, creationIso) {
  // The clock is %{pts:localtime:EPOCH:FORMAT}; inside the filter graph the format's colons need a double escape.
  const clock = `drawtext=fontfile=${FONT}:fontsize=14:fontcolor=yellow:box=1:boxcolor=black@0.7:boxborderw=3:x=6:y=h-24:` +
    `text='%{pts\\:localtime\\:${epochSec}\\:%d/%m/%Y %H\\\\\\:%M\\\\\\:%S %Z}'`;
  execFileSync('ffmpeg', [
    '-v', 'error', '-y',
    '-f', 'lavfi', '-i', `testsrc2=s=320x180:r=${FPS}:d=${SECONDS}`,
    '-f', 'lavfi', '-i', `sine=frequency=${toneHz}:sample_rate=22050:duration=${SECONDS}`,
    '-vf', [...lines.map((l, i) => label(l, 6 + i * 18)), clock].join(','),
    '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '32', '-pix_fmt', 'yuv420p', '-profile:v', 'main', '-threads', '1', '-x264-params', `keyint=${2 * FPS}`,
    '-c:a', 'aac', '-b:a', '24k', '-ac', '1', '-af', 'volume=0.25',
    '-map_metadata', '-1', '-fflags', '+bitexact', '-flags:v', '+bitexact', '-flags:a', '+bitexact',
    '-metadata', `creation_time=${creationIso}`,
    '-movflags', '+faststart',
    file,
  ], { env: { ...process.env, TZ: LONDON_TZ } });
}

function evidenceRow({ name, title, cat, desc, officer, start, duration, ref, tags, team }) {
  const id = createHash('sha256').update(name).digest('hex').slice(0, 16);
  const uploaded = csvStamp(new Date(start.getTime() + 6 * HOUR_MS));
  return [id, title, cat, desc, officer, officer, csvStamp(start), uploaded, duration, ref, [tags, `BCU:${BCU}`].filter(Boolean).join(','), team, name];
}

rmSync(join(out, 'footage'), { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const rows = [];
let tone = 300;
for (const inc of INCIDENTS) {
  const incStart = localToUtc(inc.local);
  for (const [officer, offsetSec] of inc.cams) {
    const serial = OFFICERS[officer];
    const start = new Date(incStart.getTime() + offsetSec * 1000);
    const t = ukParts(start);
    const name = `Axon_Body_3_Video_${t.y}-${t.mo}-${t.d}_${t.h}${t.mi}${t.s}_${serial}.mp4`;
    const folder = join(out, 'footage', `${t.y}-${t.mo}`, officer.replace(/\s+/g, '_'));
    mkdirSync(folder, { recursive: true });
    const lines = [`${BCU} - ${inc.team}`, `${officer} - camera ${serial}`, inc.ref || 'no CAD reference', 'SYNTHETIC DEMO FOOTAGE'];
    encode(join(folder, name), start.getTime() / 1000, lines, tone, start.toISOString());
    tone += 40;
    rows.push(evidenceRow({ ...inc, name, title: `Axon Body 3 Video ${t.y}-${t.mo}-${t.d} ${t.h}${t.mi}`, officer, start, duration: `00:00:${String(SECONDS).padStart(2, '0')}` }));
  }
}
{
  const r = ROW_WITHOUT_FILE;
  const start = localToUtc(r.local);
  const t = ukParts(start);
  rows.push(evidenceRow({ ...r, name: `Axon_Body_3_Video_${t.y}-${t.mo}-${t.d}_${t.h}${t.mi}${t.s}_${OFFICERS[r.officer]}.mp4`, title: `Axon Body 3 Video ${t.y}-${t.mo}-${t.d} ${t.h}${t.mi}`, start, tags: '' }));
}

const header = ['ID', 'Title', 'Categories', 'Description', 'Owner', 'Recorded By', 'Recorded On', 'Uploaded On', 'Duration', 'Cases', 'Tags', 'Evidence Group', 'File Name'];
writeFileSync(join(out, 'export.csv'), '\ufeff' + [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n');

const bytes = readdirSync(out, { recursive: true }).map((f) => statSync(join(out, f))).filter((s) => s.isFile()).reduce((n, s) => n + s.size, 0);
console.log(`demo: ${rows.length - 1} clips in ${INCIDENTS.length} incidents, ${(bytes / 1e6).toFixed(2)} MB in ${out}`);
