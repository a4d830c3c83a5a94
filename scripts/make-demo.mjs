// Regenerates resources/demo/: synthetic BWC clips (test patterns with burned-in BCU, team, officer, camera,
// reference and a running UTC clock) and an Axon-style evidence export describing them. Everything is invented.
// Deterministic: fixed content, bit-exact encoder flags, single-threaded x264, fixed metadata. Needs ffmpeg and the
// DejaVu font (Debian: fonts-dejavu-core). Run with `npm run demo`.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'resources', 'demo');
const FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
if (!existsSync(FONT)) throw new Error(`font missing: ${FONT} (apt-get install fonts-dejavu-core)`);
const BCU = 'Central East';
const SECONDS = 8;

// Local (Europe/London) start times; the export writes them as dd/mm/yyyy HH:MM local, the files carry UTC.
const INCIDENTS = [
  { ref: 'CAD 3012/12SEP26', cat: 'Domestic Abuse', tags: 'child present', team: 'CE-NPT-Hackney', local: '2026-09-12 21:40', desc: 'Caller reports partner shouting; two young children at the address', cams: [['PC 1234CE', 'X6031234', 0], ['PC 4510CE', 'X6034510', 25]] },
  { ref: 'CAD 3377/19SEP26', cat: 'Concern for Welfare', tags: 'child present', team: 'CE-ERT-A', local: '2026-09-19 14:05', desc: 'School reports child not collected', cams: [['PC 2211CE', 'X6032211', 0], ['PS 77CE', 'X6030077', 40]] },
  { ref: 'CAD 4101/27SEP26', cat: 'Public Order', tags: '', team: 'CE-NPT-TowerHamlets', local: '2026-09-27 23:50', desc: 'Disturbance outside licensed premises, no children present', cams: [['PC 3090CE', 'X6033090', 0], ['PS 77CE', 'X6030077', 15]] },
  { ref: 'CAD 1187/03OCT26', cat: 'Domestic Abuse;Child Present', tags: 'follow-up', team: 'CE-NPT-TowerHamlets', local: '2026-10-03 18:20', desc: 'Repeat call to the address; "third time this month"', cams: [['PC 5521CE', 'X6035521', 0], ['PC 6610CE', 'X6036610', 10], ['PS 77CE', 'X6030077', 30]] },
  { ref: 'CAD 2290/09OCT26', cat: 'Missing Person', tags: 'child present', team: 'CE-ERT-A', local: '2026-10-09 07:15', desc: 'Fourteen-year-old returned home after missing overnight', cams: [['PC 2211CE', 'X6032211', 0]] },
  { ref: 'CAD 4517/24OCT26', cat: 'Domestic Abuse', tags: 'child present,follow-up', team: 'CE-NPT-Hackney', local: '2026-10-24 22:10', desc: 'Call to flat, "raised voices", two children', cams: [['PC 1234CE', 'X6031234', 0], ['PC 4510CE', 'X6034510', 20]] },
  // After the clocks went back on 25/10/2026 (02:10 is GMT and unambiguous; the export records local time).
  { ref: 'CAD 0342/25OCT26', cat: 'Domestic Abuse', tags: 'child present', team: 'CE-ERT-A', local: '2026-10-25 02:10', desc: 'Neighbour reports shouting and a baby crying', cams: [['PC 3090CE', 'X6033090', 0]] },
  { ref: 'CAD 5120/29OCT26', cat: 'Concern for Welfare', tags: 'child present', team: 'CE-NPT-TowerHamlets', local: '2026-10-29 16:45', desc: 'Welfare check on a family with an infant', cams: [['PC 6610CE', 'X6036610', 0], ['PC 5521CE', 'X6035521', 5]] },
  { ref: '', cat: 'Stop and Search', tags: '', team: 'CE-ERT-A', local: '2026-10-30 11:30', desc: 'Street encounter, no call reference', cams: [['PC 5521CE', 'X6035521', 0]] },
];

/** Europe/London local → UTC by the UK rule (BST from 01:00 UTC on the last Sunday of March to the last Sunday of October). */
function localToUtc(local) {
  const [d, t] = local.split(' ');
  const [y, m, day] = d.split('-').map(Number);
  const [hh, mm] = t.split(':').map(Number);
  const lastSunday = (month) => {
    const last = new Date(Date.UTC(y, month, 0));
    return Date.UTC(y, month - 1, last.getUTCDate() - last.getUTCDay(), 1);
  };
  const asGmt = Date.UTC(y, m - 1, day, hh, mm);
  const bstStart = lastSunday(3);
  const bstEnd = lastSunday(10);
  const guess = asGmt - 3600_000;
  return new Date(guess >= bstStart && guess < bstEnd ? guess : asGmt);
}

const pad = (n) => String(n).padStart(2, '0');
const ukStamp = (date) => {
  const p = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(date);
  const g = (k) => p.find((x) => x.type === k).value;
  return { csv: `${g('day')}/${g('month')}/${g('year')} ${g('hour')}:${g('minute')}`, file: `${g('year')}-${g('month')}-${g('day')}_${g('hour')}${g('minute')}` };
};
const csvCell = (v) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const escText = (s) => s.replace(/\\/g, '\\\\').replace(/'/g, "\u2019").replace(/:/g, '\\:').replace(/%/g, '\\%');

rmSync(join(out, 'footage'), { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const rows = [];
let tone = 300;
for (const inc of INCIDENTS) {
  const incStart = localToUtc(inc.local);
  for (const [officer, serial, offsetSec] of inc.cams) {
    const start = new Date(incStart.getTime() + offsetSec * 1000);
    const stamp = ukStamp(start);
    const collar = officer.replace(/\s+/g, '_');
    const name = `Axon_Body_3_Video_${stamp.file}${pad(start.getUTCSeconds())}_${serial}.mp4`;
    const folder = join(out, 'footage', inc.local.slice(0, 7), collar);
    mkdirSync(folder, { recursive: true });
    const file = join(folder, name);
    const epoch = Math.floor(start.getTime() / 1000);
    const lines = [`${BCU} - ${inc.team}`, `${officer} - camera ${serial}`, inc.ref || 'no CAD reference', 'SYNTHETIC DEMO FOOTAGE'];
    const draw = [
      ...lines.map((l, i) => `drawtext=fontfile=${FONT}:fontsize=12:fontcolor=white:box=1:boxcolor=black@0.65:boxborderw=3:x=6:y=${6 + i * 18}:text='${escText(l)}'`),
      `drawtext=fontfile=${FONT}:fontsize=14:fontcolor=yellow:box=1:boxcolor=black@0.7:boxborderw=3:x=6:y=h-24:text='%{pts\\:gmtime\\:${epoch}\\:%d/%m/%Y %H\\\\\\:%M\\\\\\:%S} UTC'`,
    ].join(',');
    execFileSync('ffmpeg', [
      '-v', 'error', '-y',
      '-f', 'lavfi', '-i', `testsrc2=s=320x180:r=10:d=${SECONDS}`,
      '-f', 'lavfi', '-i', `sine=frequency=${tone}:sample_rate=22050:duration=${SECONDS}`,
      '-vf', draw,
      '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '33', '-pix_fmt', 'yuv420p', '-profile:v', 'main', '-threads', '1', '-x264-params', 'keyint=20',
      '-c:a', 'aac', '-b:a', '24k', '-ac', '1',
      '-map_metadata', '-1', '-fflags', '+bitexact', '-flags:v', '+bitexact', '-flags:a', '+bitexact',
      '-metadata', `creation_time=${start.toISOString()}`,
      '-movflags', '+faststart',
      file,
    ]);
    tone += 40;
    const id = createHash('sha256').update(name).digest('hex').slice(0, 16);
    const uploaded = ukStamp(new Date(start.getTime() + 6 * 3600_000)).csv;
    const tags = [inc.tags, `BCU:${BCU}`].filter(Boolean).join(',');
    rows.push([id, `Axon Body 3 Video ${stamp.file.replace('_', ' ')}`, inc.cat, inc.desc, officer, officer, stamp.csv, uploaded, `00:00:${pad(SECONDS)}`, inc.ref, tags, inc.team, name]);
  }
}
// One row whose file was never exported: the library must report it, not fail.
rows.push(['f00dfacecafe0001', 'Axon Body 3 Video 2026-10-31 0905', 'Concern for Welfare', 'File not yet downloaded', 'PC 4510CE', 'PC 4510CE', '31/10/2026 09:05', '31/10/2026 15:05', '00:03:10', 'CAD 1501/31OCT26', `BCU:${BCU}`, 'CE-NPT-Hackney', 'Axon_Body_3_Video_2026-10-31_090500_X6034510.mp4']);

const header = ['ID', 'Title', 'Categories', 'Description', 'Owner', 'Recorded By', 'Recorded On', 'Uploaded On', 'Duration', 'Cases', 'Tags', 'Evidence Group', 'File Name'];
writeFileSync(join(out, 'export.csv'), '\ufeff' + [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n');

let bytes = 0;
const walk = (d) => {
  for (const e of execFileSync('find', [d, '-type', 'f'], { encoding: 'utf8' }).trim().split('\n')) bytes += statSync(e).size;
};
walk(out);
console.log(`demo: ${rows.length - 1} clips in ${INCIDENTS.length} incidents, ${(bytes / 1e6).toFixed(2)} MB in ${out}`);
